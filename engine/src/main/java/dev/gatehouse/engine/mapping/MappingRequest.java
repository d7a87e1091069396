package dev.gatehouse.engine.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a template, a parameter mapping or a request validator reads: the payload ({@code $input.body}: the
 * method request body for request templates, the integration response body for response templates) and the
 * method request's parameters, stage variables and {@code $context}. Plain Java, so the data plane adapts its
 * request type in one place. Immutable (but for a cache of the validated body's parse) and thread-safe.
 *
 * <p>The data plane's requests are {@linkplain #lazy lazy}: each part (the body decoded to text, the parameter maps,
 * the stage variables, {@code $context}) is built the first time something reads it, at most once per request
 * however many validators, mappings and templates read it (a concurrent first read may build a part twice; both
 * builds are equal). A method whose filters read nothing pays for nothing.
 *
 * <p>Parts (the accessors of the former record):
 * {@code body} the payload as text (UTF-8 decoded by the caller); null is treated as empty;
 * {@code pathParameters} path parameter → value, in route order;
 * {@code queryParameters} query name → values in arrival order (case-sensitive names);
 * {@code headers} header name → values; lookups are case-insensitive, names keep the client's casing;
 * {@code stageVariables} stage variable → value;
 * {@code context} the {@code $context} tree.
 */
public final class MappingRequest {

    /** A part built on first read; the supplier's result is normalised like the public constructor's argument. */
    private static final class Lazy<T> {
        private final Supplier<T> source;
        private volatile T value;

        Lazy(Supplier<T> source, T value) {
            this.source = source;
            this.value = value;
        }

        T get() {
            T v = value;
            if (v == null) {
                v = source.get();
                value = v;
            }
            return v;
        }
    }

    private final Lazy<String> body;
    private final Lazy<Map<String, String>> pathParameters;
    private final Lazy<Map<String, List<String>>> queryParameters;
    private final Lazy<Map<String, List<String>>> headers;
    private final Lazy<Map<String, String>> stageVariables;
    private final ContextValues context;
    /**
     * The body as request validation parsed it (Jackson), for {@code $input} to convert instead of parsing the
     * text again; a cache of the body, not a part (ignored by equals, not carried by withBody/withContext).
     */
    private volatile JsonTreeReader.Tree validatedJson;
    /** The bytes {@link #body()} is decoded from (UTF-8), when the data plane has them; null otherwise. */
    private final byte[] utf8Body;

    /** A request from ready values (copied; nulls are empty). */
    public MappingRequest(String body, Map<String, String> pathParameters,
                          Map<String, List<String>> queryParameters, Map<String, List<String>> headers,
                          Map<String, String> stageVariables, ContextValues context) {
        this(ready(normaliseBody(body)), ready(copyOf(pathParameters)), ready(copyMulti(queryParameters, false)),
                ready(copyMulti(headers, true)), ready(copyOf(stageVariables)), context);
    }

    private MappingRequest(Lazy<String> body, Lazy<Map<String, String>> pathParameters,
                           Lazy<Map<String, List<String>>> queryParameters, Lazy<Map<String, List<String>>> headers,
                           Lazy<Map<String, String>> stageVariables, ContextValues context) {
        this(body, pathParameters, queryParameters, headers, stageVariables, context, null);
    }

    private MappingRequest(Lazy<String> body, Lazy<Map<String, String>> pathParameters,
                           Lazy<Map<String, List<String>>> queryParameters, Lazy<Map<String, List<String>>> headers,
                           Lazy<Map<String, String>> stageVariables, ContextValues context, byte[] utf8Body) {
        this.utf8Body = utf8Body;
        this.body = body;
        this.pathParameters = pathParameters;
        this.queryParameters = queryParameters;
        this.headers = headers;
        this.stageVariables = stageVariables;
        this.context = context == null ? ContextValues.EMPTY : context;
    }

    /**
     * A request whose parts are built on first read from the suppliers' values, normalised (copied) exactly as the
     * public constructor does. Each supplier runs at most once per request (barring a concurrent first read).
     */
    static MappingRequest lazy(Supplier<String> body, Supplier<Map<String, String>> pathParameters,
                               Supplier<Map<String, List<String>>> queryParameters,
                               Supplier<Map<String, List<String>>> headers,
                               Supplier<Map<String, String>> stageVariables, ContextValues context) {
        return lazy(null, body, pathParameters, queryParameters, headers, stageVariables, context);
    }

