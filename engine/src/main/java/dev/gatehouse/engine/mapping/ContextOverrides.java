package dev.gatehouse.engine.mapping;

import java.util.Map;

/**
 * What a template set under {@code $context.requestOverride} and {@code $context.responseOverride}.
 * The data plane applies request overrides to the integration request and response overrides to the method
 * response, after the parameter mappings (aws-reference §4).
 *
 * @param status          {@code responseOverride.status} when it is an integer 100–599 (AWS ignores others), else null
 * @param responseHeaders {@code responseOverride.header.X}
 * @param requestHeaders  {@code requestOverride.header.X}
 * @param requestPath     {@code requestOverride.path.X}
 * @param requestQuery    {@code requestOverride.querystring.X}
 */
public record ContextOverrides(Integer status, Map<String, String> responseHeaders, Map<String, String> requestHeaders,
                               Map<String, String> requestPath, Map<String, String> requestQuery) {

    public static final ContextOverrides NONE = new ContextOverrides(null, Map.of(), Map.of(), Map.of(), Map.of());

    public ContextOverrides {
        responseHeaders = Map.copyOf(responseHeaders);
        requestHeaders = Map.copyOf(requestHeaders);
        requestPath = Map.copyOf(requestPath);
        requestQuery = Map.copyOf(requestQuery);
    }

    public boolean isEmpty() {
        return status == null && responseHeaders.isEmpty() && requestHeaders.isEmpty() && requestPath.isEmpty()
                && requestQuery.isEmpty();
    }

    /** True when the request template set no {@code requestOverride} value. */
    public boolean requestIsEmpty() {
        return requestHeaders.isEmpty() && requestPath.isEmpty() && requestQuery.isEmpty();
    }

    /**
     * {@code context} with this render's {@code requestOverride.{header|path|querystring}.X} values, so that later
     * templates of the same request (the response template, MOCK included) read what the request template set
     * (DG "Use a mapping template to override an API's request and response parameters and status codes": the
     * override variables are readable in the templates that follow).
     */
    ContextValues withRequestOverrides(ContextValues context) {
        if (requestIsEmpty()) return context;
        ContextValues.Builder b = context.toBuilder();
        requestHeaders.forEach((k, v) -> b.put("requestOverride.header." + k, v));
        requestPath.forEach((k, v) -> b.put("requestOverride.path." + k, v));
        requestQuery.forEach((k, v) -> b.put("requestOverride.querystring." + k, v));
        return b.build();
    }

    /** Reads the override branches of a rendered {@code $context} map. */
    static ContextOverrides from(Map<String, Object> context) {
        Map<String, Object> response = branch(context, "responseOverride");
        Map<String, Object> request = branch(context, "requestOverride");
        Integer status = status(response.get("status"));
        Map<String, String> responseHeaders = strings(branch(response, "header"));
        Map<String, String> requestHeaders = strings(branch(request, "header"));
        Map<String, String> requestPath = strings(branch(request, "path"));
        Map<String, String> requestQuery = strings(branch(request, "querystring"));
        if (status == null && responseHeaders.isEmpty() && requestHeaders.isEmpty() && requestPath.isEmpty()
                && requestQuery.isEmpty()) {
            return NONE; // the usual render: nothing overridden, nothing to copy
        }
        return new ContextOverrides(status, responseHeaders, requestHeaders, requestPath, requestQuery);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> branch(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> strings(Map<String, Object> in) {
        if (in.isEmpty()) return Map.of();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, String.valueOf(v));
        });
        return out;
    }

    private static Integer status(Object value) {
        if (value == null) return null;
        try {
            int s = value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
                    : Integer.parseInt(String.valueOf(value).trim());
            return s >= 100 && s <= 599 ? s : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
