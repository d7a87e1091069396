package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An OpenAPI schema (Swagger 2.0, OAS 3.0, or OAS 3.1's JSON Schema 2020-12) → the JSON Schema draft 4 that AWS
 * models hold. References to component schemas become AWS model URLs
 * ({@code https://apigateway.amazonaws.com/restapis/{apiId}/models/Pet}); other local references are inlined.
 * Exact translations are INFO ({@code nullable} → a type array, {@code const} → a one-value {@code enum}, numeric
 * {@code exclusiveMinimum} → draft-4's boolean form); keywords draft 4 cannot express are dropped with a WARNING.
 * Annotations (description, example, format, readOnly, discriminator...) are kept: draft 4 ignores them.
 */
final class SchemaConverter {
    static final String MODEL_URL_PREFIX = "https://apigateway.amazonaws.com/restapis/";

    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> SILENTLY_DROPPED = Set.of("$schema", "$comment");
    private static final Set<String> NOT_IN_DRAFT_4 = Set.of("$defs", "if", "then", "else", "dependentRequired",
            "dependentSchemas", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "contains", "minContains",
            "maxContains", "propertyNames", "$anchor", "$dynamicRef", "$dynamicAnchor", "$id", "$vocabulary",
            "contentSchema", "$recursiveRef", "$recursiveAnchor");

    private final String apiId;
    private final RefResolver refs;
    private final Findings findings;
    private final Function<String, String> componentModel;
    private final Deque<String> inlining = new ArrayDeque<>();

    /**
     * @param componentModel pointer of a component schema ("/components/schemas/Pet") → its model name, or null
     */
    SchemaConverter(String apiId, RefResolver refs, Findings findings, Function<String, String> componentModel) {
        this.apiId = apiId;
        this.refs = refs;
        this.findings = findings;
        this.componentModel = componentModel;
    }

    String modelUrl(String modelName) {
        return MODEL_URL_PREFIX + apiId + "/models/" + modelName;
    }

    JsonNode convert(JsonNode schema, String pointer) {
        if (schema == null) return JsonNodeFactory.instance.objectNode();
        if (schema.isBoolean()) {
            findings.info(pointer, "boolean schema written as its draft-4 equivalent");
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (!schema.asBoolean()) out.putObject("not");
            return out;
        }
        if (!schema.isObject()) {
            findings.error(pointer, "a schema must be an object, not " + Shapes.describe(schema));
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            JsonNode inlined = reference(ref, pointer);
            if (inlined != null) {
                if (schema.size() == 1) return inlined;
                out.putArray("allOf").add(inlined);
            }
        }
        boolean nullable = isTrue(schema.get("nullable")) || isTrue(schema.get("x-nullable"));
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = Pointers.child(pointer, key);
            if (key.equals("$ref")) {
                continue;
            } else if (SILENTLY_DROPPED.contains(key)) {
                continue;
            } else if (NOT_IN_DRAFT_4.contains(key)) {
                findings.warn(at, "'" + key + "' cannot be expressed in a JSON Schema draft 4 model; dropped");
            } else if (key.equals("nullable") || key.equals("x-nullable")) {
                continue;
            } else if (key.equals("const")) {
                if (!schema.has("enum")) out.putArray("enum").add(value);
                findings.info(at, "'const' written as a one-value 'enum' (draft 4)");
            } else if ((key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum")) && value.isNumber()) {
                out.set(key.equals("exclusiveMinimum") ? "minimum" : "maximum", value);
                out.put(key, true);
                findings.info(at, "numeric '" + key + "' written in draft 4's boolean form");
            } else if (key.equals("type")) {
                out.set("type", type(value, nullable, at));
            } else if (key.equals("discriminator")) {
                out.set(key, value);
                findings.info(at, "'discriminator' is kept but API Gateway does not use it to validate");
            } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                ObjectNode map = out.putObject(key);
                for (Map.Entry<String, JsonNode> p : value.properties()) {
                    map.set(p.getKey(), convert(p.getValue(), Pointers.child(at, p.getKey())));
                }
            } else if (SCHEMA_LISTS.contains(key) && value.isArray()) {
                ArrayNode list = out.has(key) ? (ArrayNode) out.get(key) : out.putArray(key);
                for (int i = 0; i < value.size(); i++) list.add(convert(value.get(i), Pointers.child(at, i)));
            } else if ((key.equals("items") || key.equals("additionalItems")) && value.isArray()) {
                ArrayNode list = out.putArray(key);
                for (int i = 0; i < value.size(); i++) list.add(convert(value.get(i), Pointers.child(at, i)));
            } else if ((key.equals("items") || key.equals("not") || key.equals("additionalProperties")
                    || key.equals("additionalItems")) && value.isObject()) {
                out.set(key, convert(value, at));
            } else {
                out.set(key, value);
            }
        }
        if (nullable && !schema.has("type") && schema.has("enum")) {
            findings.info(pointer, "'nullable' without 'type' has no draft-4 meaning; dropped");
        }
        return out;
    }

    private JsonNode type(JsonNode value, boolean nullable, String at) {
        if (value.isTextual() && value.asText().equals("file")) {
            findings.info(at, "Swagger type 'file' written as a binary string");
            return JsonNodeFactory.instance.textNode("string");
        }
        if (!nullable) return value;
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        if (value.isArray()) types.addAll((ArrayNode) value);
        else types.add(value);
        boolean hasNull = false;
        for (JsonNode t : types) hasNull |= "null".equals(t.asText());
        if (!hasNull) types.add("null");
        return types;
    }

    /** A model reference for component schemas, the converted target otherwise; null when unresolvable. */
    private JsonNode reference(JsonNode ref, String pointer) {
        String at = Pointers.child(pointer, "$ref");
        if (!ref.isTextual()) {
            findings.error(at, "$ref must be a string, not " + Shapes.describe(ref));
            return null;
        }
        String text = ref.asText();
        if (text.startsWith("#")) {
            String model = componentModel.apply(Pointers.fromRef(text));
            if (model != null) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("$ref", modelUrl(model));
                return out;
            }
        }
        String targetPointer = text.startsWith("#") ? Pointers.fromRef(text) : text;
        if (inlining.contains(targetPointer)) {
            findings.error(at, "circular $ref '" + text + "' that is not a model (only component schemas may recurse)");
            return null;
        }
        RefResolver.Located target = refs.target(text, at);
        if (target == null) return null;
        findings.info(at, "$ref '" + text + "' is not a component schema; inlined");
        inlining.push(targetPointer);
        try {
            return convert(target.node(), target.pointer());
        } finally {
            inlining.pop();
        }
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.asBoolean();
    }
}
