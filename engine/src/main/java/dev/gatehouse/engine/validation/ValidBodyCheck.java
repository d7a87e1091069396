package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick test that a parsed body is valid against a model, for the common case (most requests are valid), compiled
 * once per model beside the networknt schema. {@link #isValid} answers true only when the body certainly satisfies
 * the schema; false means "not shown valid here", and the caller then runs the full validator, which decides and
 * writes the messages. So a body is never accepted that networknt would refuse, and every message still comes from
 * networknt.
 *
 * <p>Compiled only for schemas made of the draft 4 keywords below, with networknt's semantics: {@code type} (one
 * name), {@code properties}, {@code required}, {@code additionalProperties} (boolean), {@code minProperties},
 * {@code maxProperties}, {@code items} (one schema), {@code minItems}, {@code maxItems}, {@code minLength},
 * {@code maxLength}, {@code pattern} ({@code java.util.regex} {@code find()}, networknt's default),
 * {@code enum} (strings), {@code minimum}/{@code maximum} with the boolean {@code exclusiveMinimum}/
 * {@code exclusiveMaximum}, and annotations ({@code title}, {@code description}, {@code default},
 * {@code example}, {@code examples}; {@code $schema} when it names draft 4). Any other keyword anywhere ({@code $ref}, {@code format},
 * {@code allOf}, ...) means no quick test for the model ({@link #compile} returns null). Where the exact answer
 * depends on finer rules the test says false instead of deciding: an integral-valued decimal for
 * {@code "integer"}, a length near a limit with surrogate pairs, numbers outside ±2^53, a keyword for one type met
 * by a value of another. {@code ValidBodyCheckTest} compares it with networknt on random bodies. Immutable and
 * thread-safe.
 */
final class ValidBodyCheck {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "example", "examples");
    private static final double EXACT = 9007199254740992d; // 2^53: integers up to here are exact doubles

    private enum Type { ANY, OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, NULL }

    private final Type type;
    private final Map<String, ValidBodyCheck> properties;
    private final String[] required;
    /**
     * {@link #properties} as arrays, in the schema's order, with whether each is required, and the required names
     * that are not properties: a body with no more members than the schema has properties is checked with one
     * lookup per property (a required property's lookup tells both).
     */
    private final String[] propertyNames;
    private final ValidBodyCheck[] propertyChecks;
    private final boolean[] propertyRequired;
    private final String[] requiredOthers;
    private final boolean additionalProperties;
    private final int minProperties;
    private final int maxProperties;
    private final ValidBodyCheck items;
    private final int minItems;
    private final int maxItems;
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final Set<String> stringEnum;
    private final Double minimum;
    private final boolean exclusiveMinimum;
    private final Double maximum;
    private final boolean exclusiveMaximum;
    /** True when a keyword only applies to some types: a value of another type is then left to networknt. */
    private final boolean typeSpecific;

    private ValidBodyCheck(Builder b) {
        type = b.type;
        properties = b.properties == null ? null : Map.copyOf(b.properties);
        required = b.required;
        int n = b.properties == null ? 0 : b.properties.size();
        propertyNames = new String[n];
        propertyChecks = new ValidBodyCheck[n];
        propertyRequired = new boolean[n];
        Set<String> requiredNames = new HashSet<>(List.of(required));
        int i = 0;
        if (b.properties != null) {
            for (Map.Entry<String, ValidBodyCheck> p : b.properties.entrySet()) {
                propertyNames[i] = p.getKey();
                propertyChecks[i] = p.getValue();
                propertyRequired[i] = requiredNames.remove(p.getKey());
                i++;
            }
        }
        List<String> others = new ArrayList<>();
        for (String name : required) if (requiredNames.contains(name)) others.add(name);
        requiredOthers = others.toArray(new String[0]);
        additionalProperties = b.additionalProperties;
        minProperties = b.minProperties;
        maxProperties = b.maxProperties;
        items = b.items;
        minItems = b.minItems;
        maxItems = b.maxItems;
        minLength = b.minLength;
        maxLength = b.maxLength;
        pattern = b.pattern;
        stringEnum = b.stringEnum;
        minimum = b.minimum;
        exclusiveMinimum = b.exclusiveMinimum;
        maximum = b.maximum;
        exclusiveMaximum = b.exclusiveMaximum;
        typeSpecific = b.typeSpecific;
    }

    /** The quick test for {@code schema}, or null when it uses anything this class does not decide. */
    static ValidBodyCheck compile(JsonNode schema) {
        try {
            return build(schema);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** True only when {@code node} certainly satisfies the schema; false: ask the full validator. */
    boolean isValid(JsonNode node) {
        if (node == null || node.isMissingNode()) return false;
        if (type != Type.ANY && !hasType(node, type)) return false;
        if (typeSpecific && type == Type.ANY) return false; // which keywords apply depends on the value: let networknt say
        if (stringEnum != null && !(node.isTextual() && stringEnum.contains(node.textValue()))) return false;
        return switch (type) {
            case OBJECT -> objectValid(node);
            case ARRAY -> arrayValid(node);
            case STRING -> stringValid(node.textValue());
            case INTEGER, NUMBER -> numberValid(node);
            default -> true;
        };
    }

    private boolean objectValid(JsonNode node) {
        int size = node.size();
        if (size < minProperties || size > maxProperties) return false;
        if (properties != null && size <= properties.size()) { // look the schema's properties up in the body
            for (String name : requiredOthers) if (node.get(name) == null) return false;
            for (int i = 0; i < propertyNames.length; i++) {
                JsonNode value = node.get(propertyNames[i]);
                if (value == null ? propertyRequired[i] : !propertyChecks[i].isValid(value)) return false;
            }
            if (!additionalProperties) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    if (!properties.containsKey(names.next())) return false;
                }
            }
            return true;
        }
        for (String name : required) if (node.get(name) == null) return false;
        if (properties != null) { // more members than properties: look each member up in the schema
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                ValidBodyCheck check = properties.get(field.getKey());
                if (check == null ? !additionalProperties : !check.isValid(field.getValue())) return false;
            }
        } else if (!additionalProperties && size > 0) {
            return false;
        }
        return true;
    }

    private boolean arrayValid(JsonNode node) {
        int size = node.size();
        if (size < minItems || size > maxItems) return false;
        if (items != null) {
            for (JsonNode element : node) if (!items.isValid(element)) return false;
        }
        return true;
    }

    private boolean stringValid(String s) {
        if (s.length() > maxLength) return false; // code points ≤ chars, so within the limit either way
        if (minLength > 0 && s.length() < minLength * 2 && s.codePointCount(0, s.length()) < minLength) return false;
        return pattern == null || pattern.matcher(s).find();
    }

    private boolean numberValid(JsonNode node) {
        if (minimum == null && maximum == null) return true;
        double v;
        if (node.isInt() || node.isLong()) {
            long l = node.longValue();
            if (Math.abs(l) > EXACT) return false;
            v = l;
        } else if (node.isDouble() && Double.isFinite(node.doubleValue())) {
            v = node.doubleValue();
        } else {
            return false;
        }
        if (minimum != null && (exclusiveMinimum ? !(v > minimum) : !(v >= minimum))) return false;
        return maximum == null || (exclusiveMaximum ? v < maximum : v <= maximum);
    }

    private static boolean hasType(JsonNode node, Type type) {
        return switch (type) {
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
            case STRING -> node.isTextual();
            case INTEGER -> node.isInt() || node.isLong() || node.isBigInteger();
            case NUMBER -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case NULL -> node.isNull();
            case ANY -> true;
        };
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Builder {
        Type type = Type.ANY;
        Map<String, ValidBodyCheck> properties;
        String[] required = new String[0];
        boolean additionalProperties = true;
        int minProperties = 0;
        int maxProperties = Integer.MAX_VALUE;
        ValidBodyCheck items;
        int minItems = 0;
        int maxItems = Integer.MAX_VALUE;
        int minLength = 0;
        int maxLength = Integer.MAX_VALUE;
        Pattern pattern;
        Set<String> stringEnum;
        Double minimum;
        boolean exclusiveMinimum;
        Double maximum;
        boolean exclusiveMaximum;
        boolean typeSpecific;
    }

    private static ValidBodyCheck build(JsonNode schema) {
        if (schema == null || !schema.isObject()) throw new Unsupported();
        Builder b = new Builder();
        Type needs = null; // the type the schema's type-specific keywords apply to
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            JsonNode v = e.getValue();
            Type applies;
            switch (e.getKey()) {
                case "type" -> {
                    b.type = typeOf(v);
                    applies = null;
                }
                case "properties" -> {
                    if (!v.isObject()) throw new Unsupported();
                    b.properties = new java.util.LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> p : v.properties()) b.properties.put(p.getKey(), build(p.getValue()));
                    applies = Type.OBJECT;
                }
                case "required" -> {
                    if (!v.isArray()) throw new Unsupported();
                    List<String> names = new ArrayList<>();
                    for (JsonNode n : v) {
                        if (!n.isTextual()) throw new Unsupported();
                        names.add(n.textValue());
                    }
                    b.required = names.toArray(new String[0]);
                    applies = Type.OBJECT;
                }
                case "additionalProperties" -> {
                    if (!v.isBoolean()) throw new Unsupported();
                    b.additionalProperties = v.booleanValue();
                    applies = Type.OBJECT;
                }
                case "minProperties" -> {
                    b.minProperties = count(v);
                    applies = Type.OBJECT;
                }
                case "maxProperties" -> {
                    b.maxProperties = count(v);
                    applies = Type.OBJECT;
                }
                case "items" -> {
                    b.items = build(v);
                    applies = Type.ARRAY;
                }
                case "minItems" -> {
                    b.minItems = count(v);
                    applies = Type.ARRAY;
                }
                case "maxItems" -> {
                    b.maxItems = count(v);
                    applies = Type.ARRAY;
                }
                case "minLength" -> {
                    b.minLength = count(v);
                    applies = Type.STRING;
                }
                case "maxLength" -> {
                    b.maxLength = count(v);
                    applies = Type.STRING;
                }
                case "pattern" -> {
                    if (!v.isTextual()) throw new Unsupported();
                    try {
                        b.pattern = Pattern.compile(v.textValue());
                    } catch (RuntimeException e2) {
                        throw new Unsupported();
                    }
                    applies = Type.STRING;
                }
                case "enum" -> {
                    if (!v.isArray() || v.isEmpty()) throw new Unsupported();
                    Set<String> values = new HashSet<>();
                    for (JsonNode n : v) {
                        if (!n.isTextual()) throw new Unsupported();
                        values.add(n.textValue());
                    }
                    b.stringEnum = Set.copyOf(values);
                    applies = null; // checked on every value: only a listed string passes
                }
                case "minimum" -> {
                    b.minimum = bound(v);
                    applies = Type.NUMBER;
                }
                case "maximum" -> {
                    b.maximum = bound(v);
                    applies = Type.NUMBER;
                }
                case "exclusiveMinimum" -> {
                    if (!v.isBoolean()) throw new Unsupported();
                    b.exclusiveMinimum = v.booleanValue();
                    applies = Type.NUMBER;
                }
                case "exclusiveMaximum" -> {
                    if (!v.isBoolean()) throw new Unsupported();
                    b.exclusiveMaximum = v.booleanValue();
                    applies = Type.NUMBER;
                }
                case "$schema" -> { // another draft changes what keywords mean: only draft 4's
                    if (!v.isTextual() || !v.textValue().contains("draft-04")) throw new Unsupported();
                    applies = null;
                }
                default -> {
                    if (!ANNOTATIONS.contains(e.getKey())) throw new Unsupported();
                    applies = null;
                }
            }
            if (applies != null) {
                b.typeSpecific = true;
                if (needs != null && needs != applies) throw new Unsupported(); // keywords of two types: unusual
                needs = applies;
            }
        }
        if ((b.exclusiveMinimum && b.minimum == null) || (b.exclusiveMaximum && b.maximum == null)) throw new Unsupported();
        if (needs != null && b.type != Type.ANY) {
            boolean fits = needs == b.type || (needs == Type.NUMBER && b.type == Type.INTEGER);
            if (!fits) throw new Unsupported(); // e.g. maxLength on an integer: let networknt decide
        }
        return new ValidBodyCheck(b);
    }

    private static Type typeOf(JsonNode v) {
        if (!v.isTextual()) throw new Unsupported();
        return switch (v.textValue()) {
            case "object" -> Type.OBJECT;
            case "array" -> Type.ARRAY;
            case "string" -> Type.STRING;
            case "integer" -> Type.INTEGER;
            case "number" -> Type.NUMBER;
            case "boolean" -> Type.BOOLEAN;
            case "null" -> Type.NULL;
            default -> throw new Unsupported();
        };
    }

    private static int count(JsonNode v) {
        if (!v.isInt() || v.intValue() < 0) throw new Unsupported();
        return v.intValue();
    }

    private static Double bound(JsonNode v) {
        if ((v.isInt() || v.isLong()) && Math.abs(v.longValue()) <= EXACT) return (double) v.longValue();
        if (v.isDouble() && Double.isFinite(v.doubleValue())) return v.doubleValue();
        throw new Unsupported();
    }
}
