package dev.gatehouse.engine.integration;

/**
 * Performs one HTTP exchange with a backend: plain types in, plain types out. The data-plane server puts an
 * instance bound to the inbound connection's event loop into each request's context
 * ({@link #CONTEXT_KEY}), so the exchange runs on that loop while the request's virtual thread
 * parks (DESIGN.md "Data-plane HTTP stack").
 *
 * <p>Called on the request's thread; blocks until the whole response body arrived, the timeout passed or the
 * exchange failed. Failures are {@link BackendFailure}s; backend 4xx/5xx are normal responses. Thread-safe.
 */
@FunctionalInterface
public interface HttpBackend {

    /** The backend client for this request (set by the server, bound to the inbound connection's event loop). */
    dev.gatehouse.engine.pipeline.ContextKey<HttpBackend> CONTEXT_KEY =
            dev.gatehouse.engine.pipeline.ContextKey.named("httpBackend");

    BackendResponse exchange(BackendRequest request);
}
