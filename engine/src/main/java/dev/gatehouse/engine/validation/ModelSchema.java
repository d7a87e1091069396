package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.core.JsonParser;
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
        return validate(body, null);
    }

    /**
     * As {@link #validate(String)}; a non-blank body that parsed as one JSON value with nothing after it is also
     * handed to {@code parsed} (when not null), so a request template can use the tree instead of parsing the body
     * again. The parse is the one {@code readTree(String)} does (same parser, features and messages).
     */
    public List<String> validate(String body, java.util.function.Consumer<JsonNode> parsed) {
        if (body == null || body.isBlank()) return validate(ModelSchemas.JSON.createObjectNode());
        JsonNode node;
        boolean whole;
        try (JsonParser p = ModelSchemas.JSON.createParser(body)) {
            node = ModelSchemas.JSON.readTree(p);
            whole = node != null && nothingFollows(p);
        } catch (JsonProcessingException e) {
            return List.of("Invalid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) { // not thrown for a String source; same answer as a parse failure
            return List.of("Invalid JSON: " + e.getMessage());
        }
        if (node == null) node = ModelSchemas.JSON.getNodeFactory().missingNode();
        if (whole && parsed != null) parsed.accept(node);
        return validate(node);
    }

    private static boolean nothingFollows(JsonParser p) {
        try {
            return p.nextToken() == null;
        } catch (java.io.IOException trailingGarbage) {
            return false;
        }
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
