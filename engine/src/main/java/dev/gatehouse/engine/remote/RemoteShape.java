package dev.gatehouse.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * What an API defines, method by method ({@code "GET /pets/{petId}"} → the method with its integration and
 * responses as AWS's JSON members), read either from a remote (GetResources with {@code embed=methods}) or from a
 * workspace definition, so the two compare: the semantic diff a push previews and reports, and a pull shows.
 *
 * <p>Left out because they are not part of what a method means: ids the gateway makes up (the default cache
 * namespace, which is a resource id), and empty members (AWS omits an empty map where the SDK shows one).
 */
record RemoteShape(Map<String, JsonNode> methods) {

    /** Reads the draft of a remote API (all pages). */
    static RemoteShape read(ApiGatewayClient client, String restApiId) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Resource r : client.getResourcesPaginator(b -> b.restApiId(restApiId).embed("methods").limit(500)).items()) {
            if (!r.hasResourceMethods()) continue;
            for (Map.Entry<String, Method> e : r.resourceMethods().entrySet()) {
                out.put(e.getKey() + " " + r.path(), normalise(toJson(e.getValue())));
            }
        }
        return new RemoteShape(out);
    }

    /** A workspace definition's methods in the same form. */
    static RemoteShape of(ApiDefinition api) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (dev.gatehouse.engine.model.Resource r : api.resources()) {
            for (dev.gatehouse.engine.model.Method m : r.resourceMethods().values()) {
                out.put(m.httpMethod() + " " + r.path(), normalise(Json.mapper().valueToTree(m)));
            }
        }
        return new RemoteShape(out);
    }

    static RemoteShape empty() {
        return new RemoteShape(Map.of());
    }

    /** The changes from this shape to {@code after}: {@code + GET /new}, {@code - DELETE /old}, {@code ~ POST /changed}, by path. */
    List<String> diff(RemoteShape after) {
        List<String> out = new ArrayList<>();
        after.methods.forEach((k, v) -> {
            JsonNode before = methods.get(k);
            if (before == null) out.add("+ " + k);
            else if (!Objects.equals(before, v)) out.add("~ " + k);
        });
        for (String k : methods.keySet()) if (!after.methods.containsKey(k)) out.add("- " + k);
        out.sort((a, b) -> {
            int byPath = a.substring(a.indexOf(' ', 2)).compareTo(b.substring(b.indexOf(' ', 2)));
            return byPath != 0 ? byPath : a.compareTo(b);
        });
        return out;
    }

    /**
     * The changes from this shape to {@code after} that can break callers of the remote, each as
     * {@code "- GET /x: removed"} or {@code "~ POST /y: now requires an API key"}: a removed method, or a method that
     * newly requires authorization, an API key, a request validator or a request parameter.
     */
    List<String> breaking(RemoteShape after) {
        List<String> out = new ArrayList<>();
        for (String k : methods.keySet()) if (!after.methods.containsKey(k)) out.add("- " + k + ": removed");
        after.methods.forEach((k, v) -> {
            JsonNode before = methods.get(k);
            if (before == null || Objects.equals(before, v)) return;
            List<String> why = new ArrayList<>();
            String authBefore = before.path("authorizationType").asText("NONE");
            String authAfter = v.path("authorizationType").asText("NONE");
            if (!authAfter.equals(authBefore) && !authAfter.equals("NONE")) why.add("now requires " + authAfter + " authorization");
            if (v.path("apiKeyRequired").asBoolean(false) && !before.path("apiKeyRequired").asBoolean(false)) {
                why.add("now requires an API key");
            }
            if (v.hasNonNull("requestValidatorId") && !before.hasNonNull("requestValidatorId")) why.add("now validates requests");
            v.path("requestParameters").fields().forEachRemaining(p -> {
                if (p.getValue().asBoolean(false) && !before.path("requestParameters").path(p.getKey()).asBoolean(false)) {
                    why.add("now requires " + p.getKey());
                }
            });
            if (!why.isEmpty()) out.add("~ " + k + ": " + String.join(", ", why));
        });
        return out;
    }

    /** An SDK object as the JSON AWS sends (member names as on the wire, enums as their strings). */
    static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) return f.nullNode();
        if (value instanceof SdkPojo pojo) {
            ObjectNode o = f.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object v = field.getValueOrDefault(pojo);
                if (v != null) o.set(field.locationName(), toJson(v));
            }
            return o;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
            return o;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(v -> a.add(toJson(v)));
            return a;
        }
        return Json.mapper().valueToTree(value);
    }

    /** Drops empty members and the cache namespace, at every level, and sorts keys. */
    static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                if (name.equals("cacheNamespace")) continue;
                JsonNode v = normalise(o.get(name));
                if (v.isNull() || (v.isContainerNode() && v.isEmpty())) continue;
                out.set(name, v);
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(v -> out.add(normalise(v)));
            return out;
        }
        return node;
    }
}
