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
     * Whether handling {@code request} never blocks its thread (see {@link Filter#neverBlocks}): the server then
     * runs it on a virtual thread carried by the connection's event loop. Called on the event loop; cheap; never
     * throws. False by default.
     */
    default boolean neverBlocks(GatewayRequest request) {
        return false;
    }
}
