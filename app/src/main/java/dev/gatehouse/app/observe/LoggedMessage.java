package dev.gatehouse.app.observe;

import dev.gatehouse.app.session.Observations.Exchange;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged request's request and response (headers, body) as the Logs page, Replay and HAR export read them: from
 * the request kept in memory exactly as it arrived when there is one, else from the execution log's data lines
 * (AWS's {@code Method request headers: {k=v, …}}; credentials masked, values over 998 characters cut, and only
 * on stages with {@code dataTraceEnabled}). Pure; any thread.
 *
 * @param exact true when read from the kept request (byte for byte), false when pieced together from the log
 */
public record LoggedMessage(String method, String path, String query, List<Map.Entry<String, String>> requestHeaders,
                            byte[] requestBody, int status, List<Map.Entry<String, String>> responseHeaders,
                            byte[] responseBody, boolean exact) {

    private static final Pattern LINE = Pattern.compile("^.+? : (Method request headers|Method request body before transformations"
            + "|Method response headers|Method response body after transformations|Method request query string): (.*)$");
    /** A {@code k=v} pair's start in AWS's Java-map text: ", " then a header name then '='. */
    private static final Pattern PAIR_START = Pattern.compile(", (?=[!#$%&'*+.^_`|~0-9A-Za-z-]+=)");

    public static LoggedMessage of(LoggedRequest entry, Optional<Exchange> kept) {
        if (kept.isPresent()) {
            Exchange e = kept.get();
            return new LoggedMessage(e.method(), e.path(), e.query(), e.headers(), e.body(), e.status(),
                    e.responseHeaders(), e.responseBody(), true);
        }
        List<Map.Entry<String, String>> reqHeaders = List.of();
        List<Map.Entry<String, String>> resHeaders = List.of();
        String reqBody = "";
        String resBody = "";
        String query = "";
        for (String line : entry.log() == null ? new String[0] : entry.log().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            switch (m.group(1)) {
                case "Method request headers" -> reqHeaders = javaMap(m.group(2));
                case "Method response headers" -> resHeaders = javaMap(m.group(2));
                case "Method request body before transformations" -> reqBody = m.group(2);
                case "Method response body after transformations" -> resBody = m.group(2);
                default -> query = queryOf(javaMap(m.group(2)));
            }
        }
        String path = entry.path();
        return new LoggedMessage(entry.httpMethod(), path, query, reqHeaders, reqBody.getBytes(StandardCharsets.UTF_8),
                entry.status(), resHeaders, resBody.getBytes(StandardCharsets.UTF_8), false);
    }

    /** {@code {a=1, b=2}} as pairs; {@code {}} as none. */
    static List<Map.Entry<String, String>> javaMap(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String t = text.trim();
        if (t.length() < 2 || !t.startsWith("{") || !t.endsWith("}")) return out;
        t = t.substring(1, t.length() - 1);
        if (t.isEmpty()) return out;
        for (String pair : PAIR_START.split(t)) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return out;
    }

    private static String queryOf(List<Map.Entry<String, String>> pairs) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> p : pairs) {
            if (!b.isEmpty()) b.append('&');
            b.append(java.net.URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The first value of a request header (case-insensitive), or null. */
    public String requestHeader(String name) {
        return requestHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The first value of a response header (case-insensitive), or null. */
    public String responseHeader(String name) {
        return responseHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public String pathWithQuery() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** The trace as the Logs page shows it: request, response, then AWS's execution log. */
    public String traceText(LoggedRequest entry) {
        StringBuilder b = new StringBuilder();
        b.append(method).append(' ').append(pathWithQuery()).append("  →  ").append(status).append('\n');
        b.append("Request id ").append(entry.requestId()).append(", latency ").append(String.format("%.1f ms", entry.latencyMs()));
        if (entry.integrationLatencyMs() != null) b.append(String.format(", integration %.1f ms", entry.integrationLatencyMs()));
        b.append(exact ? "\n(as received, byte for byte)\n" : "\n(from the execution log: credentials masked, long values cut)\n");
        b.append("\n── Request headers ──\n");
        requestHeaders.forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        b.append("\n── Request body ──\n").append(new String(requestBody, StandardCharsets.UTF_8)).append('\n');
        b.append("\n── Response headers ──\n");
        responseHeaders.forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        b.append("\n── Response body ──\n").append(new String(responseBody, StandardCharsets.UTF_8)).append('\n');
        b.append("\n── Execution log ──\n").append(entry.log() == null || entry.log().isEmpty()
                ? "(none: the stage's loggingLevel was OFF)\n" : entry.log());
        return b.toString();
    }
}
