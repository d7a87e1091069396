package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's draft-4 schema → an OpenAPI schema: AWS model URLs become {@code #/components/schemas/X} (OAS 3.0) or
 * {@code #/definitions/X} (Swagger), {@code $schema} goes, and a {@code [type, "null"]} pair becomes
 * {@code nullable: true} (OAS 3.0) or {@code x-nullable: true} (Swagger). Other draft-4 keywords are written as
 * they are (e.g. {@code oneOf} in Swagger 2.0, which the importer reads back), so the round trip is lossless.
 */
final class SchemaExporter {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Pattern MODEL_URL = Pattern.compile("^https?://[^/]+/restapis/[^/]+/models/([A-Za-z0-9]+)$");

    private SchemaExporter() {}

    static JsonNode export(String schema, ExportFormat format) {
        JsonNode node;
        try {
            node = schema == null ? PLAIN.createObjectNode() : PLAIN.readTree(schema);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return PLAIN.createObjectNode().put("description", "the model's schema is not a JSON object");
        }
        ObjectNode copy = (ObjectNode) node.deepCopy();
        copy.remove("$schema");
        rewrite(copy, format);
        return copy;
    }

    /** {@code #/components/schemas/X} or {@code #/definitions/X}. */
    static String ref(String modelName, ExportFormat format) {
        return (format == ExportFormat.OAS30 ? "#/components/schemas/" : "#/definitions/") + modelName;
    }

    private static void rewrite(JsonNode node, ExportFormat format) {
        if (node.isArray()) {
            for (JsonNode child : node) rewrite(child, format);
            return;
        }
        if (!node.isObject()) return;
        ObjectNode object = (ObjectNode) node;
        JsonNode ref = object.get("$ref");
        if (ref != null && ref.isTextual()) {
            Matcher m = MODEL_URL.matcher(ref.asText());
            if (m.matches()) object.put("$ref", ref(m.group(1), format));
        }
        JsonNode type = object.get("type");
        if (type != null && type.isArray() && type.size() == 2) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            if (types.contains("null") && !types.get(0).equals(types.get(1))) {
                String other = types.get(0).equals("null") ? types.get(1) : types.get(0);
                replaceType(object, other, format == ExportFormat.OAS30 ? "nullable" : "x-nullable");
            }
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) rewrite(e.getValue(), format);
    }

    /** Keeps key order: the new type where the old one was, the nullable flag right after it. */
    private static void replaceType(ObjectNode object, String type, String flag) {
        ObjectNode rebuilt = PLAIN.createObjectNode();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equals("type")) {
                rebuilt.put("type", type);
                rebuilt.put(flag, true);
            } else if (!e.getKey().equals(flag)) {
                rebuilt.set(e.getKey(), e.getValue());
            }
        }
        object.removeAll();
        object.setAll(rebuilt);
    }
}
