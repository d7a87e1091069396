package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;

/**
 * Method authorization → security schemes and requirements, as AWS exports them: {@code api_key} (header
 * {@code x-api-key}) for API-key methods, {@code sigv4} ({@code x-amazon-apigateway-authtype: awsSigv4}) for IAM,
 * and one scheme per authorizer, named after it.
 */
final class SecurityWriter {
    static final String API_KEY = "api_key";
    static final String SIGV4 = "sigv4";

    private SecurityWriter() {}

    static ObjectNode schemes(ApiDefinition api, ExportExtensions extensions) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean apiKey = false;
        boolean iam = false;
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                apiKey |= m.apiKeyRequired();
                iam |= m.authorizationType() == AuthorizationType.AWS_IAM;
            }
        }
        if (apiKey) out.putObject(API_KEY).put("type", "apiKey").put("name", "x-api-key").put("in", "header");
        if (iam) {
            out.putObject(SIGV4).put("type", "apiKey").put("name", "Authorization").put("in", "header")
                    .put(AuthorizerExtension.AUTHTYPE, "awsSigv4");
        }
        for (Authorizer a : api.authorizers()) out.set(a.name(), AuthorizerExtension.writeScheme(a, extensions.authorizers()));
        return out;
    }

    /** The operation's {@code security}, or null when the method needs no authorization. */
    static ArrayNode requirement(ApiDefinition api, Method m) {
        ObjectNode requirement = JsonNodeFactory.instance.objectNode();
        switch (m.authorizationType()) {
            case AWS_IAM -> requirement.putArray(SIGV4);
            case CUSTOM, COGNITO_USER_POOLS -> api.authorizer(m.authorizerId()).ifPresent(a -> {
                ArrayNode scopes = requirement.putArray(a.name());
                if (m.authorizationScopes() != null) m.authorizationScopes().forEach(scopes::add);
            });
            case NONE -> { }
        }
        if (m.apiKeyRequired()) requirement.putArray(API_KEY);
        if (requirement.isEmpty()) return null;
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        out.add(requirement);
        return out;
    }
}
