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

    static String of(String httpMethod, String resourcePath, List<String> keyParameters, GatewayRequest request,
                     Map<String, String> pathParameters) {
        StringBuilder key = new StringBuilder(httpMethod).append(' ').append(resourcePath);
        for (String parameter : keyParameters) {
            key.append('\u0000').append(parameter).append('=');
            String p = parameter.toLowerCase(Locale.ROOT);
            if (p.startsWith("method.request.path.")) {
                append(key, pathParameters.get(parameter.substring("method.request.path.".length())));
            } else if (p.startsWith("method.request.querystring.")) {
                append(key, request.query().last(parameter.substring("method.request.querystring.".length())));
            } else if (p.startsWith("method.request.multivaluequerystring.")) {
                append(key, String.join("\u0001", request.query().all(
                        parameter.substring("method.request.multivaluequerystring.".length()))));
            } else if (p.startsWith("method.request.header.")) {
                append(key, request.headers().first(parameter.substring("method.request.header.".length())));
            } else if (p.startsWith("method.request.multivalueheader.")) {
                append(key, String.join("\u0001", request.headers().all(
                        parameter.substring("method.request.multivalueheader.".length()))));
            }
        }
        return key.toString();
    }

    private static void append(StringBuilder key, String value) {
        if (value != null) key.append(value.length()).append(':').append(value);
    }
}
