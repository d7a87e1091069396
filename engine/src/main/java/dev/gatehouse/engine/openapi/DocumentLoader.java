package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.engine.workspace.JsonErrors;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Bytes → JSON tree, with every way a file can be unreadable turned into an {@link OpenApiImportException} that
 * names the file and the line/column: empty input, binary data or invalid UTF-8, JSON/YAML syntax errors,
 * duplicate keys (a lenient parser would silently keep the last), alias bombs, absurd nesting, a non-object root,
 * and documents that are not Swagger 2.0 / OpenAPI 3.0 / 3.1.
 *
 * <p>Size limit: {@value #MAX_BYTES} bytes (32 MiB). AWS's ImportRestApi stops at 6 MB; we allow larger documents
 * because they are local files, and a 20 MB document imports. JSON is recognised by its first character
 * ({@code {} or {@code [}), never by the file name.
 */
final class DocumentLoader {
    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final int MAX_NESTING = 1000;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(constraints())
                    .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(constraints())
            .build());

    private DocumentLoader() {}

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(MAX_BYTES).build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    static LoadedDocument load(byte[] input, String sourceName) {
        if (input == null || input.length == 0) throw fail(sourceName, null, "empty document");
        if (input.length > MAX_BYTES) {
            throw fail(sourceName, null, "document too large: " + input.length + " bytes (the limit is " + MAX_BYTES + ")");
        }
        byte[] bytes = stripBom(input);
        checkText(bytes, sourceName);
        int first = firstNonBlank(bytes);
        if (first < 0) throw fail(sourceName, null, "empty document");
        boolean yaml = bytes[first] != '{' && bytes[first] != '[';
        if (yaml) rejectAliases(bytes, sourceName);
        JsonNode root = parse(bytes, yaml, sourceName);
        if (root == null || root.isNull() || root.isMissingNode()) throw fail(sourceName, null, "empty document");
        if (!root.isObject()) {
            throw fail(sourceName, "/", "the document root must be an object, not " + root.getNodeType().name().toLowerCase());
        }
        return new LoadedDocument(sourceName, bytes, yaml, root, version(root, bytes, yaml, sourceName));
    }

    private static SpecVersion version(JsonNode root, byte[] bytes, boolean yaml, String sourceName) {
        JsonNode swagger = root.get("swagger");
        JsonNode openapi = root.get("openapi");
        if (swagger != null) {
            if ("2.0".equals(swagger.asText()) || "2".equals(swagger.asText())) return SpecVersion.SWAGGER_2;
            throw failAt(sourceName, bytes, yaml, "/swagger", "unsupported Swagger version " + swagger.asText()
                    + " (supported: 2.0, 3.0.x, 3.1.x)");
        }
        if (openapi != null) {
            String v = openapi.asText();
            if (v.equals("3.0") || v.startsWith("3.0.")) return SpecVersion.OAS_3_0;
            if (v.equals("3.1") || v.startsWith("3.1.")) return SpecVersion.OAS_3_1;
            throw failAt(sourceName, bytes, yaml, "/openapi", "unsupported OpenAPI version " + v
                    + " (supported: 2.0, 3.0.x, 3.1.x)");
        }
        if (root.has("swaggerVersion")) {
            throw failAt(sourceName, bytes, yaml, "/swaggerVersion", "unsupported Swagger version "
                    + root.get("swaggerVersion").asText() + " (supported: 2.0, 3.0.x, 3.1.x)");
        }
        throw fail(sourceName, "/", "not an OpenAPI or Swagger document: no \"openapi\" or \"swagger\" field");
    }

    private static JsonNode parse(byte[] bytes, boolean yaml, String sourceName) {
        try {
            return (yaml ? YAML : JSON).readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : failurePosition(bytes, yaml);
            String where = at == null || at.getLineNr() < 0 ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw fail(sourceName, where, (yaml ? "YAML" : "JSON") + " syntax error: " + JsonErrors.describe(e));
        } catch (java.io.IOException | RuntimeException e) {
            // SnakeYAML limits (alias count, code points) surface as plain runtime exceptions
            throw fail(sourceName, null, (yaml ? "YAML" : "JSON") + " could not be read: " + JsonErrors.describe(e));
        }
    }

    /** Where a streaming read stops; for limit errors (nesting depth) that carry no location of their own. */
    private static JsonLocation failurePosition(byte[] bytes, boolean yaml) {
        try (var parser = (yaml ? YAML : JSON).getFactory().createParser(bytes)) {
            try {
                while (parser.nextToken() != null) {
                    // read until the parser gives up
                }
            } catch (java.io.IOException | RuntimeException e) {
                return parser.currentLocation();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Jackson reads a YAML alias ({@code *name}) as the plain string "name", silently corrupting the document, and
     * expanding aliases is how "billion laughs" documents attack; so a document using them is refused.
     */
    private static void rejectAliases(byte[] bytes, String sourceName) {
        if (indexOf(bytes, (byte) '&') < 0) return;
        try (var parser = (com.fasterxml.jackson.dataformat.yaml.YAMLParser) YAML.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw fail(sourceName, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                            "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
                }
            }
        } catch (OpenApiImportException failure) {
            throw failure;
        } catch (java.io.IOException | RuntimeException e) {
            // a syntax error: the real parse below reports it with its location
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }

    private static void checkText(byte[] bytes, String sourceName) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw fail(sourceName, "byte offset " + i, "not a JSON or YAML document: binary data (NUL byte)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw fail(sourceName, "byte offset " + in.position(), "not a JSON or YAML document: invalid UTF-8");
            }
            if (result.isUnderflow()) break;
            out.clear();
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw fail(sourceName, null, "not a JSON or YAML document: invalid UTF-8");
        }
    }

    private static byte[] stripBom(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /** Index of the first byte that is not whitespace or part of a YAML comment line; -1 if there is none. */
    private static int firstNonBlank(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            byte b = bytes[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                i++;
            } else if (b == '#') {
                while (i < bytes.length && bytes[i] != '\n') i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    static OpenApiImportException fail(String sourceName, String location, String message) {
        return OpenApiImportException.at(sourceName, location, message);
    }

    static OpenApiImportException failAt(String sourceName, byte[] bytes, boolean yaml, String pointer, String message) {
        return OpenApiImportException.at(sourceName, SourceLocator.describe(bytes, yaml, pointer), message);
    }
}
