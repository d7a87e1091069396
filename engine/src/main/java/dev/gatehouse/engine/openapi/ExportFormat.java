package dev.gatehouse.engine.openapi;

/** Export document types (AWS GetExport {@code exportType}). */
public enum ExportFormat {
    /** OpenAPI 3.0.1, AWS's {@code oas30}. */
    OAS30,
    /** Swagger 2.0, AWS's {@code swagger}. */
    SWAGGER
}
