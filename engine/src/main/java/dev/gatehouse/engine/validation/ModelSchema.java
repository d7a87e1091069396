package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.gatehouse.engine.mapping.JsonTreeReader;
import java.util.List;
import java.util.Set;

/** One compiled model. Thread-safe. */
public final class ModelSchema {

    private final String name;
    private final JsonSchema schema;
    /** The quick test for valid bodies, or null when the schema uses keywords it does not decide. */
    private final ValidBodyCheck quick;

    ModelSchema(String name, JsonSchema schema, JsonNode schemaNode) {
        this.name = name;
        this.schema = schema;
        this.quick = ValidBodyCheck.compile(schemaNode);
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
        return validate(body, null, parsed);
    }

    /**
     * As {@link #validate(String, java.util.function.Consumer)}, with the bytes {@code body} was decoded from
     * (UTF-8; null when there are none). Jackson's byte parser is the cheaper one, so the tree comes from the bytes
     * when both parsers provably read the same text: the decoder replaced nothing (no U+FFFD in {@code body}, so
     * the bytes are well-formed UTF-8), the text starts with no byte-order mark and the first four bytes hold no
     * NUL (Jackson's byte source then detects neither a BOM nor UTF-16/32). Anything the byte parse refuses is
     * parsed again from the text, so failure messages stay the text parser's.
     */
    public List<String> validate(String body, byte[] utf8, java.util.function.Consumer<JsonNode> parsed) {
        return validate(body, utf8, parsed == null ? null : (tree, convertible) -> parsed.accept(tree));
    }

    /** Takes a parsed body and what its parse learnt about it ({@link JsonTreeReader.Tree}). */
    @FunctionalInterface
    public interface ParsedBody {
        /** {@code convertible}: as {@link JsonTreeReader.Tree#convertible()} (false: not known). */
        void offer(JsonNode tree, boolean convertible);
    }

    /**
     * As {@link #validate(String, byte[], java.util.function.Consumer)}; an object or array parsed from the bytes is
     * read by {@link JsonTreeReader} (the tree {@code readTree} builds, with its conversion facts), which it hands to
     * {@code parsed} with the tree.
     */
    public List<String> validate(String body, byte[] utf8, ParsedBody parsed) {
        if (body == null || body.isBlank()) return validate(ModelSchemas.JSON.createObjectNode());
        if (utf8 != null && sameTextAsBytes(body, utf8)) {
            try (JsonParser p = ModelSchemas.JSON.createParser(utf8)) {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
                    JsonTreeReader.Tree read = JsonTreeReader.read(p, ModelSchemas.JSON.getNodeFactory());
                    if (parsed != null && nothingFollows(p)) parsed.offer(read.tree(), read.convertible());
                    return validate(read.tree());
                }
                JsonNode node = first == null ? null : ModelSchemas.JSON.readTree(p); // from the current token
                if (node != null) {
                    if (parsed != null && nothingFollows(p)) parsed.offer(node, false);
                    return validate(node);
                }
            } catch (java.io.IOException refused) {
                // parsed again from the text below: its message is the one AWS-style validation reports
            }
        }
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
        if (whole && parsed != null) parsed.offer(node, false);
        return validate(node);
    }

    static boolean sameTextAsBytes(String body, byte[] utf8) {
        if (body.indexOf('\uFFFD') >= 0 || body.charAt(0) == '\uFEFF') return false;
        for (int i = 0, n = Math.min(4, utf8.length); i < n; i++) if (utf8[i] == 0) return false;
        return true;
    }

    private static boolean nothingFollows(JsonParser p) {
        try {
            return p.nextToken() == null;
        } catch (java.io.IOException trailingGarbage) {
            return false;
        }
    }

    /**
     * Validates a parsed body: a body the quick test ({@link ValidBodyCheck}) shows valid needs nothing more; any
     * other goes through networknt, which decides and writes the messages.
     */
    public List<String> validate(JsonNode node) {
        if (quick != null && quick.isValid(node)) return List.of();
        return fullValidation(node);
    }

    /** networknt's verdict alone, without the quick test. */
    List<String> fullValidation(JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.isEmpty() ? List.of() : SchemaMessages.format(messages);
    }

    /** The quick test, or null when this schema has none. */
    ValidBodyCheck quickCheck() {
        return quick;
    }

    @Override
    public String toString() {
        return "ModelSchema{" + name + "}";
    }
}
