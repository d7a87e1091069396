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

    /**
     * The {@code X-Amzn-Trace-Id} the HTTP integrations sent to the backend; set by the integration step. The
     * response mapping of a non-proxy integration returns it to the client (AWS does for HTTP and AWS, not for MOCK,
     * HTTP_PROXY or gateway errors: LocalStack's AWS-validated snapshots {@code test_apigateway_integrations}
     * {@code header_remapping} and {@code test_apigateway_common} {@code test_invocation_trace_id}).
     */
    public static final ContextKey<String> TRACE_ID = ContextKey.named("integrationTraceId");

    /**
     * What the integration responses' {@code selectionPattern}s are matched against when it is not the backend's
     * status code: a Lambda function's {@code errorMessage} (set by the AWS integration on a function error).
     */
    public static final ContextKey<String> SELECTION_VALUE = ContextKey.named("selectionValue");
}
