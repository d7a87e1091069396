package dev.gatehouse.engine.pipeline;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to a listener and swallows what it throws (logged once): a broken listener never breaks a request. */
final class SafeEventListener implements GatewayEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeEventListener.class);

    private final GatewayEventListener delegate;
    private final AtomicBoolean reported = new AtomicBoolean();

    SafeEventListener(GatewayEventListener delegate) {
        this.delegate = delegate;
    }

    private void failed(String event, RuntimeException e) {
        if (reported.compareAndSet(false, true)) {
            LOG.warn("{} threw from {}; its further failures are ignored silently", delegate, event, e);
        }
    }

    @Override public void requestStart(RequestContext ctx, GatewayRequest request) {
        try { delegate.requestStart(ctx, request); } catch (RuntimeException e) { failed("requestStart", e); }
    }

    @Override public void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers,
                                        byte[] body) {
        try {
            delegate.methodRequest(ctx, httpMethod, resourcePath, pathParameters, query, headers, body);
        } catch (RuntimeException e) { failed("methodRequest", e); }
    }

    @Override public void filterStart(RequestContext ctx, Filter filter) {
        try { delegate.filterStart(ctx, filter); } catch (RuntimeException e) { failed("filterStart", e); }
    }

    @Override public void filterEnd(RequestContext ctx, Filter filter, GatewayResponse response, Throwable failure) {
        try { delegate.filterEnd(ctx, filter, response, failure); } catch (RuntimeException e) { failed("filterEnd", e); }
    }

    @Override public void integrationStart(RequestContext ctx, String type) {
        try { delegate.integrationStart(ctx, type); } catch (RuntimeException e) { failed("integrationStart", e); }
    }

    @Override public void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        try { delegate.endpointRequest(ctx, method, uri, headers, body); } catch (RuntimeException e) { failed("endpointRequest", e); }
    }

    @Override public void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers,
                                           byte[] body) {
        try {
            delegate.endpointResponse(ctx, status, latencyMillis, headers, body);
        } catch (RuntimeException e) { failed("endpointResponse", e); }
    }

    @Override public void integrationEnd(RequestContext ctx, String type, Throwable failure) {
        try { delegate.integrationEnd(ctx, type, failure); } catch (RuntimeException e) { failed("integrationEnd", e); }
    }

    @Override public void methodResponse(RequestContext ctx, GatewayResponse response) {
        try { delegate.methodResponse(ctx, response); } catch (RuntimeException e) { failed("methodResponse", e); }
    }

    @Override public void integrationLog(RequestContext ctx, String line) {
        try { delegate.integrationLog(ctx, line); } catch (RuntimeException e) { failed("integrationLog", e); }
    }

    @Override public void executionFailed(RequestContext ctx, String logLine) {
        try { delegate.executionFailed(ctx, logLine); } catch (RuntimeException e) { failed("executionFailed", e); }
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        try { delegate.requestEnd(ctx, response); } catch (RuntimeException e) { failed("requestEnd", e); }
    }

    @Override public void requestFailed(RequestContext ctx, Throwable failure) {
        try { delegate.requestFailed(ctx, failure); } catch (RuntimeException e) { failed("requestFailed", e); }
    }

    @Override public String toString() {
        return "safe(" + delegate + ")";
    }
}
