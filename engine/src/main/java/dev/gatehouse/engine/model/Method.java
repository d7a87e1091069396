package dev.gatehouse.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A method request on a resource (AWS {@code Method}), with its integration and method responses.
 *
 * @param httpMethod        GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS or ANY
 * @param requestParameters {@code method.request.{path|querystring|header|multivalueheader|multivaluequerystring}.NAME → required}
 * @param requestModels     content type → model name
 * @param methodResponses   status code → method response
 */
public record Method(
        String httpMethod,
        AuthorizationType authorizationType,
        String authorizerId,
        List<String> authorizationScopes,
        Boolean apiKeyRequired,
        String requestValidatorId,
        String operationName,
        Map<String, Boolean> requestParameters,
        Map<String, String> requestModels,
        Map<String, MethodResponse> methodResponses,
        Integration methodIntegration) {

    /** The method names AWS accepts. */
    public static final List<String> HTTP_METHODS = List.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    public Method {
        if (httpMethod != null) httpMethod = httpMethod.toUpperCase(java.util.Locale.ROOT);
        if (authorizationType == null) authorizationType = AuthorizationType.NONE;
        if (apiKeyRequired == null) apiKeyRequired = Boolean.FALSE;
        authorizationScopes = authorizationScopes == null ? null : Copies.list(authorizationScopes);
        requestParameters = Copies.map(requestParameters);
        requestModels = Copies.map(requestModels);
        methodResponses = Copies.map(methodResponses);
    }

    /** A fresh method as PutMethod creates it: no authorization, no API key, no integration. */
    public static Method of(String httpMethod) {
        return new Method(httpMethod, null, null, null, null, null, null, null, null, null, null);
    }

    public Method withIntegration(Integration integration) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                requestValidatorId, operationName, requestParameters, requestModels, methodResponses, integration);
    }

    public Method withMethodResponses(Map<String, MethodResponse> responses) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                requestValidatorId, operationName, requestParameters, requestModels, responses, methodIntegration);
    }

    public Method withRequestParameters(Map<String, Boolean> parameters) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                requestValidatorId, operationName, parameters, requestModels, methodResponses, methodIntegration);
    }

    public Method withRequestModels(Map<String, String> models) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                requestValidatorId, operationName, requestParameters, models, methodResponses, methodIntegration);
    }

    public Method withRequestValidatorId(String validatorId) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                validatorId, operationName, requestParameters, requestModels, methodResponses, methodIntegration);
    }

    public Method withAuthorization(AuthorizationType type, String authorizer, List<String> scopes) {
        return new Method(httpMethod, type, authorizer, scopes, apiKeyRequired,
                requestValidatorId, operationName, requestParameters, requestModels, methodResponses, methodIntegration);
    }

    public Method withApiKeyRequired(boolean required) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, required,
                requestValidatorId, operationName, requestParameters, requestModels, methodResponses, methodIntegration);
    }

    public Method withOperationName(String name) {
        return new Method(httpMethod, authorizationType, authorizerId, authorizationScopes, apiKeyRequired,
                requestValidatorId, name, requestParameters, requestModels, methodResponses, methodIntegration);
    }
}
