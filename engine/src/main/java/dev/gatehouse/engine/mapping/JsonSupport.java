package dev.gatehouse.engine.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * JSON as AWS's mapping engine sees it: bodies are parsed by json-smart in permissive mode (the parser behind
 * Jayway JsonPath, and the one whose messages AWS returns), so {@code a=b} is the text {@code "a=b"}, {@code "x"}
 * is the string {@code x}, an empty body is {@code {}}, and {@code {a} fails with "Unexpected End Of File
 * position 1: null". JSONPaths are compiled once and cached. Thread-safe.
 *
 * <p>Two shortcuts with json-smart's and Jayway's exact results (differential tests in {@code JsonSupportTest}):
 * {@link #toJson} writes the containers, strings and numbers a parse yields itself, in json-smart's
 * {@code NO_COMPRESS} style, and hands anything else to json-smart; {@link #read} walks plain property chains
 * ({@code $.a.b}) directly instead of through Jayway's evaluator.
 */
final class JsonSupport {

    private static final Configuration PATH_CONFIG = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE))
            .mappingProvider(new JsonSmartMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private static final int PATH_CACHE_LIMIT = 4096;
    private static final Map<String, Path> PATHS = new ConcurrentHashMap<>();

    /**
     * A compiled JSONPath with its plain property chain worked out once ({@link #simpleProperties}; null when
     * Jayway evaluates it): Jayway's {@code getPath()} builds the canonical text anew on every call.
     */
    record Path(JsonPath compiled, String[] properties) {
        static Path of(JsonPath compiled) {
            return new Path(compiled, simpleProperties(compiled.getPath()));
        }
    }

    private JsonSupport() {}

    /**
     * Parses a payload. Blank → an empty object. Throws {@link MappingException#invalidPayload} when json-smart
     * rejects it (only possible when it starts with {@code {} or {@code [}).
     */
    static Object parse(String body) {
        if (body == null || body.isBlank()) return new java.util.LinkedHashMap<String, Object>();
        try {
            return new JSONParser(JSONParser.MODE_PERMISSIVE).parse(body, JSONValue.defaultReader.DEFAULT_ORDERED);
        } catch (ParseException e) {
            throw MappingException.invalidPayload(e.toString());
        } catch (RuntimeException e) {
            throw MappingException.invalidPayload(e.toString());
        }
    }

    /** json-smart's nesting limit (LIMIT_JSON_DEPTH, on in permissive mode) is 400; stay well inside it. */
    static final int SHARED_MAX_DEPTH = 200;
    /** json-smart decodes a decimal of more than 18 characters by its own rules (Double or BigDecimal). */
    static final int SHARED_MAX_NUMBER_RUN = 18;

    /**
     * What {@link #parse} would return for {@code body}, built from Jackson's tree of the same body (request
     * validation's parse), or null when the two parsers could differ, so the caller parses {@code body} itself.
     * Shared only for an object or array with integers (json-smart's Integer/Long/BigInteger by size, as Jackson's
     * int/long/big-integer nodes), finite decimals of at most 18 characters (json-smart's
     * {@code Double.parseDouble} of the text, as Jackson's), strings, booleans and nulls, at most 200 deep, and
     * a body without DEL (json-smart's permissive mode rejects it, Jackson accepts it). Duplicate keys: both keep
     * the first position and the last value. {@code JsonSharedParseTest} compares both on random documents.
     */
    static Object fromValidated(com.fasterxml.jackson.databind.JsonNode tree, String body) {
        return fromValidated(tree, body, false);
    }

    /** As {@link #fromValidated(com.fasterxml.jackson.databind.JsonNode, String)}; see {@link #sharedTree}. */
    static Object fromValidated(com.fasterxml.jackson.databind.JsonNode tree, String body, boolean convertible) {
        com.fasterxml.jackson.databind.JsonNode shared = sharedTree(tree, body, convertible);
        return shared == null ? null : smart(shared, 0);
    }

    /**
     * {@code tree} when {@link #fromValidated} would build the document from it (so that document is exactly
     * {@link #parse}'s of {@code body}), else null. {@code $input} then reads plain property chains in the tree
     * itself ({@link #readTree}, {@link #scalar}, {@link #treeToJson}) and
     * builds the document only when a template needs one (a container from {@code $input.path}, any other path).
     */
    static com.fasterxml.jackson.databind.JsonNode sharedTree(com.fasterxml.jackson.databind.JsonNode tree,
                                                              String body) {
        return sharedTree(tree, body, false);
    }

    /**
     * As {@link #sharedTree(com.fasterxml.jackson.databind.JsonNode, String)}, where {@code convertible} true says
     * the tree's parse already found every node convertible and every number's text at most 18 characters long
     * ({@link JsonTreeReader}): the tree is not walked again, and the text is not searched for number runs (the
     * runs that matter are the numbers' own: in a body Jackson parsed, a number's text is a whole run, and digits in
     * strings are text to json-smart too).
     */
    static com.fasterxml.jackson.databind.JsonNode sharedTree(com.fasterxml.jackson.databind.JsonNode tree,
                                                              String body, boolean convertible) {
        if (tree == null || body == null || !(tree.isObject() || tree.isArray())) return null;
        if (body.indexOf(0x7f) >= 0) return null;
        if (convertible) return tree;
        return !hasLongNumberRun(body) && convertible(tree, 0) ? tree : null;
    }

    /** True when {@link #smart} converts {@code node} without refusing it (the same tests, nothing built). */
    private static boolean convertible(com.fasterxml.jackson.databind.JsonNode node, int depth) {
        if (depth > SHARED_MAX_DEPTH) return false;
        switch (node.getNodeType()) {
            case OBJECT, ARRAY -> {
                for (com.fasterxml.jackson.databind.JsonNode e : node) if (!convertible(e, depth + 1)) return false;
                return true;
            }
            case STRING, BOOLEAN, NULL -> {
                return true;
            }
            case NUMBER -> {
                return node instanceof com.fasterxml.jackson.databind.node.IntNode
                        || node instanceof com.fasterxml.jackson.databind.node.LongNode
                        || node instanceof com.fasterxml.jackson.databind.node.BigIntegerNode
                        || node instanceof com.fasterxml.jackson.databind.node.DoubleNode
                        && Double.isFinite(node.doubleValue());
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * {@link #readProperties} on the tree of a shared document: the node at the chain, or null where a step is
     * missing, JSON null or not an object (the document's map for an object node, its value for the rest).
     */
    static com.fasterxml.jackson.databind.JsonNode readTree(com.fasterxml.jackson.databind.JsonNode tree,
                                                            String[] properties) {
        com.fasterxml.jackson.databind.JsonNode current = tree;
        for (String property : properties) {
            if (!current.isObject()) return null;
            current = current.get(property);
            if (current == null) return null;
        }
        return current;
    }

    /** The document built from a tree {@link #sharedTree} returned: what {@link #fromValidated} builds. */
    static Object fromShared(com.fasterxml.jackson.databind.JsonNode shared) {
        return smart(shared, 0);
    }

    /** The document's value for a scalar node of a shared tree (what {@link #fromValidated} puts there). */
    static Object scalar(com.fasterxml.jackson.databind.JsonNode node) {
        return smart(node, 0);
    }

    /**
     * {@link #toJson(Object)} of the document's value for a node of a shared tree, written from the tree in
     * {@code buffer} (emptied first; a caller writing several reuses one, so it grows once).
     */
    static String treeToJson(com.fasterxml.jackson.databind.JsonNode node, StringBuilder buffer) {
        if (JSONValue.COMPRESSION != JSONStyle.NO_COMPRESS || node.isValueNode()) return toJson(smart(node, 0));
        StringBuilder out = buffer;
        out.setLength(0);
        writeTree(node, out);
        return out.toString();
    }

    /** {@link #write} of {@code smart(node)}, without building it. */
    private static void writeTree(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : node.properties()) {
                    if (!first) out.append(',');
                    first = false;
                    writeString(e.getKey(), out);
                    out.append(':');
                    writeTree(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (com.fasterxml.jackson.databind.JsonNode e : node) {
                    if (!first) out.append(',');
                    first = false;
                    writeTree(e, out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            default -> {
                if (node instanceof com.fasterxml.jackson.databind.node.IntNode) out.append(node.intValue());
                else write(smart(node, 0), out);
            }
        }
    }

    /**
     * True when {@code text} has a run of more than {@link #SHARED_MAX_NUMBER_RUN} consecutive number characters
     * ({@link #NUMBERISH}; anywhere, strings included: a conservative test). Such a run covers one of every
     * (limit + 1) consecutive positions, so only those positions are looked at, and the run through a number
     * character found there is measured both ways: about a nineteenth of the characters instead of all of them.
     */
    static boolean hasLongNumberRun(String text) {
        int stride = SHARED_MAX_NUMBER_RUN + 1;
        int n = text.length();
        for (int i = stride - 1; i < n; i += stride) {
            if (!numberish(text.charAt(i))) continue;
            int start = i;
            while (start > 0 && numberish(text.charAt(start - 1))) start--;
            int end = i + 1;
            while (end < n && numberish(text.charAt(end))) end++;
            if (end - start > SHARED_MAX_NUMBER_RUN) return true;
            i = end - 1; // the next probe lies beyond this run (positions after `end - 1 + stride` ...)
        }
        return false;
    }

    private static boolean numberish(char c) {
        return c < 128 && NUMBERISH[c];
    }

    /** The characters of a number's text: digits, {@code . e E + -}. */
    private static final boolean[] NUMBERISH = new boolean[128];

    static {
        for (char c : "0123456789.eE+-".toCharArray()) NUMBERISH[c] = true;
    }

    private static Object smart(com.fasterxml.jackson.databind.JsonNode node, int depth) {
        if (depth > SHARED_MAX_DEPTH) throw new IllegalArgumentException("deep");
        switch (node.getNodeType()) {
            case OBJECT -> {
                java.util.LinkedHashMap<String, Object> map = java.util.LinkedHashMap.newLinkedHashMap(node.size());
                for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : node.properties()) {
                    map.put(e.getKey(), smart(e.getValue(), depth + 1));
                }
                return map;
            }
            case ARRAY -> {
                net.minidev.json.JSONArray list = new net.minidev.json.JSONArray(node.size());
                for (com.fasterxml.jackson.databind.JsonNode e : node) list.add(smart(e, depth + 1));
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
            }
            case NULL -> {
                return null;
            }
            case NUMBER -> {
                if (node instanceof com.fasterxml.jackson.databind.node.IntNode) return node.intValue();
                if (node instanceof com.fasterxml.jackson.databind.node.LongNode) return node.longValue();
                if (node instanceof com.fasterxml.jackson.databind.node.BigIntegerNode) return node.bigIntegerValue();
                if (node instanceof com.fasterxml.jackson.databind.node.DoubleNode && Double.isFinite(node.doubleValue())) {
                    return node.doubleValue();
                }
                throw new IllegalArgumentException("number");
            }
            default -> throw new IllegalArgumentException(node.getNodeType().toString());
        }
    }

    /** Parses text for {@code $util.parseJson}; failures are template errors, not client errors. */
    static Object parseForTemplate(String text) {
        if (text == null) return null;
        try {
            return new JSONParser(JSONParser.MODE_PERMISSIVE).parse(text, JSONValue.defaultReader.DEFAULT_ORDERED);
        } catch (ParseException | RuntimeException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR, "$util.parseJson failed: " + e);
        }
    }

    /** Compiles (or reuses) a JSONPath; a bad path is a template error. */
    static JsonPath path(String expression) {
        return compiled(expression).compiled();
    }

    /** As {@link #path}, with the path's property chain. */
    static Path compiled(String expression) {
        Path cached = PATHS.get(expression);
        if (cached != null) return cached;
        try {
            cached = Path.of(JsonPath.compile(expression));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR,
                    "Invalid JSONPath '" + expression + "': " + e.getMessage());
        }
        if (PATHS.size() < PATH_CACHE_LIMIT) PATHS.putIfAbsent(expression, cached);
        return cached;
    }

    /** Evaluates a compiled path against a parsed document; missing → null. */
    static Object read(Object document, JsonPath path) {
        return read(document, path, simpleProperties(path.getPath()));
    }

    /** As {@link #read(Object, JsonPath)}, with the chain worked out at compile time. */
    static Object read(Object document, Path path) {
        return read(document, path.compiled(), path.properties());
    }

    private static Object read(Object document, JsonPath path, String[] properties) {
        if (properties != null && document != null) return readProperties(document, properties); // null: Jayway refuses
        try {
            return path.read(document, PATH_CONFIG);
        } catch (RuntimeException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR,
                    "JSONPath " + path.getPath() + " failed: " + e.getMessage());
        }
    }

    /** A compiled path's text ({@code $['a']['b']}) → its property names when it is a plain chain, else null. */
    private static final Map<String, String[]> SIMPLE = new ConcurrentHashMap<>();
    private static final String[] NOT_SIMPLE = new String[0];
    private static final Pattern SIMPLE_PATH = Pattern.compile("\\$(\\['[A-Za-z_][A-Za-z0-9_]*'\\])*");

    /**
     * The property names of a definite chain of plain names ({@code $}, {@code $['a']['b']}: Jayway's canonical
     * text of {@code $.a.b}), or null for anything else (indexes, wildcards, filters, functions, quoted or unusual
     * names), which Jayway evaluates.
     */
    static String[] simpleProperties(String canonical) {
        String[] cached = SIMPLE.get(canonical);
        if (cached == null) {
            if (SIMPLE_PATH.matcher(canonical).matches()) {
                List<String> names = new ArrayList<>();
                for (int i = canonical.indexOf("['"); i >= 0; i = canonical.indexOf("['", i + 2)) {
                    names.add(canonical.substring(i + 2, canonical.indexOf("']", i)));
                }
                cached = names.toArray(new String[0]);
            } else {
                cached = NOT_SIMPLE;
            }
            if (SIMPLE.size() < PATH_CACHE_LIMIT) SIMPLE.putIfAbsent(canonical, cached);
        }
        return cached == NOT_SIMPLE ? null : cached;
    }

    /**
     * Jayway's result for a definite property chain under {@code SUPPRESS_EXCEPTIONS}: the value (the document
     * itself for {@code $}), or null where a step is missing, null or not an object.
     */
    private static Object readProperties(Object document, String[] properties) {
        Object current = document;
        for (String property : properties) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(property);
        }
        return current;
    }

    /** Compact JSON, as {@code $input.json} prints it. */
    static String toJson(Object value) {
        Object raw = unwrap(value);
        if (JSONValue.COMPRESSION != JSONStyle.NO_COMPRESS) return JSONValue.toJSONString(raw);
        StringBuilder out = new StringBuilder(128);
        write(raw, out);
        return out.toString();
    }

    /**
     * json-smart's {@code JSONValue.writeJSONString(value, out, NO_COMPRESS)} for what a parse yields (its maps,
     * arrays, strings, Integer/Long/Double/Boolean, null); any other value is written by json-smart itself.
     */
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Integer i) {
            out.append(i.intValue()); // the digits of toString(), without the intermediate String
        } else if (value instanceof Long l) {
            out.append(l.longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double d) {
            if (d.isInfinite()) out.append("null");
            else out.append(d.doubleValue()); // Double.toString's digits (both DoubleToDecimal), written in place
        } else if (value.getClass() == LinkedHashMap.class || value.getClass() == HashMap.class
                || value.getClass() == JSONObject.class) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) out.append(',');
                first = false;
                if (e.getKey() == null) out.append("null");
                else writeString(e.getKey().toString(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value.getClass() == JSONArray.class || value.getClass() == ArrayList.class) {
            out.append('[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                if (!first) out.append(',');
                first = false;
                write(element, out);
            }
            out.append(']');
        } else {
            try {
                JSONValue.writeJSONString(value, out, JSONValue.COMPRESSION);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a StringBuilder does not throw
            }
        }
    }

    /** A quoted string escaped as json-smart's NO_COMPRESS style does ({@code /} included, \\uXXXX upper-case). */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        int len = s.length();
        int start = 0;
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            if (ch < 128 ? !ESCAPED_ASCII[ch] : ch > '\u009F' && (ch < '\u2000' || ch > '\u20FF')) continue; // as is
            String escaped = switch (ch) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '/' -> "\\/";
                default -> ch <= '\u001F' || (ch >= '\u007F' && ch <= '\u009F') || (ch >= '\u2000' && ch <= '\u20FF')
                        ? unicodeEscape(ch) : null;
            };
            if (escaped != null) {
                out.append(s, start, i).append(escaped);
                start = i + 1;
            }
        }
        out.append(s, start, len).append('"');
    }

    /** The ASCII characters {@link #writeString} escapes: {@code " \\ /}, controls and DEL. */
    private static final boolean[] ESCAPED_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 0x20; c++) ESCAPED_ASCII[c] = true;
        ESCAPED_ASCII['"'] = true;
        ESCAPED_ASCII['\\'] = true;
        ESCAPED_ASCII['/'] = true;
        ESCAPED_ASCII[0x7F] = true;
    }

    private static String unicodeEscape(char ch) {
        String hex = "0123456789ABCDEF";
        return new String(new char[] {'\\', 'u', hex.charAt(ch >> 12 & 0xF), hex.charAt(ch >> 8 & 0xF),
                hex.charAt(ch >> 4 & 0xF), hex.charAt(ch & 0xF)});
    }

    /** The VTL view of a JSON value: maps print Java-style, lists print as JSON (aws-reference §6). */
    @SuppressWarnings("unchecked")
    static Object view(Object value) {
        if (value instanceof JsonMapView || value instanceof JsonListView) return value;
        if (value instanceof Map<?, ?> m) return new JsonMapView((Map<String, Object>) m);
        if (value instanceof List<?> l) return new JsonListView((List<Object>) l);
        return value;
    }

    /** The raw JSON value behind a view. */
    static Object unwrap(Object value) {
        if (value instanceof JsonMapView m) return m.raw();
        if (value instanceof JsonListView l) return l.raw();
        return value;
    }
}
