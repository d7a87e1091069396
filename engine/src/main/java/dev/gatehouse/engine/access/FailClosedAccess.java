package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The authorizer slot of a method that requires a check the engine cannot run (a Cognito-type method without a
 * Cognito authorizer and user pool, an authorizer that is not a local Lambda function): it refuses every
 * call the way AWS refuses a caller that is not allowed, and never lets one through (DESIGN: access control fails
 * closed). Built at deploy time, so the request path only throws.
 *
 * <ul>
 *   <li>Lambda (TOKEN/REQUEST) or Cognito authorizer: 401 {@code {"message":"Unauthorized"}} when the identity
 *       source is missing or empty — AWS answers so without calling the authorizer (§1.12) — otherwise 500
 *       AUTHORIZER_CONFIGURATION_ERROR, AWS's answer when an authorizer cannot be evaluated.</li>
 *   <li>AWS_IAM: 403 {@code {"message":"Missing Authentication Token"}} without an {@code Authorization} header
 *       (AWS's answer to an unsigned call), otherwise 500 (the signature cannot be checked).</li>
 * </ul>
 */
public final class FailClosedAccess {

    private FailClosedAccess() { }

    /** The authorizer slot for {@code method}; null when it needs no authorization. */
    public static Filter authorizerFor(ApiDefinition api, Resource resource, Method method) {
        AuthorizationType type = method.authorizationType();
        if (type == AuthorizationType.NONE) return null;
        String where = method.httpMethod() + " " + resource.path();
        if (type == AuthorizationType.AWS_IAM) {
            return named("IamNotSupported{" + where + "}", request -> {
                if (request.headers().first("Authorization") == null) {
                    throw GatewayException.missingAuthenticationToken();
                }
                throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR)
                        .withLogLine("Execution failed due to configuration error: IAM (SigV4) authorization of " + where
                                + " cannot be checked by the local engine yet; the call is refused");
            });
        }
        String name = AccessRequirement.authorizerName(api, method, type);
        Authorizer authorizer = method.authorizerId() == null ? null : api.authorizer(method.authorizerId()).orElse(null);
        List<String> headers = identityHeaders(authorizer, type);
        return named("AuthorizerNotSupported{" + where + ", " + name + "}", request -> {
            for (String header : headers) {
                String value = request.headers().first(header);
                if (value == null || value.isBlank()) throw GatewayException.of(GatewayResponseType.UNAUTHORIZED);
            }
            throw GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR)
                    .withLogLine("Execution failed due to configuration error: " + name
                            + " cannot be evaluated by the local engine yet; the call is refused");
        });
    }

    /**
     * Request headers that must be present before an authorizer would be called: the {@code method.request.header.X}
     * entries of its identity source (a Cognito or TOKEN authorizer defaults to {@code Authorization}).
     */
    static List<String> identityHeaders(Authorizer authorizer, AuthorizationType type) {
        List<String> out = new ArrayList<>();
        String source = authorizer == null ? null : authorizer.identitySource();
        if (source != null) {
            for (String part : source.split(",")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("method.request.header.")) {
                    out.add(p.substring("method.request.header.".length()));
                }
            }
        }
        if (out.isEmpty() && (authorizer == null || type == AuthorizationType.COGNITO_USER_POOLS
                || authorizer.type() == dev.gatehouse.engine.model.AuthorizerType.TOKEN)) {
            out.add("Authorization");
        }
        return List.copyOf(out);
    }

    private interface Refusal {
        void refuse(GatewayRequest request);
    }

    private static Filter named(String description, Refusal refusal) {
        return new Filter() {
            @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
                refusal.refuse(request);
                return chain.proceed(request); // unreachable: every refusal throws
            }

            @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
                return Waiting.NONE;
            }

            @Override public String toString() {
                return description;
            }
        };
    }
}
