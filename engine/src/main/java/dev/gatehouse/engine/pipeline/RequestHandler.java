package dev.gatehouse.engine.pipeline;

/**
 * What the data-plane server (and the in-process test invoke) calls for every request: plain types in, plain
 * types out. A compiled plan is a RequestHandler; the server reads the current one once per request, so a
 * request finishes on the plan it started with.
 *
 * <p>Called on the request's own virtual thread; may block. Should not throw (put an {@code ErrorMappingFilter}
 * first); if it does, the server answers a bare 500.
 */
@FunctionalInterface
public interface RequestHandler {

    GatewayResponse handle(GatewayRequest request, RequestContext context);

    /**
     * What handling {@code request} may wait for (see {@link Filter#waiting}): the server runs it on the connection's
     * event loop ({@link Waiting#NONE}), on a virtual thread that loop carries ({@link Waiting#ON_EVENT_LOOP}) or on
     * the JDK's scheduler ({@link Waiting#BLOCKING}, the default). Called on the event loop; cheap; never throws.
     */
    default Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.BLOCKING;
    }
}
