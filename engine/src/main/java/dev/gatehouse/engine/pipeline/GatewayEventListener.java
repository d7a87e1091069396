package dev.gatehouse.engine.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Paired events of one request, after OkHttp's {@code EventListener}: the test panel's execution log, metrics,
 * access logs and live views are all listeners. Every method has an empty default, so a listener overrides only
 * what it needs.
 *
 * <p>Called on the request's thread, in pipeline order. Implementations must be fast (no I/O: queue it) and
 * must not throw; {@link RequestContext#events()} is wrapped by {@link #safe} anyway, so a throwing listener
 * only loses its own event. Byte arrays are the request's own: read, never modify.
 *
 * <p>Order for one request: {@code requestStart}, {@code filterStart}/{@code filterEnd} pairs (nested),
 * {@code methodRequest} once routed, {@code integrationStart}, {@code endpointRequest},
 * {@code endpointResponse}, {@code integrationEnd}, {@code methodResponse}, then either nothing or
 * {@code executionFailed}, and finally {@code requestEnd} (a wire response exists) or {@code requestFailed}
 * (nothing could be answered).
 */
public interface GatewayEventListener {

    /** A listener that ignores everything. */
    GatewayEventListener NONE = new GatewayEventListener() { };

    default void requestStart(RequestContext ctx, GatewayRequest request) { }

    /** The request was routed to a method: AWS's "Method request ..." lines. */
    default void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                               Map<String, String> pathParameters, QueryParams query, Headers headers,
                               byte[] body) { }

    default void filterStart(RequestContext ctx, Filter filter) { }

    /** {@code response} is null when the filter threw {@code failure}. */
    default void filterEnd(RequestContext ctx, Filter filter, GatewayResponse response, Throwable failure) { }

    /** The integration begins; {@code type} is {@code MOCK}, {@code HTTP}, {@code HTTP_PROXY}, ... */
    default void integrationStart(RequestContext ctx, String type) { }

    /** The request about to be sent to the backend (after transformations). */
    default void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) { }

    /** The backend answered (before transformations). */
    default void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers,
                                  byte[] body) { }

    /**
     * A line the backend logged for this request (a local function's output and its START / END / REPORT
     * lines), reported after {@code endpointResponse}.
     */
    default void integrationLog(RequestContext ctx, String line) { }

    /** {@code failure} is null on success. */
    default void integrationEnd(RequestContext ctx, String type, Throwable failure) { }

    /** The method response after transformations, as it leaves the method. */
    default void methodResponse(RequestContext ctx, GatewayResponse response) { }

    /** A gateway error ended execution; {@code logLine} is AWS's text, e.g. "Execution failed due to a timeout error". */
    default void executionFailed(RequestContext ctx, String logLine) { }

    /** The wire response (for errors: the rendered gateway response). */
    default void requestEnd(RequestContext ctx, GatewayResponse response) { }

    /** Nothing could be answered through the pipeline; the server answers 500 on its own. */
    default void requestFailed(RequestContext ctx, Throwable failure) { }

    /** A listener that calls each of {@code listeners} in order, isolating failures. */
    static GatewayEventListener composite(List<? extends GatewayEventListener> listeners) {
        List<GatewayEventListener> copy = List.copyOf(listeners);
        if (copy.isEmpty()) return NONE;
        if (copy.size() == 1) return safe(copy.getFirst());
        return new CompositeEventListener(copy.stream().map(GatewayEventListener::safe).toList());
    }

    /** Wraps {@code listener} so a throwing method is swallowed (and reported once to stderr per listener). */
    static GatewayEventListener safe(GatewayEventListener listener) {
        if (listener == null) return NONE;
        if (listener == NONE || listener instanceof SafeEventListener || listener instanceof CompositeEventListener) {
            return listener;
        }
        return new SafeEventListener(listener);
    }
}
