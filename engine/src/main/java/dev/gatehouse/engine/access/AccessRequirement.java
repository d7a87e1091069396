package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * A check a method requires that cannot pass on a deployed stage as the workspace stands (an authorizer the engine
 * cannot run, a user pool the workspace does not configure, IAM without access keys), so the method refuses every
 * call. Deploy, the CLI and the console show these as warnings.
 *
 * @param httpMethod   e.g. {@code GET}
 * @param resourcePath e.g. {@code /pets}
 * @param check        what is required, in the product's words ("IAM (SigV4) authorization", "the Cognito authorizer 'x'")
 * @param why          why it cannot pass, e.g. "which the local engine cannot check yet"
 * @param refusal      what callers get, e.g. {@code 403 {"message":"Forbidden"}}
 */
public record AccessRequirement(String httpMethod, String resourcePath, String check, String why, String refusal) {

    static final String CANNOT_CHECK = "which the local engine cannot check yet";

    /** One sentence for a warning list: "GET /pets requires …, which …: calls are refused with 403 …". */
    public String message() {
        return httpMethod + " " + resourcePath + " requires " + check + ", " + why + ": "
                + "calls to a deployed stage are refused with " + refusal + " (test invoke skips the check, as AWS's does)";
    }

    /** Every requirement of the API's methods that cannot pass, in resource-path then method order. */
    public static List<AccessRequirement> of(ApiDefinition api, AccessTrust trust) {
        List<AccessRequirement> out = new ArrayList<>();
        List<Resource> resources = new ArrayList<>(api.resources());
        resources.sort(java.util.Comparator.comparing(Resource::path));
        for (Resource resource : resources) {
            for (Method method : new java.util.TreeMap<>(resource.resourceMethods()).values()) {
                out.addAll(of(api, resource, method, trust));
            }
        }
        return out;
    }

    /** The requirements of one method that cannot pass (none for a method open to everyone). */
    public static List<AccessRequirement> of(ApiDefinition api, Resource resource, Method method, AccessTrust trust) {
        List<AccessRequirement> out = new ArrayList<>(2);
        String verb = method.httpMethod();
        String path = resource.path();
        AuthorizationType type = method.authorizationType();
        switch (type) {
            case NONE -> { }
            case AWS_IAM -> {
                String problem = iamProblem(trust);
                if (problem != null) {
                    out.add(new AccessRequirement(verb, path, "IAM (SigV4) authorization", problem,
                            "403 {\"message\":\"Missing Authentication Token\"} (unsigned) or 403 (signed)"));
                }
            }
            case COGNITO_USER_POOLS -> {
                Authorizer cognito = AuthorizerSlot.cognito(api, method);
                String problem = cognito == null ? CANNOT_CHECK : poolProblem(cognito, trust);
                if (problem != null) {
                    out.add(new AccessRequirement(verb, path, authorizerName(api, method, type), problem,
                            "401 {\"message\":\"Unauthorized\"} (no token) or 500 (token given)"));
                }
            }
            case CUSTOM -> {
                if (LambdaAuthorizerFilter.runnable(api, method) == null) {
                    out.add(new AccessRequirement(verb, path, authorizerName(api, method, type), CANNOT_CHECK,
                            "401 {\"message\":\"Unauthorized\"} (no identity) or 500 (identity given)"));
                }
            }
        }
        return out;
    }

    /**
     * What the engine cannot do with the API's resource policy, one sentence each: a policy that is not a policy
     * document (every call is refused with 500), or statements it cannot evaluate (they fail closed).
     */
    public static List<String> policyWarnings(ApiDefinition api) {
        String text = api.restApi().policy();
        if (text == null || text.isBlank()) return List.of();
        try {
            return ResourcePolicy.parse(text, api.id()).unsupported().stream()
                    .map(s -> "The resource policy's " + s + " cannot be evaluated by the local engine: it fails closed "
                            + "(an Allow never admits, a Deny always refuses)").toList();
        } catch (IllegalArgumentException e) {
            return List.of("The resource policy cannot be read (" + e.getMessage() + "): calls to a deployed stage are "
                    + "refused with 500");
        }
    }

    private static String iamProblem(AccessTrust trust) {
        try {
            return trust.iamKeys().isEmpty() ? "but the workspace has no access keys (.gatehouse/" + AccessTrust.CREDENTIALS
                    + ", AWS credentials-file format)" : null;
        } catch (RuntimeException e) {
            return "but the workspace's access keys cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String poolProblem(Authorizer cognito, AccessTrust trust) {
        UserPools pools;
        try {
            pools = trust.userPools();
        } catch (RuntimeException e) {
            return "but the workspace's " + UserPools.FILE + " cannot be read (" + e.getMessage() + ")";
        }
        List<String> missing = cognito.providerARNs().stream().filter(arn -> pools.pool(arn).isEmpty()).toList();
        return missing.isEmpty() ? null : "but the workspace's " + UserPools.FILE + " configures no issuer and keys for "
                + String.join(", ", missing);
    }

    static String authorizerName(ApiDefinition api, Method method, AuthorizationType type) {
        String kind = type == AuthorizationType.COGNITO_USER_POOLS ? "the Cognito authorizer" : "the Lambda authorizer";
        String id = method.authorizerId();
        if (id == null) return kind + " (none set)";
        return api.authorizers().stream().filter(a -> id.equals(a.id())).findFirst()
                .map(a -> kind + " '" + a.name() + "'").orElse(kind + " " + id + " (unknown)");
    }
}
