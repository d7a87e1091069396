package dev.gatehouse.engine.model;

/**
 * A data model (AWS {@code Model}): a JSON Schema draft 4 document, kept as the string AWS stores.
 *
 * @param name alphanumeric; methods refer to models by name
 */
public record Model(String id, String name, String description, String schema, String contentType) {

    public static final String EMPTY_SCHEMA =
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}";
    public static final String ERROR_SCHEMA =
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Error Schema\",\"type\":\"object\","
                    + "\"properties\":{\"message\":{\"type\":\"string\"}}}";

    /** The {@code Empty} model CreateRestApi gives every new API. */
    public static Model empty(String id) {
        return new Model(id, "Empty", "This is a default empty schema model", EMPTY_SCHEMA, "application/json");
    }

    /** The {@code Error} model CreateRestApi gives every new API. */
    public static Model error(String id) {
        return new Model(id, "Error", "This is a default error schema model", ERROR_SCHEMA, "application/json");
    }
}
