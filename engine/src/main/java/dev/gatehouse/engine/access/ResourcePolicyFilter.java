package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;

/**
 * The resource-policy slot: the API's policy ({@link ResourcePolicy}), compiled at deploy time (a changed policy
 * applies after the next deploy, as on AWS), evaluated per request against the method ARN
 * {@code arn:aws:execute-api:us-east-1:123456789012:{apiId}/{stage}/{METHOD}/{path}} and the caller's source IP.
 * Refusals are 403 ACCESS_DENIED with AWS's body, the account masked as AWS masks it:
 * {@code {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource:
 * arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/pets with an explicit deny"}} for an explicit Deny, the
 * same without " with an explicit deny" when nothing allows the call.
 *
 * <p>On an AWS_IAM method an implicit deny is not final: the caller's own IAM policy may allow it (AWS's
 * authorization flow for same-account IAM principals), and the IAM slot that follows checks the signature. A policy
 * that is not a policy document refuses every call (500), never lets one through. Thread-safe (immutable).
 */
public final class ResourcePolicyFilter implements Filter {

    static final String ACCOUNT = "123456789012";
    static final String MASKED_ACCOUNT = "********" + ACCOUNT.substring(8);

    private final ResourcePolicy policy;
    private final String problem;
    private final boolean iamMethod;

    private ResourcePolicyFilter(ResourcePolicy policy, String problem, boolean iamMethod) {
        this.policy = policy;
        this.problem = problem;
        this.iamMethod = iamMethod;
    }

    /** The resource-policy slot of {@code method}: null when the API has no policy. */
    public static Filter forMethod(ApiDefinition api, Resource resource, Method method) {
        String text = api.restApi().policy();
        if (text == null || text.isBlank()) return null;
        return of(text, api.id(), method.authorizationType() == AuthorizationType.AWS_IAM);
    }

    /** The slot for a policy text of API {@code apiId}; a text that is not a policy gives a filter refusing all. */
    static ResourcePolicyFilter of(String text, String apiId, boolean iamMethod) {
        try {
            return new ResourcePolicyFilter(ResourcePolicy.parse(text, apiId), null, iamMethod);
        } catch (IllegalArgumentException e) {
            return new ResourcePolicyFilter(null, e.getMessage(), iamMethod);
        }
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        if (policy == null) {
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR)
                    .withLogLine("Execution failed due to configuration error: " + problem);
        }
        RequestContext ctx = chain.context();
        String path = ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, "/");
        String resource = ctx.get(ContextKeys.API_ID) + "/" + ctx.get(ContextKeys.STAGE) + "/" + request.method() + path;
        String arn = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + resource;
        String authorization = request.headers().first("Authorization");
        boolean signed = authorization != null && authorization.strip().startsWith("AWS4-HMAC-SHA256");
        String shown = "arn:aws:execute-api:us-east-1:" + MASKED_ACCOUNT + ":" + resource;
        String denied = "User: anonymous is not authorized to perform: execute-api:Invoke on resource: " + shown;
        switch (policy.decide(arn, ctx.get(ContextKeys.SOURCE_IP), iamMethod && signed)) {
            case EXPLICIT_DENY -> throw GatewayException.of(GatewayResponseType.ACCESS_DENIED, denied + " with an explicit deny")
                    .withLogLine("Execution failed: the resource policy denies " + arn + " to " + ctx.get(ContextKeys.SOURCE_IP)
                            + " explicitly");
            case IMPLICIT_DENY -> {
                if (!iamMethod) {
                    throw GatewayException.of(GatewayResponseType.ACCESS_DENIED, denied)
                            .withLogLine("Execution failed: the resource policy allows nothing matching " + arn + " from "
                                    + ctx.get(ContextKeys.SOURCE_IP));
                }
            }
            case ALLOW -> { }
        }
        return chain.proceed(request);
    }

    @Override public String toString() {
        return "ResourcePolicyFilter{" + (policy == null ? "invalid: " + problem : "iam=" + iamMethod) + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}
