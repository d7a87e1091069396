package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the validator's messages in the wording AWS shows in {@code $context.error.validationErrorString}
 * (AWS validates with the java-json-tools validator; e.g. {@code object has missing required properties
 * (["name"])}, {@code instance type (string) does not match any allowed primitive type (allowed: ["integer"])}).
 * Missing required properties and disallowed additional properties of one object are grouped into one message,
 * and the alternatives of an {@code anyOf}/{@code oneOf} are reported as one message, as AWS does.
 */
final class SchemaMessages {

    private static final Pattern COMBINER = Pattern.compile("^(.*?/(anyOf|oneOf|allOf))/(\\d+)(/.*)?$");

    private SchemaMessages() {}

    static List<String> format(Collection<ValidationMessage> messages) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Map<String, TreeSet<String>> additional = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> anyOf = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String location = String.valueOf(m.getInstanceLocation());
            String evaluation = String.valueOf(m.getEvaluationPath());
            Matcher combiner = COMBINER.matcher(evaluation);
            if (combiner.matches()) {
                // a failed alternative: reported once through its anyOf/oneOf
                if (combiner.group(2).equals("anyOf")) {
                    String key = combiner.group(1) + "@" + location;
                    if (!anyOf.containsKey(key)) ordered.add("\u0000anyOf:" + key);
                    anyOf.computeIfAbsent(key, k -> new TreeSet<>()).add(Integer.parseInt(combiner.group(3)));
                }
                if (!combiner.group(2).equals("allOf")) continue;
            }
            switch (m.getType()) {
                case "required" -> {
                    if (!missing.containsKey(location)) ordered.add("\u0000required:" + location);
                    missing.computeIfAbsent(location, k -> new ArrayList<>()).add(m.getProperty());
                }
                case "additionalProperties" -> {
                    if (!additional.containsKey(location)) ordered.add("\u0000additional:" + location);
                    additional.computeIfAbsent(location, k -> new TreeSet<>()).add(m.getProperty());
                }
                default -> ordered.add(single(m));
            }
        }
        List<String> out = new ArrayList<>(ordered.size());
        for (String entry : ordered) {
            if (entry.startsWith("\u0000required:")) {
                out.add("object has missing required properties (" + jsonList(missing.get(entry.substring(10))) + ")");
            } else if (entry.startsWith("\u0000additional:")) {
                out.add("object instance has properties which are not allowed by the schema: "
                        + jsonList(additional.get(entry.substring(12))));
            } else if (entry.startsWith("\u0000anyOf:")) {
                out.add("instance failed to match at least one required schema among "
                        + anyOf.get(entry.substring(7)).size());
            } else {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    private static String single(ValidationMessage m) {
        JsonNode instance = m.getInstanceNode();
        JsonNode schema = m.getSchemaNode();
        String value = instance == null ? "null" : instance.toString();
        return switch (m.getType()) {
            case "type" -> "instance type (" + typeName(instance) + ") does not match any allowed primitive type "
                    + "(allowed: " + (schema != null && schema.isArray() ? schema.toString() : "[" + schema + "]") + ")";
            case "enum" -> "instance value (" + value + ") not found in enum (possible values: " + schema + ")";
            case "minimum" -> "numeric instance is lower than the required minimum (minimum: " + text(schema)
                    + ", found: " + value + ")";
            case "maximum" -> "numeric instance is greater than the required maximum (maximum: " + text(schema)
                    + ", found: " + value + ")";
            case "exclusiveMinimum" -> "numeric instance is not strictly greater than the required minimum "
                    + text(schema);
            case "exclusiveMaximum" -> "numeric instance is not strictly lower than the required maximum "
                    + text(schema);
            case "multipleOf" -> "remainder of division is not zero (" + value + " / " + text(schema) + ")";
            case "minLength" -> "string " + value + " is too short (length: " + codePoints(instance)
                    + ", required minimum: " + text(schema) + ")";
            case "maxLength" -> "string " + value + " is too long (length: " + codePoints(instance)
                    + ", maximum allowed: " + text(schema) + ")";
            case "pattern" -> "ECMA 262 regex " + schema + " does not match input string " + value;
            case "minItems" -> "array is too short: must have at least " + text(schema) + " elements but instance has "
                    + (instance == null ? 0 : instance.size()) + " elements";
            case "maxItems" -> "array is too long: must have at most " + text(schema) + " elements but instance has "
                    + (instance == null ? 0 : instance.size()) + " elements";
            case "uniqueItems" -> "array must not contain duplicate elements";
            case "minProperties" -> "object has too few properties (found " + (instance == null ? 0 : instance.size())
                    + " but schema requires at least " + text(schema) + ")";
            case "maxProperties" -> "object has too many properties (found " + (instance == null ? 0 : instance.size())
                    + " but schema requires at most " + text(schema) + ")";
            case "format" -> formatMessage(schema == null ? "" : schema.asText(), value);
            case "oneOf" -> "instance failed to match exactly one schema (matched " + firstArg(m) + " out of "
                    + (schema == null ? 0 : schema.size()) + ")";
            case "not" -> "instance matched a schema which it should not have";
            case "dependencies" -> "property dependency not satisfied: " + m.getMessage();
            default -> m.getMessage();
        };
    }

    private static String formatMessage(String format, String value) {
        return switch (format) {
            case "email" -> "string " + value + " is not a valid email address";
            case "date-time" -> "string " + value + " is invalid against requested date format(s) "
                    + "[yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]";
            case "ipv4" -> "string " + value + " is not a valid IPv4 address";
            case "ipv6" -> "string " + value + " is not a valid IPv6 address";
            case "uri" -> "string " + value + " is not a valid URI";
            case "hostname" -> "string " + value + " is not a valid hostname";
            default -> "string " + value + " is not a valid " + format;
        };
    }

    private static String firstArg(ValidationMessage m) {
        Object[] args = m.getArguments();
        return args == null || args.length == 0 ? "0" : String.valueOf(args[0]);
    }

    private static String text(JsonNode node) {
        return node == null ? "" : node.isTextual() ? node.asText() : node.toString();
    }

    private static int codePoints(JsonNode node) {
        if (node == null || !node.isTextual()) return 0;
        String s = node.asText();
        return s.codePointCount(0, s.length());
    }

    private static String typeName(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isObject()) return "object";
        if (node.isArray()) return "array";
        if (node.isTextual()) return "string";
        if (node.isBoolean()) return "boolean";
        if (node.isIntegralNumber()) return "integer";
        return "number";
    }

    private static String jsonList(Collection<String> names) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (String n : names) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(n.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }
}