    /** As above, the body being {@code utf8} decoded by {@code body} (the bytes are kept, not copied). */
    static MappingRequest lazy(byte[] utf8, Supplier<String> body, Supplier<Map<String, String>> pathParameters,
                               Supplier<Map<String, List<String>>> queryParameters,
                               Supplier<Map<String, List<String>>> headers,
                               Supplier<Map<String, String>> stageVariables, ContextValues context) {
        return new MappingRequest(new Lazy<>(() -> normaliseBody(body.get()), null),
                new Lazy<>(() -> copyOf(pathParameters.get()), null),
                new Lazy<>(() -> copyMulti(queryParameters.get(), false), null),
                new Lazy<>(() -> copyMulti(headers.get(), true), null),
                new Lazy<>(() -> copyOf(stageVariables.get()), null), context, utf8);
    }

    /**
     * The bytes {@link #body()} was decoded from as UTF-8 (the data plane's method request), or null (a body given
     * as text, a replaced body). Shared, not copied: read only.
     */
    public byte[] utf8Body() {
        return utf8Body;
    }

    private static <T> Lazy<T> ready(T value) {
        return new Lazy<>(null, value);
    }

    private static String normaliseBody(String body) {
        return body == null ? "" : body;
    }

    private static Map<String, String> copyOf(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(nonNull(m)));
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

    /**
     * Offered by request validation: {@link #body()} parsed by Jackson as one JSON value with nothing after it.
     * Any thread; the last offer wins (every offer is a parse of the same body).
     */
    public void offerValidatedJson(com.fasterxml.jackson.databind.JsonNode parsedBody) {
        offerValidatedJson(parsedBody, false);
    }

    /**
     * As {@link #offerValidatedJson(com.fasterxml.jackson.databind.JsonNode)}, with what the parse learnt: {@code
     * convertible} as {@link JsonTreeReader.Tree#convertible()} (false: not known).
     */
    public void offerValidatedJson(com.fasterxml.jackson.databind.JsonNode parsedBody, boolean convertible) {
        validatedJson = parsedBody == null ? null : new JsonTreeReader.Tree(parsedBody, convertible);
    }

    /** The tree {@link #offerValidatedJson} was given, with what its parse learnt about it, or null. */
    JsonTreeReader.Tree validatedTree() {
        return validatedJson;
    }

    /** The payload as text. */
    public String body() {
        return body.get();
    }

    /** Path parameter → value, in route order. */
    public Map<String, String> pathParameters() {
        return pathParameters.get();
    }

    /** Query name → values in arrival order (case-sensitive names). */
    public Map<String, List<String>> queryParameters() {
        return queryParameters.get();
    }

    /** Header name → values; lookups are case-insensitive, names keep the client's casing. */
    public Map<String, List<String>> headers() {
        return headers.get();
    }

    /** Stage variable → value. */
    public Map<String, String> stageVariables() {
        return stageVariables.get();
    }

    /** The {@code $context} tree. */
    public ContextValues context() {
        return context;
    }

    /** An empty request (no body, no parameters). */
    public static MappingRequest empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same request with another payload (the data plane uses this for response templates); shares the rest. */
    public MappingRequest withBody(String newBody) {
        return new MappingRequest(ready(normaliseBody(newBody)), pathParameters, queryParameters, headers,
                stageVariables, context);
    }

    public MappingRequest withContext(ContextValues newContext) {
        return new MappingRequest(body, pathParameters, queryParameters, headers, stageVariables, newContext,
                utf8Body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingRequest r && body().equals(r.body()) && pathParameters().equals(r.pathParameters())
                && queryParameters().equals(r.queryParameters()) && headers().equals(r.headers())
                && stageVariables().equals(r.stageVariables()) && context.equals(r.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(body(), pathParameters(), queryParameters(), headers(), stageVariables(), context);
    }

    @Override
    public String toString() {
        return "MappingRequest[body=" + body() + ", pathParameters=" + pathParameters() + ", queryParameters="
                + queryParameters() + ", headers=" + headers() + ", stageVariables=" + stageVariables()
                + ", context=" + context + "]";
    }

    /** The single value of a query parameter: the last one, as AWS keeps it; null when absent. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The single value of a header (case-insensitive): the last one; null when absent. */
    public String header(String name) {
        List<String> values = headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The header's values (case-insensitive), empty when absent. */
    public List<String> headerValues(String name) {
        return headers().getOrDefault(name, List.of());
    }

    /** The query parameter's values, empty when absent. */
    public List<String> queryValues(String name) {
        return queryParameters().getOrDefault(name, List.of());
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
            String existing = name;
            for (String k : headers.keySet()) {
                if (k.equalsIgnoreCase(name)) {
                    existing = k;
                    break;
                }
            }
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
