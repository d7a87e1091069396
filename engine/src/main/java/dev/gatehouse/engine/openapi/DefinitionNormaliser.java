package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares definitions by content, ignoring what an import generates: the API id, creation date and warnings;
 * resource, model, validator and authorizer ids (references become paths and names); model schemas are compared
 * as JSON (key order aside) with the API id in model URLs masked; a cache namespace equal to its resource id is
 * the default. Used to prove import → export → import lossless, and to diff a workspace against a remote API.
 */
public final class DefinitionNormaliser {
    /** What the compared export format can express. */
    public enum Fidelity {
        /** Everything (OpenAPI 3.0). */
        FULL,
        /**
         * Swagger 2.0: one body schema per operation and one schema per response, with content types listed per
         * operation; so media-type → model maps compare as "which model" plus the method's set of media types.
         */
        SWAGGER
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private DefinitionNormaliser() {}

    public static JsonNode normalise(ApiDefinition api) {
        return normalise(api, Fidelity.FULL);
    }

    public static JsonNode normalise(ApiDefinition api, Fidelity fidelity) {
        Map<String, String> resourcePaths = new HashMap<>();
        for (Resource r : api.resources()) resourcePaths.put(r.id(), r.path());
        Map<String, String> validators = new HashMap<>();
        for (RequestValidator v : api.requestValidators()) validators.put(v.id(), v.name());
        Map<String, String> authorizers = new HashMap<>();
        for (Authorizer a : api.authorizers()) authorizers.put(a.id(), a.name());

        ObjectNode tree = Json.mapper().valueToTree(api);
        ObjectNode restApi = (ObjectNode) tree.get("restApi");
        for (String f : List.of("id", "createdDate", "warnings", "rootResourceId")) restApi.remove(f);

        ObjectNode resources = JsonNodeFactory.instance.objectNode();
        for (JsonNode r : tree.path("resources")) {
            ObjectNode resource = (ObjectNode) r.deepCopy();
            String id = resource.path("id").asText();
            resource.remove("id");
            if (resource.has("parentId")) resource.put("parentId", resourcePaths.get(resource.get("parentId").asText()));
            for (JsonNode method : resource.path("resourceMethods")) {
                ObjectNode m = (ObjectNode) method;
                if (m.has("requestValidatorId")) m.put("requestValidatorId", validators.get(m.get("requestValidatorId").asText()));
                if (m.has("authorizerId")) m.put("authorizerId", authorizers.get(m.get("authorizerId").asText()));
                JsonNode integration = m.get("methodIntegration");
                if (integration != null && id.equals(integration.path("cacheNamespace").asText())) {
                    ((ObjectNode) integration).remove("cacheNamespace");
                }
                if (fidelity == Fidelity.SWAGGER) swaggerView(m);
            }
            resources.set(resource.path("path").asText(), resource);
        }
        tree.set("resources", resources);
        tree.set("models", byName(tree.path("models"), api));
        tree.set("requestValidators", byName(tree.path("requestValidators"), null));
        tree.set("authorizers", byName(tree.path("authorizers"), null));
        return tree;
    }

    /** Differences as "pointer: left ≠ right" lines; empty when the definitions are equal by content. */
    public static List<String> differences(ApiDefinition left, ApiDefinition right, Fidelity fidelity) {
        List<String> out = new ArrayList<>();
        diff("", normalise(left, fidelity), normalise(right, fidelity), out);
        return out;
    }

    private static ObjectNode byName(JsonNode list, ApiDefinition api) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (JsonNode item : list) {
            ObjectNode copy = (ObjectNode) item.deepCopy();
            copy.remove("id");
            if (api != null && copy.has("schema")) copy.set("schema", schema(copy.get("schema").asText(), api.id()));
            out.set(copy.path("name").asText(), copy);
        }
        return out;
    }

    private static JsonNode schema(String text, String apiId) {
        try {
            String masked = text.replace(SchemaConverter.MODEL_URL_PREFIX + apiId + "/", SchemaConverter.MODEL_URL_PREFIX + "{apiId}/");
            ObjectNode node = (ObjectNode) PLAIN.readTree(masked);
            node.remove("$schema");
            return node;
        } catch (Exception e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static void swaggerView(ObjectNode method) {
        TreeSet<String> types = new TreeSet<>();
        collapse(method, "requestModels", types);
        for (JsonNode response : method.path("methodResponses")) collapse((ObjectNode) response, "responseModels", types);
        if (!types.isEmpty()) {
            ArrayNode list = method.putArray("(swagger media types)");
            types.forEach(list::add);
        }
    }

    private static void collapse(ObjectNode owner, String field, TreeSet<String> types) {
        JsonNode models = owner.get(field);
        if (models == null || models.isEmpty()) return;
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Iterator<String> it = models.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            map.put(type, models.get(type).asText());
            types.add(type);
        }
        owner.put(field, OperationWriter.preferred(map));
    }

    private static void diff(String at, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) diff(at + "/" + Pointers.escape(k), a.get(k), b.get(k), out);
        } else if (a == null || !a.equals(b)) {
            out.add((at.isEmpty() ? "/" : at) + ": " + abbreviate(a) + " ≠ " + abbreviate(b));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node == null ? "(absent)" : node.toString();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

}
