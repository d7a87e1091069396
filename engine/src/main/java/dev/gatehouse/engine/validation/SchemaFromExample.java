package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers a JSON Schema (draft 4, the dialect API Gateway models use) from one JSON example, like the console's
 * "generate a model from this JSON example":
 * <ul>
 *   <li>an object becomes {@code "type": "object"} with a schema per property, and {@code required} lists the keys
 *       the example has;</li>
 *   <li>an array becomes {@code "type": "array"} whose {@code items} merge every element: object keys are united,
 *       and only keys present in every element stay required; an empty array gets no {@code items};</li>
 *   <li>a whole number becomes {@code integer}, any other number {@code number}; an array mixing both is
 *       {@code number};</li>
 *   <li>{@code null} becomes the empty schema {@code {}}: the example says the key exists, not what it holds, and
 *       {@code "type": "null"} would reject every real value. Elements of different types give a draft-4 type
 *       list ({@code ["string", "integer"]}).</li>
 * </ul>
 * Pure and thread-safe; callable from any thread.
 */
public final class SchemaFromExample {
    private static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaFromExample() {}

    /** Why an example cannot be turned into a schema; the message names the line and column when it can. */
    public static final class ExampleException extends IllegalArgumentException {
        private final int line;
        private final int column;

        ExampleException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** 1-based line of the problem, or 0 when it has no position (an empty example). */
        public int line() { return line; }

        /** 1-based column of the problem, or 0 when it has no position. */
        public int column() { return column; }
    }

    /**
     * The draft-4 schema for {@code jsonExample}, pretty-printed, with {@code $schema} and (when not blank)
     * {@code title}.
     *
     * @throws ExampleException when the example is blank or not valid JSON; the message gives line and column
     */
    public static String generate(String jsonExample, String title) {
        if (jsonExample == null || jsonExample.isBlank()) throw new ExampleException("The example is empty: paste a JSON value", 0, 0);
        JsonNode example;
        try {
            example = JSON.readTree(jsonExample);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            int column = loc == null ? 0 : loc.getColumnNr();
            throw new ExampleException("The example is not valid JSON: " + e.getOriginalMessage()
                    + (loc == null ? "" : " (line " + line + ", column " + column + ")"), line, column);
        }
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DRAFT_4);
        if (title != null && !title.isBlank()) root.put("title", title.trim());
        root.setAll(schemaOf(example));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schema tree", e); // a tree of plain nodes always writes
        }
    }

    static ObjectNode schemaOf(JsonNode node) {
        ObjectNode schema = NODES.objectNode();
        switch (node.getNodeType()) {
            case OBJECT -> {
                schema.put("type", "object");
                ObjectNode properties = schema.putObject("properties");
                ArrayNode required = NODES.arrayNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    properties.set(field.getKey(), schemaOf(field.getValue()));
                    required.add(field.getKey());
                }
                if (!required.isEmpty()) schema.set("required", required);
            }
            case ARRAY -> {
                schema.put("type", "array");
                ObjectNode items = null;
                for (JsonNode element : node) {
                    ObjectNode s = schemaOf(element);
                    items = items == null ? s : merge(items, s);
                }
                if (items != null) schema.set("items", items);
            }
            case NUMBER -> schema.put("type", node.isIntegralNumber() ? "integer" : "number");
            case STRING, BINARY -> schema.put("type", "string");
            case BOOLEAN -> schema.put("type", "boolean");
            default -> { } // null (and anything unknown): no constraint
        }
        return schema;
    }

    /** One schema that accepts what {@code a} and {@code b} accept, as far as examples can tell. */
    static ObjectNode merge(ObjectNode a, ObjectNode b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> ta = types(a);
        Set<String> tb = types(b);
        if (ta.equals(Set.of("object")) && tb.equals(Set.of("object"))) return mergeObjects(a, b);
        if (ta.equals(Set.of("array")) && tb.equals(Set.of("array"))) {
            ObjectNode merged = NODES.objectNode().put("type", "array");
            JsonNode ia = a.get("items");
            JsonNode ib = b.get("items");
            if (ia != null && ib != null) merged.set("items", merge((ObjectNode) ia, (ObjectNode) ib));
            else if (ia != null || ib != null) merged.set("items", ia != null ? ia : ib);
            return merged;
        }
        Set<String> all = new LinkedHashSet<>(ta);
        all.addAll(tb);
        if (all.contains("number")) all.remove("integer"); // every integer is a number
        ObjectNode merged = NODES.objectNode();
        if (all.size() == 1) merged.put("type", all.iterator().next());
        else all.forEach(merged.putArray("type")::add);
        return merged;
    }

    private static ObjectNode mergeObjects(ObjectNode a, ObjectNode b) {
        ObjectNode merged = NODES.objectNode().put("type", "object");
        ObjectNode properties = merged.putObject("properties");
        ObjectNode pa = (ObjectNode) a.get("properties");
        ObjectNode pb = (ObjectNode) b.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = pa.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode other = pb.get(field.getKey());
            properties.set(field.getKey(), other == null ? field.getValue() : merge((ObjectNode) field.getValue(), (ObjectNode) other));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = pb.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!properties.has(field.getKey())) properties.set(field.getKey(), field.getValue());
        }
        List<String> required = new ArrayList<>(strings(a.get("required")));
        required.retainAll(strings(b.get("required")));
        if (!required.isEmpty()) required.forEach(merged.putArray("required")::add);
        return merged;
    }

    private static Set<String> types(ObjectNode schema) {
        JsonNode type = schema.get("type");
        Set<String> out = new LinkedHashSet<>();
        if (type != null && type.isArray()) type.forEach(t -> out.add(t.asText()));
        else if (type != null) out.add(type.asText());
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
