package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds the line and column of a JSON pointer in the source text, so error messages can say both. Runs only when
 * an import fails: it re-reads the document with a streaming parser and stops at the pointer.
 */
final class SourceLocator {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(largeDocuments()).build();

    private SourceLocator() {}

    private static org.yaml.snakeyaml.LoaderOptions largeDocuments() {
        var options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(DocumentLoader.MAX_BYTES);
        return options;
    }

    /** "{pointer} (line L, column C)", or just the pointer when it cannot be found. */
    static String describe(byte[] bytes, boolean yaml, String pointer) {
        String shown = pointer == null || pointer.isEmpty() ? "/" : pointer;
        JsonLocation at = locate(bytes, yaml, pointer);
        return at == null ? shown : shown + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    static JsonLocation locate(byte[] bytes, boolean yaml, String pointer) {
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) return null;
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) continue;
                var context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    context = context.getParent(); // an array element's pointer lives in the enclosing array
                }
                if (context == null || (token != JsonToken.FIELD_NAME && !context.inArray())) continue;
                if (pointer.equals(context.pathAsPointer().toString())) return parser.currentTokenLocation();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
