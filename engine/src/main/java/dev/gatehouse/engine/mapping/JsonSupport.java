package dev.gatehouse.engine.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * JSON as AWS's mapping engine sees it: bodies are parsed by json-smart in permissive mode (the parser behind
 * Jayway JsonPath, and the one whose messages AWS returns), so {@code a=b} is the text {@code "a=b"}, {@code "x"}
 * is the string {@code x}, an empty body is {@code {}}, and {@code {a} fails with "Unexpected End Of File
 * position 1: null". JSONPaths are compiled once and cached. Thread-safe.
 */
final class JsonSupport {

    private static final Configuration PATH_CONFIG = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE))
            .mappingProvider(new JsonSmartMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private static final int PATH_CACHE_LIMIT = 4096;
    private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

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
        JsonPath compiled = PATHS.get(expression);
        if (compiled != null) return compiled;
        try {
            compiled = JsonPath.compile(expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR,
                    "Invalid JSONPath '" + expression + "': " + e.getMessage());
        }
        if (PATHS.size() < PATH_CACHE_LIMIT) PATHS.putIfAbsent(expression, compiled);
        return compiled;
    }

    /** Evaluates a compiled path against a parsed document; missing → null. */
    static Object read(Object document, JsonPath path) {
        try {
            return path.read(document, PATH_CONFIG);
        } catch (RuntimeException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR,
                    "JSONPath " + path.getPath() + " failed: " + e.getMessage());
        }
    }

    /** Compact JSON, as {@code $input.json} prints it. */
    static String toJson(Object value) {
        return JSONValue.toJSONString(unwrap(value));
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
