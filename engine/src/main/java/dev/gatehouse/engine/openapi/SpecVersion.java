package dev.gatehouse.engine.openapi;

/** The document versions the importer reads. */
enum SpecVersion {
    SWAGGER_2, OAS_3_0, OAS_3_1;

    boolean isSwagger() {
        return this == SWAGGER_2;
    }
}
