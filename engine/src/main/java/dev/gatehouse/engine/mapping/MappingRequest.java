package dev.gatehouse.engine.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a template, a parameter mapping or a request validator reads: the payload ({@code $input.body}: the
 * method request body for request templates, the integration response body for response templates) and the
 * method request's parameters, stage variables and {@code $context}. Plain Java, so the data plane adapts its
 * request type in one place. Immutable and thread-safe.
 *
 * @param body           the payload as text (UTF-8 decoded by the caller); null is treated as empty
 * @param pathParameters path parameter → value, in route order
 * @param queryParameters query name → values in arrival order (case-sensitive names)
 * @param headers        header name → values; lookups are case-insensitive, names keep the client's casing
 * @param stageVariables stage variable → value
 * @param context        the {@code $context} tree
 */
public record MappingRequest(String body, Map<String, String> pathParameters,
                             Map<String, List<String>> queryParameters, Map<String, List<String>> headers,
                             Map<String, String> stageVariables, ContextValues context) {

    public MappingRequest {
        body = body == null ? "" : body;
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(nonNull(pathParameters)));
        queryParameters = copyMulti(queryParameters, false);
        headers = copyMulti(headers, true);
        stageVariables = Collections.unmodifiableMap(new LinkedHashMap<>(nonNull(stageVariables)));
        context = context == null ? ContextValues.EMPTY : context;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private static Map<String, List<String>> copyMulti(Map<String, List<String>> in, boolean caseInsensitive) {
        Map<String, List<String>> out = caseInsensitive ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
                : new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                List<String> values = out.computeIfAbsent(Objects.requireNonNull(k, "parameter name"),
                        x -> new ArrayList<>());
                if (v != null) values.addAll(v);
            });
            out.replaceAll((k, v) -> List.copyOf(v));
        }
        return Collections.unmodifiableMap(out);
    }

    /** An empty request (no body, no parameters). */
    public static MappingRequest empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same request with another payload (the data plane uses this for response templates). */
    public MappingRequest withBody(String newBody) {
        return new MappingRequest(newBody, pathParameters, queryParameters, headers, stageVariables, context);
    }

    public MappingRequest withContext(ContextValues newContext) {
        return new MappingRequest(body, pathParameters, queryParameters, headers, stageVariables, newContext);
    }

    /** The single value of a query parameter: the last one, as AWS keeps it; null when absent. */
    public String queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The single value of a header (case-insensitive): the last one; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The header's values (case-insensitive), empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The query parameter's values, empty when absent. */
    public List<String> queryValues(String name) {
        return queryParameters.getOrDefault(name, List.of());
    }

    /** Builds a request; not thread-safe. */
    public static final class Builder {
        private String body = "";
        private final Map<String, String> path = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private ContextValues context = ContextValues.EMPTY;

        public Builder body(String value) {
            this.body = value;
            return this;
        }

        public Builder pathParameter(String name, String value) {
            path.put(name, value);
            return this;
        }

        /** Adds one value (repeat the call for a repeated parameter). */
        public Builder queryParameter(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Adds one value (repeat the call for a repeated header). */
        public Builder header(String name, String value) {
            String existing = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                    .orElse(name);
            headers.computeIfAbsent(existing, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder stageVariable(String name, String value) {
            stageVariables.put(name, value);
            return this;
        }

        public Builder stageVariables(Map<String, String> values) {
            stageVariables.putAll(values);
            return this;
        }

        public Builder context(ContextValues value) {
            this.context = value;
            return this;
        }

        public MappingRequest build() {
            return new MappingRequest(body, path, query, headers, stageVariables, context);
        }
    }
}
