package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of extension values. A value of the wrong shape is an ERROR at its pointer (AWS refuses such
 * imports) and reads as absent, so one pass reports every bad value instead of stopping at the first.
 */
final class Shapes {
    private final Findings findings;

    Shapes(Findings findings) {
        this.findings = findings;
    }

    boolean isObject(JsonNode node, String pointer, String what) {
        if (node != null && node.isObject()) return true;
        findings.error(pointer, what + " must be an object, not " + describe(node));
        return false;
    }

    String string(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        if (node.isNumber() || node.isBoolean()) return node.asText();
        findings.error(Pointers.child(pointer, field), field + " must be a string, not " + describe(node));
        return null;
    }

    Boolean bool(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        if (node.isBoolean()) return node.asBoolean();
        findings.error(Pointers.child(pointer, field), field + " must be true or false, not " + describe(node));
        return null;
    }

    /** An integer in [min, max]; integral strings ("300") are accepted as Jackson accepts them for AWS. */
    Integer integer(JsonNode parent, String field, String pointer, long min, long max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        Long value = null;
        if (node.isIntegralNumber() && node.canConvertToLong()) value = node.asLong();
        else if (node.isTextual() && node.asText().matches("-?\\d{1,18}")) value = Long.parseLong(node.asText());
        String at = Pointers.child(pointer, field);
        if (value == null) {
            findings.error(at, field + " must be an integer, not " + describe(node));
            return null;
        }
        if (value < min || value > max) {
            findings.error(at, field + " must be between " + min + " and " + max + ", not " + value);
            return null;
        }
        return value.intValue();
    }

    /** A map of string values; {@code null} values are kept (AWS allows a null template). */
    Map<String, String> stringMap(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        String at = Pointers.child(pointer, field);
        if (!node.isObject()) {
            findings.error(at, field + " must be an object of strings, not " + describe(node));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), v.asText());
            else if (v.isNull()) out.put(e.getKey(), null);
            else if (v.isNumber() || v.isBoolean()) out.put(e.getKey(), v.asText());
            else findings.error(Pointers.child(at, e.getKey()), "value must be a string, not " + describe(v));
        }
        return out;
    }

    /** A list of strings; a single string is accepted where AWS accepts one. */
    List<String> stringList(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) return null;
        String at = Pointers.child(pointer, field);
        if (!node.isArray()) {
            findings.error(at, field + " must be an array of strings, not " + describe(node));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (v.isTextual()) out.add(v.asText());
            else findings.error(Pointers.child(at, i), "array item must be a string, not " + describe(v));
        }
        return out;
    }

    /** An enum value, case-insensitive ({@code "mock"} → {@code MOCK}); AWS stores the upper-case name. */
    <E extends Enum<E>> E enumValue(JsonNode parent, String field, String pointer, Class<E> type) {
        String text = string(parent, field, pointer);
        if (text == null) return null;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) return constant;
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) allowed.add(constant.name().toLowerCase(Locale.ROOT));
        findings.error(Pointers.child(pointer, field), "unknown " + field + " '" + text + "' (one of " + allowed + ")");
        return null;
    }

    /** Reports keys of an extension object that the importer does not know (they are ignored). */
    void unknownKeys(JsonNode object, String pointer, Set<String> known, String what) {
        for (String key : iterable(object)) {
            if (!known.contains(key)) findings.warn(Pointers.child(pointer, key), "unknown key in " + what + "; ignored");
        }
    }

    static Iterable<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isTextual()) return "the string \"" + abbreviate(node.asText()) + "\"";
        if (node.isNumber()) return "the number " + node.asText();
        if (node.isBoolean()) return node.asText();
        if (node.isNull()) return "null";
        return node.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
