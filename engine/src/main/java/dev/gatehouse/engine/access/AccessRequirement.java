package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * A check a method requires that the local engine cannot run yet (an API key, an authorizer, IAM), so the method
 * refuses every call to a deployed stage. Deploy, the CLI and the console show these as warnings.
 *
 * @param httpMethod   e.g. {@code GET}
 * @param resourcePath e.g. {@code /pets}
 * @param check        what is required, in the product's words ("an API key", "the authorizer 'jwt'")
 * @param refusal      what callers get, e.g. {@code 403 {"message":"Forbidden"}}
 */
public record AccessRequirement(String httpMethod, String resourcePath, String check, String refusal) {

    /** One sentence for a warning list: "GET /pets requires an API key: calls are refused with 403 …". */
    public String message() {
        return httpMethod + " " + resourcePath + " requires " + check + ", which the local engine cannot check yet: "
                + "calls to a deployed stage are refused with " + refusal + " (test invoke skips the check, as AWS's does)";
    }

    /** Every unenforceable requirement of the API's methods, in resource-path then method order. */
    public static List<AccessRequirement> of(ApiDefinition api) {
        List<AccessRequirement> out = new ArrayList<>();
        List<Resource> resources = new ArrayList<>(api.resources());
        resources.sort(java.util.Comparator.comparing(Resource::path));
        for (Resource resource : resources) {
            for (Method method : new java.util.TreeMap<>(resource.resourceMethods()).values()) {
                out.addAll(of(api, resource, method));
            }
        }
        return out;
    }

    /** The unenforceable requirements of one method (none for a method open to everyone). */
    public static List<AccessRequirement> of(ApiDefinition api, Resource resource, Method method) {
        List<AccessRequirement> out = new ArrayList<>(2);
        String verb = method.httpMethod();
        String path = resource.path();
        AuthorizationType type = method.authorizationType();
        switch (type) {
            case NONE -> { }
            case AWS_IAM -> out.add(new AccessRequirement(verb, path, "IAM (SigV4) authorization",
                    "403 {\"message\":\"Missing Authentication Token\"} (unsigned) or 500 (signed)"));
            case CUSTOM, COGNITO_USER_POOLS -> {
                if (LambdaAuthorizerFilter.runnable(api, method) == null) {
                    out.add(new AccessRequirement(verb, path, authorizerName(api, method, type),
                            "401 {\"message\":\"Unauthorized\"} (no identity) or 500 (identity given)"));
                }
            }
        }
        return out;
    }

    static String authorizerName(ApiDefinition api, Method method, AuthorizationType type) {
        String kind = type == AuthorizationType.COGNITO_USER_POOLS ? "the Cognito authorizer" : "the Lambda authorizer";
        String id = method.authorizerId();
        if (id == null) return kind + " (none set)";
        return api.authorizers().stream().filter(a -> id.equals(a.id())).findFirst()
                .map(a -> kind + " '" + a.name() + "'").orElse(kind + " " + id + " (unknown)");
    }
}
