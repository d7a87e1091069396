package dev.gatehouse.engine.pipeline;

import java.util.List;
import java.util.Map;

/** Fans each event out to several (already safe) listeners in order. */
final class CompositeEventListener implements GatewayEventListener {

    private final List<GatewayEventListener> listeners;

    CompositeEventListener(List<GatewayEventListener> listeners) {
        this.listeners = listeners;
    }

    @Override public void requestStart(RequestContext ctx, GatewayRequest request) {
        for (GatewayEventListener l : listeners) l.requestStart(ctx, request);
    }

    @Override public void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers,
                                        byte[] body) {
        for (GatewayEventListener l : listeners) {
            l.methodRequest(ctx, httpMethod, resourcePath, pathParameters, query, headers, body);
        }
    }

    @Override public void filterStart(RequestContext ctx, Filter filter) {
        for (GatewayEventListener l : listeners) l.filterStart(ctx, filter);
    }

    @Override public void filterEnd(RequestContext ctx, Filter filter, GatewayResponse response, Throwable failure) {
        for (GatewayEventListener l : listeners) l.filterEnd(ctx, filter, response, failure);
    }

    @Override public void integrationStart(RequestContext ctx, String type) {
        for (GatewayEventListener l : listeners) l.integrationStart(ctx, type);
    }

    @Override public void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        for (GatewayEventListener l : listeners) l.endpointRequest(ctx, method, uri, headers, body);
    }

    @Override public void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers,
                                           byte[] body) {
        for (GatewayEventListener l : listeners) l.endpointResponse(ctx, status, latencyMillis, headers, body);
    }

    @Override public void integrationEnd(RequestContext ctx, String type, Throwable failure) {
        for (GatewayEventListener l : listeners) l.integrationEnd(ctx, type, failure);
    }

    @Override public void methodResponse(RequestContext ctx, GatewayResponse response) {
        for (GatewayEventListener l : listeners) l.methodResponse(ctx, response);
    }

    @Override public void integrationLog(RequestContext ctx, String line) {
        for (GatewayEventListener l : listeners) l.integrationLog(ctx, line);
    }

    @Override public void executionFailed(RequestContext ctx, String logLine) {
        for (GatewayEventListener l : listeners) l.executionFailed(ctx, logLine);
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        for (GatewayEventListener l : listeners) l.requestEnd(ctx, response);
    }

    @Override public void requestFailed(RequestContext ctx, Throwable failure) {
        for (GatewayEventListener l : listeners) l.requestFailed(ctx, failure);
    }

    @Override public String toString() {
        return "composite" + listeners;
    }
}
