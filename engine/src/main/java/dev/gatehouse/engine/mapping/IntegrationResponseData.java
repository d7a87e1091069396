package dev.gatehouse.engine.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integration (backend) response as response parameter mappings read it.
 *
 * @param headers backend response headers (case-insensitive lookups)
 * @param body    the backend body as text
 */
public record IntegrationResponseData(Map<String, List<String>> headers, String body) {

    public IntegrationResponseData {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v == null ? List.of() : v));
        }
        copy.replaceAll((k, v) -> List.copyOf(v));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** The last value of a header, or null. */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
