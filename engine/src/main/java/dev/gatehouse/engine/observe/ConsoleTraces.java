package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The execution log of deployed-stage requests the console sends, so its test panel shows a stage call's log as
 * it does a draft test invoke's. A request carrying {@value #HEADER}{@code : <id>} is recorded by an
 * {@link ExecutionLog} of its own; the header is removed before the pipeline sees it (so neither the method
 * request, the mapping nor the integration ever sees it) by the handler {@link #stripping} wraps. The last
 * {@value #KEPT} logs are kept, by id, for {@link #log}.
 *
 * <p>Register with {@code Gateway.addListener} before {@code serve}. Events arrive on request threads; requests
 * without the header cost one context lookup per event.
 */
public final class ConsoleTraces implements GatewayEventListener {
    /** The console-only request header naming a trace. */
    public static final String HEADER = "X-Gatehouse-Trace";
    static final int KEPT = 64;
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ContextKey<ExecutionLog> LOG = ContextKey.named("consoleTrace.log");
    private static final ContextKey<String> ID = ContextKey.named("consoleTrace.id");

    /** Finished logs by trace id, oldest first; guarded by itself. */
    private final Map<String, String> finished = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    /** A handler that removes {@value #HEADER} from requests and starts their log, then calls {@code next}. */
    public RequestHandler stripping(RequestHandler next) {
        return new RequestHandler() {
            @Override public GatewayResponse handle(GatewayRequest request, RequestContext ctx) {
                String id = request.headers().first(HEADER);
                if (id == null) return next.handle(request, ctx);
                GatewayRequest stripped = request.withHeaders(request.headers().toBuilder().remove(HEADER).build());
                if (VALID_ID.matcher(id).matches()) {
                    ctx.put(ID, id);
                    ctx.put(LOG, new ExecutionLog());
                }
                return next.handle(stripped, ctx);
            }

            /** As {@code next}: the trace only adds an in-memory log. */
            @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
                return next.waiting(request, context);
            }
        };
    }

    /** The execution log of the traced request {@code id}, once it has ended; empty when unknown or evicted. */
    public Optional<String> log(String id) {
        synchronized (finished) {
            return Optional.ofNullable(finished.get(id));
        }
    }

    private void finish(RequestContext ctx) {
        ExecutionLog log = ctx.get(LOG);
        if (log == null) return;
        synchronized (finished) {
            finished.put(ctx.get(ID), log.text());
        }
    }

    @Override public void requestStart(RequestContext ctx, GatewayRequest request) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.requestStart(ctx, request);
    }

    @Override public void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers, byte[] body) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.methodRequest(ctx, httpMethod, resourcePath, pathParameters, query, headers, body);
    }

    @Override public void filterStart(RequestContext ctx, Filter filter) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.filterStart(ctx, filter);
    }

    @Override public void filterEnd(RequestContext ctx, Filter filter, GatewayResponse response, Throwable failure) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.filterEnd(ctx, filter, response, failure);
    }

    @Override public void integrationStart(RequestContext ctx, String type) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.integrationStart(ctx, type);
    }

    @Override public void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.endpointRequest(ctx, method, uri, headers, body);
    }

    @Override public void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers, byte[] body) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.endpointResponse(ctx, status, latencyMillis, headers, body);
    }

    @Override public void integrationLog(RequestContext ctx, String line) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.integrationLog(ctx, line);
    }

    @Override public void integrationEnd(RequestContext ctx, String type, Throwable failure) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.integrationEnd(ctx, type, failure);
    }

    @Override public void methodResponse(RequestContext ctx, GatewayResponse response) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.methodResponse(ctx, response);
    }

    @Override public void executionFailed(RequestContext ctx, String logLine) {
        ExecutionLog log = ctx.get(LOG);
        if (log != null) log.executionFailed(ctx, logLine);
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        ExecutionLog log = ctx.get(LOG);
        if (log == null) return;
        log.requestEnd(ctx, response);
        finish(ctx);
    }

    @Override public void requestFailed(RequestContext ctx, Throwable failure) {
        ExecutionLog log = ctx.get(LOG);
        if (log == null) return;
        log.requestFailed(ctx, failure);
        finish(ctx);
    }

    @Override public String toString() {
        return "ConsoleTraces{" + HEADER + "}";
    }
}
