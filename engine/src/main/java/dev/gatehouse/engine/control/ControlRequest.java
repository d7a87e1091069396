package dev.gatehouse.engine.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One control-plane request as received: method, raw (still percent-encoded) path and query, headers (names
 * lower-cased, values in arrival order) and the whole body. The raw forms are kept because the SigV4 check
 * recomputes the signature over exactly what the client signed.
 */
public record ControlRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body) {

    public ControlRequest {
        method = method.toUpperCase(Locale.ROOT);
        if (rawPath == null || rawPath.isEmpty()) rawPath = "/";
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The path's segments, percent-decoded; the root path has none. */
    public List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) out.add(decode(s, false));
        }
        return out;
    }

    /** Query parameters, decoded, each name with its values in order. */
    public Map<String, List<String>> query() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static String decode(String s, boolean plusIsSpace) {
        String in = plusIsSpace ? s : s.replace("+", "%2B");
        try {
            return URLDecoder.decode(in, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid percent-encoding in '" + s + "'");
        }
    }
}
