package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.caching.CachingFilter;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The hot-path half of observability: follows each data-plane request's events, and when it ends turns them into
 * one {@link RequestRecord} handed to the {@link ObserveQueue} (never blocking: a full queue drops and counts).
 * Everything else (metrics, access-log lines, the store) happens on the writer thread.
 *
 * <p>Per request it costs one small object in the context and, only for stages whose {@code loggingLevel} is
 * ERROR or INFO, an {@link ExecutionTrace}: the execution log's events captured as they happen (times and
 * references to the request's immutable headers and bodies), about 250 bytes; the writer turns it into text, and
 * only when the level keeps it (an ERROR stage's successful requests are never written out). Called on request
 * threads; stateless apart from the shared settings and queue, so thread-safe.
 */
public final class ObservingListener implements GatewayEventListener {

    private static final ContextKey<Tracking> TRACKING = ContextKey.named("observe.tracking");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObserveSettings settings;
    private final ObserveQueue queue;
    private final Clock clock;

    public ObservingListener(ObserveSettings settings, ObserveQueue queue) {
        this(settings, queue, Clock.systemUTC());
    }

    /** {@code clock}: the execution log's line times. */
    ObservingListener(ObserveSettings settings, ObserveQueue queue, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    /** One request's observations; confined to its thread. */
    private static final class Tracking {
        final long startNanos = System.nanoTime();
        final GatewayRequest request;
        ExecutionTrace trace;
        boolean cacheLookup;
        boolean integrationCalled;
        long integrationMicros = -1;
        int integrationStatus = -1;
        String integrationError;
        boolean failed;

        Tracking(GatewayRequest request) {
            this.request = request;
        }
    }

    @Override public void requestStart(RequestContext ctx, GatewayRequest request) {
        ctx.put(TRACKING, new Tracking(request));
    }

    @Override public void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers, byte[] body) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        StageObserveSettings stage = settings.stage(ctx.get(ContextKeys.API_ID), ctx.get(ContextKeys.STAGE));
        if (stage == null || stage.loggingLevel(resourcePath, httpMethod) == LoggingLevel.OFF) return;
        // the log starts here, once the stage is known: its first lines are captured now
        long now = clock.millis();
        t.trace = new ExecutionTrace();
        t.trace.requestStart(now, ctx.requestId());
        t.trace.methodRequest(now, httpMethod, ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, resourcePath),
                pathParameters, query, headers, body);
    }

    @Override public void filterStart(RequestContext ctx, Filter filter) {
        if (filter instanceof CachingFilter) {
            Tracking t = ctx.get(TRACKING);
            if (t != null) t.cacheLookup = true;
        }
    }

    @Override public void integrationStart(RequestContext ctx, String type) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        t.integrationCalled = true;
    }

    @Override public void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        Tracking t = ctx.get(TRACKING);
        if (t != null && t.trace != null) t.trace.endpointRequest(clock.millis(), uri, headers, body);
    }

    @Override public void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers, byte[] body) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        t.integrationStatus = status;
        t.integrationMicros = latencyMillis * 1000;
        if (t.trace != null) t.trace.endpointResponse(clock.millis(), status, latencyMillis, headers, body);
    }

    @Override public void integrationLog(RequestContext ctx, String line) {
        Tracking t = ctx.get(TRACKING);
        if (t != null && t.trace != null) t.trace.integrationLog(clock.millis(), line);
    }

    @Override public void integrationEnd(RequestContext ctx, String type, Throwable failure) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        if (failure != null) t.integrationError = failure.getMessage();
    }

    @Override public void methodResponse(RequestContext ctx, GatewayResponse response) {
        Tracking t = ctx.get(TRACKING);
        if (t != null && t.trace != null) t.trace.methodResponse(clock.millis(), response);
    }

    @Override public void executionFailed(RequestContext ctx, String logLine) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        t.failed = true;
        if (t.trace != null) t.trace.executionFailed(clock.millis(), logLine);
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        if (t.trace != null) t.trace.requestEnd(clock.millis(), response.status());
        RequestRecord r = record(ctx, t, response.status(), response.body().length, response);
        t.trace = null; // the writer reads it from here on: an event after the end adds nothing
        queue.offer(r);
    }

    @Override public void requestFailed(RequestContext ctx, Throwable failure) {
        Tracking t = ctx.get(TRACKING);
        if (t == null) return;
        t.failed = true;
        if (t.trace != null) t.trace.requestFailed(clock.millis());
        // the server answers 500 {"message": "Internal server error"} on its own
        RequestRecord r = record(ctx, t, 500, "{\"message\": \"Internal server error\"}".length(), null);
        t.trace = null;
        queue.offer(r);
    }

    private static RequestRecord record(RequestContext ctx, Tracking t, int status, long length, GatewayResponse response) {
        long latencyMicros = (System.nanoTime() - t.startNanos) / 1000;
        Instant received = ctx.get(ContextKeys.REQUEST_TIME);
        Headers h = t.request.headers();
        String errorMessage = null;
        String errorType = null;
        if (status >= 400) {
            String headerType = response == null ? "InternalServerErrorException" : response.headers().first("x-amzn-ErrorType");
            if (headerType != null) {
                errorMessage = response == null ? "Internal server error" : messageOf(response.body());
                errorType = responseTypeOf(headerType, status);
            }
        }
        Map<String, String> authorizer = ctx.get(ContextKeys.AUTHORIZER);
        return new RequestRecord(
                received == null ? System.currentTimeMillis() : received.toEpochMilli(),
                ctx.get(ContextKeys.REQUEST_ID), ctx.get(ContextKeys.EXTENDED_REQUEST_ID),
                ctx.get(ContextKeys.API_ID), ctx.get(ContextKeys.STAGE), ctx.get(ContextKeys.DEPLOYMENT_ID),
                ctx.get(ContextKeys.RESOURCE_ID), ctx.get(ContextKeys.RESOURCE_PATH),
                ctx.getOrDefault(ContextKeys.HTTP_METHOD, t.request.method()),
                ctx.getOrDefault(ContextKeys.PATH, t.request.rawPath()),
                ctx.get(ContextKeys.PROTOCOL), ctx.get(ContextKeys.SOURCE_IP), h.first("User-Agent"),
                ctx.get(ContextKeys.DOMAIN_NAME), ctx.get(ContextKeys.DOMAIN_PREFIX),
                ctx.get(ContextKeys.API_KEY_ID), h.first("x-api-key"),
                authorizer == null ? null : authorizer.get("principalId"), authorizer,
                status, length, latencyMicros, t.integrationMicros, t.integrationStatus, t.integrationError,
                errorMessage, errorType, t.cacheLookup, t.integrationCalled, t.failed, null, t.trace);
    }

    /** The gateway error's message from its rendered body ({@code {"message": "..."}}), or null. */
    private static String messageOf(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode m = node == null ? null : node.has("message") ? node.get("message") : node.get("Message");
            return m == null || m.isNull() ? null : m.asText();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The gateway response type with this error type and status ({@code $context.error.responseType}). */
    private static String responseTypeOf(String errorType, int status) {
        String fallback = null;
        for (GatewayResponseType type : GatewayResponseType.values()) {
            if (!type.errorType().equals(errorType)) continue;
            if (type.defaultStatus() == status) return type.name();
            if (fallback == null && type.defaultStatus() != 0) fallback = type.name();
        }
        if (fallback != null) return fallback;
        return status >= 500 ? GatewayResponseType.DEFAULT_5XX.name() : GatewayResponseType.DEFAULT_4XX.name();
    }

    @Override public String toString() {
        return "ObservingListener";
    }
}
