package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The terminal filter of an HTTP (custom, non-proxy) method. Nothing of the client's request passes through
 * implicitly: the URI takes only the mapped {@code integration.request.path.*} values (placeholders) and
 * {@code querystring.*}; headers are the mapped {@code header.*} plus API Gateway's own ({@code Accept:
 * application/json} unless mapped, {@code User-Agent}, {@code X-Amzn-Apigateway-Api-Id}, {@code X-Amzn-Trace-Id});
 * the body is the request as it arrives here, i.e. after the request-mapping filter rendered its template.
 * The backend response comes back unchanged for the response-mapping filter (integration-response selection
 * via {@link ResponseSelector}, templates). Thread-safe.
 */
public final class HttpIntegration implements Filter {

    private final String httpMethod;
    private final UriTemplate uri;
    private final Duration timeout;
    private final HttpBackend fallbackBackend;
    private final HttpExchange.LastUri lastTarget = new HttpExchange.LastUri();

    /** @param httpMethod the integration method ({@code ANY} means the client's); may differ from the method's */
    public HttpIntegration(String httpMethod, UriTemplate uri, Duration timeout, HttpBackend fallbackBackend) {
        this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.fallbackBackend = fallbackBackend;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        IntegrationParameters mapped = ctx.getOrDefault(IntegrationKeys.PARAMETERS, IntegrationParameters.NONE);
        String target = uri.expand(mapped.path(), ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
        target = HttpExchange.withQuery(target, HttpProxyIntegration.encodeQuery(mapped.querystring()));
        Headers.Builder h = Headers.builder();
        mapped.header().forEach(h::set);
        if (!h.contains("Accept")) h.set("Accept", "application/json");
        String contentType = request.headers().last("Content-Type");
        if (request.body().length > 0 && !h.contains("Content-Type") && contentType != null) {
            h.set("Content-Type", contentType);
        }
        HttpExchange.addGatewayHeaders(h, ctx);
        String method = "ANY".equals(httpMethod) ? request.method() : httpMethod;
        BackendResponse response = HttpExchange.run(ctx, fallbackBackend, "HTTP", method, target, lastTarget,
                h.build(), request.body(), timeout);
        return new GatewayResponse(response.status(),
                HttpProxyIntegration.forwardable(response.headers()).build(), response.body());
    }

    @Override public String toString() {
        return "HttpIntegration{" + httpMethod + " " + uri + ", timeout=" + timeout.toMillis() + "ms}";
    }

    /** Parks only on its backend exchange, which the request's event loop drives ({@link Waiting#ON_EVENT_LOOP}). */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.ON_EVENT_LOOP;
    }
}
