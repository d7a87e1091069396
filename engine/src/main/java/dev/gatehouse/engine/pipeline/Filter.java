package dev.gatehouse.engine.pipeline;

/**
 * Observes, rewrites or short-circuits one request (OkHttp's {@code Interceptor}). Code before
 * {@code chain.proceed(request)} is the request leg, code after it the response leg.
 *
 * <p>Contract: return a non-null response; call {@code chain.proceed} at most once (zero times to
 * short-circuit: cache hit, mock, rejection). Throw {@code errors.GatewayException} for client-visible errors;
 * only the outermost {@code ErrorMappingFilter} turns them into wire responses. Backend 4xx/5xx are
 * responses, not exceptions. {@link FilterChain} enforces the contract and names the culprit.
 *
 * <p>Runs on the request's virtual thread, or on its event loop when every filter on its way waits for nothing
 * ({@link #waiting}): blocking calls are fine only where declared; holding a lock across one is not.
 * Filters are shared by all requests of a plan, so keep per-request state in {@link Chain#context()}.
 * {@code toString()} should print the filter's configuration (the console shows the pipeline with it).
 */
@FunctionalInterface
public interface Filter {

    GatewayResponse filter(GatewayRequest request, Chain chain);

    /**
     * What running this filter for {@code request} may wait for ({@link Waiting}): nothing but its own work, the
     * request's event loop (a backend exchange on it), or anything (it may block). The server asks before a request
     * starts, on the event loop, and runs the request where the most demanding filter on its way allows
     * ({@code server.Threading}). Must be cheap and must not throw. {@link Waiting#BLOCKING} unless a filter says
     * otherwise, so a new filter is safe by default.
     */
    default Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.BLOCKING;
    }

    /** The rest of the pipeline as seen by one filter invocation. */
    interface Chain {

        /** Runs the remaining filters with {@code request}; at most once per invocation. */
        GatewayResponse proceed(GatewayRequest request);

        /** This request's state and event listener. */
        RequestContext context();
    }
}
