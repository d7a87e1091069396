package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.ContextKey;

/** Per-request context keys of the integration step. */
public final class IntegrationKeys {

    private IntegrationKeys() { }

    /** The backend client for this request (set by the server, bound to the inbound connection's event loop). */
    public static final ContextKey<HttpBackend> HTTP_BACKEND = ContextKey.named("httpBackend");

    /**
     * The integration request's mapped parameters ({@code integration.request.path|querystring|header.*}),
     * set by the request-mapping step; absent means no mappings.
     */
    public static final ContextKey<IntegrationParameters> PARAMETERS = ContextKey.named("integrationParameters");
}
