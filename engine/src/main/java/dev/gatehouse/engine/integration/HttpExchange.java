package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.mapping.RequestHeaderRules;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The part HTTP and HTTP_PROXY share: add API Gateway's backend headers, report the endpoint events, pick the
 * request's event-loop-bound backend, run the exchange and turn a {@link BackendFailure} into the gateway
 * error. Stateless.
 */
final class HttpExchange {

    private HttpExchange() { }

    /**
     * Finishes a backend request's headers as AWS does (aws-reference §3.2; AWS-recorded in LocalStack's
     * {@code test_apigateway_header_remapping_http} snapshots): removes {@link RequestHeaderRules#DROPPED_AFTER_MAPPING}
     * (even when mapped), adds {@code X-Amzn-Apigateway-Api-Id}, {@code User-Agent: AmazonAPIGateway_{apiId}}
     * unless one is already there (the client's for HTTP_PROXY, a mapped one for HTTP) and {@code X-Amzn-Trace-Id},
     * which it also records under {@link IntegrationKeys#TRACE_ID} for the response.
     */
    static void addGatewayHeaders(Headers.Builder h, RequestContext ctx) {
        for (String name : RequestHeaderRules.DROPPED_AFTER_MAPPING) h.remove(name);
        String apiId = ctx.getOrDefault(ContextKeys.API_ID, "");
        h.set("X-Amzn-Apigateway-Api-Id", apiId);
        if (!h.contains("User-Agent")) h.set("User-Agent", "AmazonAPIGateway_" + apiId);
        Instant t = ctx.get(ContextKeys.REQUEST_TIME); // not getOrDefault: that reads the clock on every request
        if (t == null) t = Instant.now();
        String traceId = RequestIds.traceId(t.getEpochSecond());
        h.set("X-Amzn-Trace-Id", traceId);
        ctx.put(IntegrationKeys.TRACE_ID, traceId);
    }

    /** Runs the exchange with events; throws the gateway error on failure. */
    static BackendResponse run(RequestContext ctx, HttpBackend fallback, String type, String method, String uri,
                               Headers headers, byte[] body, Duration timeout) {
        return run(ctx, fallback, type, method, uri, null, headers, body, timeout);
    }

    /** As above; {@code parsed} (null: none) keeps the integration's last parsed target for the next request. */
    static BackendResponse run(RequestContext ctx, HttpBackend fallback, String type, String method, String uri,
                               LastUri parsed, Headers headers, byte[] body, Duration timeout) {
        GatewayEventListener events = ctx.events();
        HttpBackend backend = ctx.get(HttpBackend.CONTEXT_KEY);
        if (backend == null) backend = fallback;
        events.integrationStart(ctx, type);
        events.endpointRequest(ctx, method, uri, headers, body);
        BackendResponse response;
        try {
            URI target;
            try {
                target = parsed != null ? parsed.parse(uri) : URI.create(uri);
            } catch (IllegalArgumentException bad) {
                throw new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", bad);
            }
            if (backend == null) throw new IllegalStateException("no HttpBackend for this request");
            response = backend.exchange(new BackendRequest(method, target, headers, body, timeout));
        } catch (BackendFailure f) {
            events.integrationEnd(ctx, type, f);
            throw f.toGatewayException();
        } catch (RuntimeException e) {
            events.integrationEnd(ctx, type, e);
            throw e;
        }
        events.endpointResponse(ctx, response.status(), response.latencyMillis(), response.headers(), response.body());
        events.integrationEnd(ctx, type, null);
        return response;
    }

    /**
     * The last target URI one integration parsed: an integration whose URI has no placeholders and gets no mapped
     * query sends every request to the same text, which is then parsed once, not per request ({@code URI.create}
     * was a third of an HTTP integration's own time). Any other text is parsed and becomes the last. Thread-safe:
     * one immutable pair read and replaced whole.
     */
    static final class LastUri {
        private record Parsed(String text, URI uri) {}

        private volatile Parsed last;

        URI parse(String text) {
            Parsed p = last;
            if (p != null && p.text.equals(text)) return p.uri;
            URI uri = URI.create(text);
            last = new Parsed(text, uri);
            return uri;
        }
    }

    /** Appends {@code query} (raw, already encoded) to {@code uri}. */
    static String withQuery(String uri, String query) {
        if (query == null || query.isEmpty()) return uri;
        return uri + (uri.indexOf('?') < 0 ? '?' : '&') + query;
    }
}
