package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/** One compiled model. Thread-safe. */
public final class ModelSchema {

    private final String name;
    private final JsonSchema schema;

    ModelSchema(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    /**
     * Validates a request body. A blank body is validated as {@code {}}; a body that is not JSON fails with one
     * message. Returns the AWS-style messages (see {@link SchemaMessages}); empty means valid.
     */
    public List<String> validate(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? ModelSchemas.JSON.createObjectNode() : ModelSchemas.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("Invalid JSON: " + e.getOriginalMessage());
        }
        return validate(node);
    }

    /** Validates a parsed body. */
    public List<String> validate(JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.isEmpty() ? List.of() : SchemaMessages.format(messages);
    }

    @Override
    public String toString() {
        return "ModelSchema{" + name + "}";
    }
}
