package dev.gatehouse.engine.caching;

import dev.gatehouse.engine.pipeline.GatewayRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS's cache key: the method and resource, plus the values of the method's {@code cacheKeyParameters}
 * ({@code method.request.path|querystring|header|multivaluequerystring|multivalueheader.NAME}) and nothing else —
 * so, as on AWS, two query strings not named as key parameters share one entry (aws-reference §2.1).
 */
final class CacheKey {

    private CacheKey() { }

    /** Where a key parameter's value comes from. */
    enum Source { PATH, QUERY, MULTI_QUERY, HEADER, MULTI_HEADER, NONE }

    /** One {@code cacheKeyParameters} entry split once per deployment: its text, source and the name it reads. */
    record Part(String parameter, Source source, String name) { }

    private static final String[] PREFIXES = {"method.request.path.", "method.request.querystring.",
        "method.request.multivaluequerystring.", "method.request.header.", "method.request.multivalueheader."};

    /** Splits the method's key parameters (prefixes matched case-insensitively, names kept as written). */
    static Part[] parts(List<String> keyParameters) {
        Part[] parts = new Part[keyParameters.size()];
        for (int i = 0; i < parts.length; i++) {
            String parameter = keyParameters.get(i);
            String p = parameter.toLowerCase(Locale.ROOT);
            Source source = Source.NONE;
            String name = null;
            for (int s = 0; s < PREFIXES.length; s++) {
                if (p.startsWith(PREFIXES[s])) {
                    source = Source.values()[s];
                    name = parameter.substring(PREFIXES[s].length());
                    break;
                }
            }
            parts[i] = new Part(parameter, source, name);
        }
        return parts;
    }

    static String of(String httpMethod, String resourcePath, Part[] keyParameters, GatewayRequest request,
                     Map<String, String> pathParameters) {
        StringBuilder key = new StringBuilder(httpMethod.length() + resourcePath.length() + 48)
                .append(httpMethod).append(' ').append(resourcePath);
        for (Part part : keyParameters) {
            key.append('\u0000').append(part.parameter()).append('=');
            switch (part.source()) {
                case PATH -> append(key, pathParameters.get(part.name()));
                case QUERY -> append(key, request.query().last(part.name()));
                case MULTI_QUERY -> append(key, String.join("\u0001", request.query().all(part.name())));
                case HEADER -> append(key, request.headers().first(part.name()));
                case MULTI_HEADER -> append(key, String.join("\u0001", request.headers().all(part.name())));
                case NONE -> { }
            }
        }
        return key.toString();
    }

    private static void append(StringBuilder key, String value) {
        if (value != null) key.append(value.length()).append(':').append(value);
    }
}
