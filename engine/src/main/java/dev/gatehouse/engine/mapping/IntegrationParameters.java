package dev.gatehouse.engine.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluated {@code integration.request.*} parameter mappings of one request (what the request-mapping step
 * computed from {@code requestParameters}): path values for URI placeholders, query-string and header values.
 */
public record IntegrationParameters(Map<String, String> path, Map<String, String> querystring,
                                    Map<String, String> header) {

    public static final IntegrationParameters NONE = new IntegrationParameters(Map.of(), Map.of(), Map.of());

    public IntegrationParameters {
        path = copy(path);
        querystring = copy(querystring);
        header = copy(header);
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
