package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of AWS's PATCH operations ({@code {"op","path","value","from"}}); {@code path} is a JSON pointer whose
 * segments AWS escapes as JSON Pointer does ({@code ~1} for '/', {@code ~0} for '~').
 */
record Patch(String op, String path, String value, String from) {

    /** The {@code patchOperations} of a request body (none is fine: AWS then changes nothing). */
    static List<Patch> of(Call call) {
        JsonNode ops = call.body().get("patchOperations");
        List<Patch> out = new ArrayList<>();
        if (ops == null || ops.isNull()) return out;
        if (!ops.isArray()) throw ControlException.badRequest("patchOperations must be a list");
        for (JsonNode o : ops) {
            String op = text(o, "op");
            String path = text(o, "path");
            if (op == null || !List.of("add", "remove", "replace", "move", "copy", "test").contains(op.toLowerCase(Locale.ROOT))) {
                throw ControlException.badRequest("Invalid patch operation specified. Must be one of: [add, remove, replace, move, copy, test]");
            }
            if (path == null || !path.startsWith("/")) throw ControlException.badRequest("Invalid patch path " + path);
            out.add(new Patch(op.toLowerCase(Locale.ROOT), path, text(o, "value"), text(o, "from")));
        }
        return out;
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The path's segments, unescaped. */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) out.add(unescape(s));
        return out;
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    boolean isRemove() {
        return op.equals("remove");
    }

    /** The value, required for add and replace. */
    String requiredValue() {
        if (value == null) throw ControlException.badRequest("Invalid null value for " + path);
        return value;
    }

    ControlException unsupported(List<String> supported) {
        return ControlException.badRequest("Invalid patch path '" + path + "' specified for op '" + op
                + "'. Must be one of: " + supported);
    }

    static boolean parseBoolean(Patch p) {
        String v = p.requiredValue().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) throw ControlException.badRequest("Invalid boolean value for " + p.path() + ": " + p.value());
        return Boolean.parseBoolean(v);
    }
}
