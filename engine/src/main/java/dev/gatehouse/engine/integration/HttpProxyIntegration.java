package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.mapping.RequestHeaderRules;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The terminal filter of an HTTP_PROXY method: the client's method (unless the integration names one), path
 * parameters substituted into the URI, query string, headers and body pass through; hop-by-hop headers are
 * dropped both ways; mapped {@code integration.request.*} parameters are merged (AWS does, aws-reference §3.1);
 * API Gateway's backend headers are added. The backend's response is returned as is (status, body, headers as
 * {@link ProxyResponseHeaders} leaves them: reserved names renamed {@code x-amzn-Remapped-*}, hop-by-hop dropped). Failures become AWS's gateway errors ({@link BackendFailure}). Thread-safe; one per method.
 */
public final class HttpProxyIntegration implements Filter {

    private final String httpMethod;
    private final UriTemplate uri;
    private final Duration timeout;
    private final HttpBackend fallbackBackend;
    private final HttpExchange.LastUri lastTarget = new HttpExchange.LastUri();

    /**
     * @param httpMethod      the integration method, or {@code ANY} to use the client's
     * @param uri             the compiled integration URI
     * @param timeout         {@code timeoutInMillis}
     * @param fallbackBackend used when the request context has no {@link IntegrationKeys#HTTP_BACKEND}
     *                        (test invoke outside the server); may be null
     */
    public HttpProxyIntegration(String httpMethod, UriTemplate uri, Duration timeout, HttpBackend fallbackBackend) {
        this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.fallbackBackend = fallbackBackend;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        IntegrationParameters mapped = ctx.getOrDefault(IntegrationKeys.PARAMETERS, IntegrationParameters.NONE);
        Map<String, String> pathValues = ctx.getOrDefault(ContextKeys.PATH_PARAMETERS, Map.of());
        if (!mapped.path().isEmpty()) {
            pathValues = new LinkedHashMap<>(pathValues);
            pathValues.putAll(mapped.path());
        }
        String target = uri.expand(pathValues, ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
        target = HttpExchange.withQuery(target, request.rawQuery());
        target = HttpExchange.withQuery(target, encodeQuery(mapped.querystring()));

        Headers.Builder h = passedThrough(request.headers());
        mapped.header().forEach(h::set);
        HttpExchange.addGatewayHeaders(h, ctx);
        String method = "ANY".equals(httpMethod) ? request.method() : httpMethod;

        BackendResponse response = HttpExchange.run(ctx, fallbackBackend, "HTTP_PROXY", method, target, lastTarget,
                h.build(), request.body(), timeout);
        return new GatewayResponse(response.status(), ProxyResponseHeaders.of(response.headers()), response.body());
    }

    /**
     * The client headers HTTP_PROXY passes to the backend: all but {@link RequestHeaderRules#notPassedThrough}
     * (AWS-recorded, see there), hop-by-hop ones and those the client's {@code Connection} names.
     */
    static Headers.Builder passedThrough(Headers headers) {
        Headers.Builder b = forwardable(headers);
        for (String name : headers.names()) if (RequestHeaderRules.notPassedThrough(name)) b.remove(name);
        return b;
    }

    /** Copies headers except hop-by-hop ones and those named by {@code Connection}. */
    static Headers.Builder forwardable(Headers headers) {
        java.util.List<String> connection = headers.all("Connection");
        Set<String> named = connection.isEmpty() ? Set.of() : new HashSet<>();
        for (String c : connection) {
            for (String token : c.split(",")) named.add(token.trim().toLowerCase(Locale.ROOT));
        }
        Headers.Builder b = Headers.builder();
        headers.forEach((name, value) -> {
            if (!HopByHop.isHopByHop(name) && !named.contains(Headers.lowerCaseName(name))) b.add(name, value);
        });
        return b;
    }

    static String encodeQuery(Map<String, String> params) {
        if (params.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    @Override public String toString() {
        return "HttpProxyIntegration{" + httpMethod + " " + uri + ", timeout=" + timeout.toMillis() + "ms}";
    }

    /** Parks only on its backend exchange, which the request's event loop drives ({@link Waiting#ON_EVENT_LOOP}). */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.ON_EVENT_LOOP;
    }
}
