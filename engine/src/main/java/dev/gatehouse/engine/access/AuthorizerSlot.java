package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.Filter;

/**
 * Chooses the filter for a method's authorizer slot at deploy time, by its {@code authorizationType}: none for
 * NONE; {@link IamAuthorizerFilter} for AWS_IAM; {@link CognitoAuthorizerFilter} for COGNITO_USER_POOLS with a Cognito authorizer;
 * {@link LambdaAuthorizerFilter} (or its fail-closed refusal) for CUSTOM; {@link FailClosedAccess} for anything
 * that cannot run. Called by the request pipeline on the plan-rebuild thread.
 */
public final class AuthorizerSlot {

    private AuthorizerSlot() { }

    /** The authorizer slot of {@code method}; null when it needs no authorization. */
    public static Filter forMethod(AccessState state, AccessTrust trust, AuthorizerFunctions functions,
                                   ApiDefinition api, Resource resource, Method method) {
        AuthorizationType type = method.authorizationType();
        if (type == AuthorizationType.AWS_IAM) return new IamAuthorizerFilter(trust, method.httpMethod() + " " + resource.path());
        if (type == AuthorizationType.COGNITO_USER_POOLS) {
            Authorizer cognito = cognito(api, method);
            return cognito == null ? FailClosedAccess.authorizerFor(api, resource, method)
                    : new CognitoAuthorizerFilter(trust, cognito, method.authorizationScopes());
        }
        return LambdaAuthorizerFilter.forMethod(state, functions, api, resource, method);
    }

    /** The method's authorizer when it is a COGNITO_USER_POOLS authorizer with at least one pool, else null. */
    static Authorizer cognito(ApiDefinition api, Method method) {
        if (method.authorizerId() == null) return null;
        Authorizer a = api.authorizer(method.authorizerId()).orElse(null);
        if (a == null || a.type() != AuthorizerType.COGNITO_USER_POOLS) return null;
        return a.providerARNs() == null || a.providerARNs().isEmpty() ? null : a;
    }
}
