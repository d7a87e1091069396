package dev.gatehouse.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The integration request of a method (AWS {@code Integration}). One record for all five types, as on the AWS
 * wire; the compiled runtime dispatches on {@link #type()}. Defaults as AWS returns them: passthrough
 * {@code WHEN_NO_MATCH}, timeout 29000 ms, no cache key parameters, {@code INTERNET} for HTTP types.
 *
 * @param requestParameters   {@code integration.request.{path|querystring|header}.NAME → source expression}
 * @param requestTemplates    content type → VTL template
 * @param integrationResponses status code → integration response
 */
public record Integration(
        IntegrationType type,
        String httpMethod,
        String uri,
        ConnectionType connectionType,
        String connectionId,
        String credentials,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        PassthroughBehavior passthroughBehavior,
        ContentHandling contentHandling,
        Integer timeoutInMillis,
        String cacheNamespace,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> cacheKeyParameters,
        Map<String, IntegrationResponse> integrationResponses,
        TlsConfig tlsConfig) {

    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;

    public Integration {
        requestParameters = Copies.map(requestParameters);
        requestTemplates = Copies.map(requestTemplates);
        if (passthroughBehavior == null) passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;
        if (timeoutInMillis == null) timeoutInMillis = DEFAULT_TIMEOUT_MILLIS;
        cacheKeyParameters = Copies.list(cacheKeyParameters);
        integrationResponses = Copies.map(integrationResponses);
        if (connectionType == null && (type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY)) {
            connectionType = ConnectionType.INTERNET;
        }
    }

    /** A MOCK integration with AWS's defaults. */
    public static Integration mock() {
        return new Integration(IntegrationType.MOCK, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** An integration of the given type calling {@code httpMethod uri}, with AWS's defaults. */
    public static Integration of(IntegrationType type, String httpMethod, String uri) {
        return new Integration(type, httpMethod, uri, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** TLS options for an HTTP endpoint. */
    public record TlsConfig(Boolean insecureSkipVerification) {}

    public Integration withRequestTemplates(Map<String, String> templates) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                templates, passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    public Integration withRequestParameters(Map<String, String> parameters) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, parameters,
                requestTemplates, passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    public Integration withIntegrationResponses(Map<String, IntegrationResponse> responses) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace,
                cacheKeyParameters, responses, tlsConfig);
    }

    public Integration withCacheNamespace(String namespace) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, passthroughBehavior, contentHandling, timeoutInMillis, namespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    /** The request parameters ({@code method.request.querystring.q}, …) that key the stage cache. */
    public Integration withCacheKeyParameters(List<String> parameters) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace,
                parameters, integrationResponses, tlsConfig);
    }

    public Integration withPassthroughBehavior(PassthroughBehavior behavior) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, behavior, contentHandling, timeoutInMillis, cacheNamespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    public Integration withTimeoutInMillis(int timeout) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, passthroughBehavior, contentHandling, timeout, cacheNamespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    public Integration withContentHandling(ContentHandling handling) {
        return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
                requestTemplates, passthroughBehavior, handling, timeoutInMillis, cacheNamespace,
                cacheKeyParameters, integrationResponses, tlsConfig);
    }

    /** True for HTTP_PROXY and AWS_PROXY, which never apply mapping templates. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isProxy() {
        return type == IntegrationType.HTTP_PROXY || type == IntegrationType.AWS_PROXY;
    }
}
