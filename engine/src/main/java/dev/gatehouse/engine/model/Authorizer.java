package dev.gatehouse.engine.model;

import java.util.List;

/**
 * An authorizer (AWS {@code Authorizer}): a Lambda TOKEN or REQUEST authorizer, or a Cognito user pool.
 *
 * @param identitySource               e.g. {@code method.request.header.Authorization}
 * @param authorizerResultTtlInSeconds default 300, 0 disables caching
 */
public record Authorizer(String id, String name, AuthorizerType type, List<String> providerARNs, String authType,
                         String authorizerUri, String authorizerCredentials, String identitySource,
                         String identityValidationExpression, Integer authorizerResultTtlInSeconds) {
    public Authorizer {
        providerARNs = providerARNs == null ? null : Copies.list(providerARNs);
    }
}
