package dev.gatehouse.engine.control;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One routed request as a handler sees it: the path parameters by the names botocore's model gives them
 * ({@code restapi_id}, {@code resource_id}, …), the query, and the JSON body with typed getters that answer a
 * wrong type with AWS's 400.
 */
final class Call {
    /** Reads request members into the definition records; members newer than ours are ignored, not refused. */
    static final ObjectMapper READER = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ControlRequest request;
    private final Map<String, String> params;
    private JsonNode body;

    Call(ControlRequest request, Map<String, String> params) {
        this.request = request;
        this.params = params;
    }

    ControlRequest request() {
        return request;
    }

    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return request.queryParam(name);
    }

    /** The body as a JSON object; an empty body is an empty object; anything else is AWS's 400. */
    JsonNode body() {
        if (body != null) return body;
        if (request.body().length == 0 || request.bodyText().isBlank()) {
            body = READER.createObjectNode();
            return body;
        }
        try {
            body = READER.readTree(request.body());
        } catch (JacksonException e) {
            throw ControlException.badRequest("Could not parse request body into json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ControlException.badRequest("Could not read the request body: " + e.getMessage());
        }
        if (body == null || !body.isObject()) throw ControlException.badRequest("Request body must be a JSON object");
        return body;
    }

    String string(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ControlException.badRequest("Invalid value for " + member + ": a string is expected");
        return n.asText();
    }

    Boolean bool(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw ControlException.badRequest("Invalid value for " + member + ": a boolean is expected");
        return n.asBoolean();
    }

    Integer integer(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ControlException.badRequest("Invalid value for " + member + ": an integer is expected");
        }
        return n.asInt();
    }

    Map<String, String> stringMap(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw ControlException.badRequest("Invalid value for " + member + ": an object is expected");
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (!e.getValue().isTextual()) throw ControlException.badRequest("Invalid value for " + member + "." + e.getKey());
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    Map<String, Boolean> boolMap(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw ControlException.badRequest("Invalid value for " + member + ": an object is expected");
        Map<String, Boolean> out = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (!e.getValue().isBoolean()) throw ControlException.badRequest("Invalid value for " + member + "." + e.getKey());
            out.put(e.getKey(), e.getValue().asBoolean());
        });
        return out;
    }

    List<String> stringList(String member) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw ControlException.badRequest("Invalid value for " + member + ": a list is expected");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw ControlException.badRequest("Invalid value for " + member + ": strings are expected");
            out.add(e.asText());
        }
        return out;
    }

    /** A member read as one of the definition records (or enums); a wrong shape is AWS's 400. */
    <T> T member(String member, Class<T> type) {
        JsonNode n = body().get(member);
        if (n == null || n.isNull()) return null;
        return convert(n, type, member);
    }

    static <T> T convert(JsonNode n, Class<T> type, String what) {
        try {
            return READER.treeToValue(n, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid value for " + what + ": "
                    + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    // ---- output helpers --------------------------------------------------------------------------------------

    static ObjectNode tree(Object value) {
        return READER.valueToTree(value);
    }

    /**
     * AWS's paged collection {@code {"item": [...], "position": "..."}}: {@code limit} (default 25, at most 500)
     * items from {@code position} (an opaque token: here the offset of the next item).
     */
    ObjectNode page(List<? extends JsonNode> all) {
        int limit = 25;
        String l = query("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw ControlException.badRequest("Invalid limit: " + l);
            }
            if (limit < 1 || limit > 500) throw ControlException.badRequest("The limit must be between 1 and 500");
        }
        int from = 0;
        String p = query("position");
        if (p != null && !p.isEmpty()) {
            try {
                from = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw ControlException.badRequest("Invalid position: " + p);
            }
            if (from < 0) throw ControlException.badRequest("Invalid position: " + p);
        }
        ObjectNode out = READER.createObjectNode();
        ArrayNode items = out.putArray("item");
        int to = Math.min(all.size(), from + limit);
        for (int i = from; i < to; i++) items.add(all.get(i));
        if (to < all.size()) out.put("position", Integer.toString(to));
        return out;
    }
}
