package dev.gatehouse.app.session;

import dev.gatehouse.engine.mapping.ContextValues;
import dev.gatehouse.engine.mapping.MappingRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The playground's sample request as typed: body, path parameters ({@code name=value} lines), query string
 * ({@code a=1&b=2}), headers ({@code Name: value} lines, a name may repeat) and stage variables
 * ({@code name=value} lines). Immutable; {@link #toMappingRequest} reads it into the engine's request.
 */
public record SampleRequest(String body, String pathParameters, String queryString, String headers, String stageVariables) {

    /** The request a template sees; IllegalArgumentException names a malformed line. */
    MappingRequest toMappingRequest(ContextValues context) {
        MappingRequest.Builder b = MappingRequest.builder().body(body == null ? "" : body).context(context);
        pairs(pathParameters, '=', "Path parameter", b::pathParameter);
        pairs(stageVariables, '=', "Stage variable", b::stageVariable);
        pairs(headers, ':', "Header", b::header);
        String q = queryString == null ? "" : queryString.strip();
        if (q.startsWith("?")) q = q.substring(1);
        for (String part : q.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            b.queryParameter(decode(name), decode(value));
        }
        return b.build();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % stays as typed
        }
    }

    private static void pairs(String text, char separator, String what, java.util.function.BiConsumer<String, String> sink) {
        if (text == null || text.isBlank()) return;
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int at = line.indexOf(separator);
            if (at <= 0) throw new IllegalArgumentException(what + " line " + n + " must read name" + (separator == ':' ? ": " : "=") + "value");
            sink.accept(line.substring(0, at).trim(), line.substring(at + 1).trim());
        }
    }
}
