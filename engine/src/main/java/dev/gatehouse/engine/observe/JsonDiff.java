package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The before/after difference of two JSON documents as a list of {@code {"path", "before", "after"}} entries, the
 * path a JSON Pointer (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}); objects are compared member by
 * member, arrays element by element. A member only on one side has the other side null.
 */
final class JsonDiff {

    private JsonDiff() { }

    static ArrayNode of(JsonNode before, JsonNode after) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        diff("", before == null ? NullNode.instance : before, after == null ? NullNode.instance : after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, ArrayNode out) {
        if (a.equals(b)) return;
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "/" + escape(name), orNull(a.get(name)), orNull(b.get(name)), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) diff(path + "/" + i, orNull(a.get(i)), orNull(b.get(i)), out);
            return;
        }
        ObjectNode change = out.addObject();
        change.put("path", path.isEmpty() ? "/" : path);
        change.set("before", a);
        change.set("after", b);
    }

    private static JsonNode orNull(JsonNode n) {
        return n == null ? NullNode.instance : n;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Drops every {@code value} member of an object tree (API key values never go into the trail unmasked). */
    static JsonNode maskMember(JsonNode node, String member) {
        if (node instanceof ObjectNode o && o.has(member) && o.get(member).isTextual()) {
            o.put(member, RequestLogStore.maskApiKey(o.get(member).asText()));
        }
        if (node != null && node.isContainerNode()) {
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) maskMember(it.next(), member);
        }
        return node;
    }
}
