package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.pipeline.ContextKey;

/** Per-request context keys the request mapping hands to the integration step. */
public final class IntegrationKeys {

    private IntegrationKeys() { }

    /**
     * The integration request's mapped parameters ({@code integration.request.path|querystring|header.*}),
     * set by the request-mapping step; absent means no mappings.
     */
    public static final ContextKey<IntegrationParameters> PARAMETERS = ContextKey.named("integrationParameters");
}
