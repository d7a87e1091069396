package dev.gatehouse.engine.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether an edit made on an older version of a document can be rebased onto the version another process
 * wrote since, field by field: the edit's result must keep every field the other process changed exactly as that
 * process left it. A document is compared as its stored JSON, flattened to leaves; lists of objects that carry a
 * key ({@code path} of a resource, {@code name} of a model, {@code responseType}, {@code statusCode}, {@code id})
 * are compared element by element under that key, other lists as a whole. Used by {@link Workspace#apply} under
 * its writer lock; pure functions, any thread.
 */
final class EditConflicts {
    private static final List<String> KEYS = List.of("path", "name", "responseType", "statusCode", "id");

    private EditConflicts() {}

    /** The places (readable paths such as {@code /resources[/pets]/resourceMethods/GET/...}) where the two differ. */
    static Set<String> changedPlaces(Object before, Object after) {
        Map<String, JsonNode> a = leaves(before);
        Map<String, JsonNode> b = leaves(after);
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : a.entrySet()) if (!Objects.equals(e.getValue(), b.get(e.getKey()))) changed.add(e.getKey());
        for (String key : b.keySet()) if (!a.containsKey(key)) changed.add(key);
        return changed;
    }

    /**
     * Of {@code theirPlaces} (what another process changed), those where {@code result} (what the edit would store)
     * does not hold what {@code current} (the document as that process left it) holds: the edit would undo them.
     */
    static List<String> overwritten(Set<String> theirPlaces, Object current, Object result) {
        if (theirPlaces.isEmpty()) return List.of();
        Map<String, JsonNode> now = leaves(current);
        Map<String, JsonNode> mine = leaves(result);
        List<String> lost = new ArrayList<>();
        for (String place : theirPlaces) if (!Objects.equals(now.get(place), mine.get(place))) lost.add(place);
        return lost;
    }

    private static Map<String, JsonNode> leaves(Object document) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (document == null) {
            out.put("", null); // the document does not exist: one leaf, so creating or deleting it is a change
            return out;
        }
        flatten("", Json.mapper().valueToTree(document), out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path + "/" + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty() && keyOf(node) != null) {
            String key = keyOf(node);
            for (JsonNode element : node) flatten(path + "[" + element.get(key).asText() + "]", element, out);
        } else if (!node.isNull()) {
            out.put(path.isEmpty() ? "/" : path, node);
        }
    }

    /** The field every element of {@code array} has, with distinct text values; null when there is none. */
    private static String keyOf(JsonNode array) {
        for (String key : KEYS) {
            Set<String> seen = new LinkedHashSet<>();
            boolean all = true;
            for (JsonNode element : array) {
                JsonNode value = element.isObject() ? element.get(key) : null;
                if (value == null || !value.isValueNode() || !seen.add(value.asText())) {
                    all = false;
                    break;
                }
            }
            if (all) return key;
        }
        return null;
    }
}
