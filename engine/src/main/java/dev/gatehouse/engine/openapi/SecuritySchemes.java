package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security schemes and requirements → authorizers and method authorization, as AWS maps them: a scheme with
 * {@code x-amazon-apigateway-authorizer} is an authorizer (methods using it get CUSTOM or COGNITO_USER_POOLS and its
 * id); an {@code apiKey} scheme for header {@code x-api-key} makes the method require an API key; a scheme with
 * {@code x-amazon-apigateway-authtype: awsSigv4} is IAM. Operation {@code x-amazon-apigateway-auth} overrides.
 * Other schemes (OAuth 2, HTTP basic...) have no equivalent: the method is imported without them (one WARNING per
 * scheme).
 */
final class SecuritySchemes {
    enum Kind { AUTHORIZER, API_KEY, SIGV4, OTHER }

    record Scheme(String name, Kind kind, Authorizer authorizer) {}

    /** The authorization a method ends up with. */
    record Auth(AuthorizationType type, String authorizerId, List<String> scopes, boolean apiKeyRequired) {
        static final Auth NONE = new Auth(AuthorizationType.NONE, null, null, false);
    }

    private final ImportContext ctx;
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();
    private final Set<String> warnedUnmapped = new HashSet<>();

    SecuritySchemes(ImportContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        String base = ctx.swagger() ? "/securityDefinitions" : "/components/securitySchemes";
        JsonNode all = ctx.root.at(base);
        if (all.isMissingNode() || all.isNull()) return;
        if (!ctx.shapes.isObject(all, base, "security schemes")) return;
        for (String name : Shapes.iterable(all)) {
            String pointer = Pointers.child(base, name);
            RefResolver.Located located = ctx.refs.resolve(all.get(name), pointer);
            if (located == null) continue;
            JsonNode scheme = located.node();
            if (!ctx.shapes.isObject(scheme, pointer, "a security scheme")) continue;
            String authType = scheme.path(AuthorizerExtension.AUTHTYPE).asText("");
            if (scheme.has(AuthorizerExtension.KEY)) {
                Authorizer authorizer = AuthorizerExtension.read(ctx, name, scheme, pointer);
                if (authorizer != null) schemes.put(name, new Scheme(name, Kind.AUTHORIZER, authorizer));
            } else if (authType.equalsIgnoreCase("awsSigv4")) {
                schemes.put(name, new Scheme(name, Kind.SIGV4, null));
            } else if ("apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText())
                    && "x-api-key".equalsIgnoreCase(scheme.path("name").asText())) {
                schemes.put(name, new Scheme(name, Kind.API_KEY, null));
            } else {
                schemes.put(name, new Scheme(name, Kind.OTHER, null));
            }
        }
    }

    List<Authorizer> authorizers() {
        List<Authorizer> out = new ArrayList<>();
        for (Scheme s : schemes.values()) if (s.authorizer() != null) out.add(s.authorizer());
        return out;
    }

    /** The authorization of one operation: its own {@code security}, else the document's. */
    Auth forOperation(JsonNode operation, String operationPointer) {
        JsonNode security = operation.get("security");
        String pointer = Pointers.child(operationPointer, "security");
        if (security == null) {
            security = ctx.root.get("security");
            pointer = "/security";
        }
        Auth auth = security == null || security.isNull() ? Auth.NONE : requirements(security, pointer);
        JsonNode explicit = operation.get("x-amazon-apigateway-auth");
        if (explicit != null) {
            String at = Pointers.child(operationPointer, "x-amazon-apigateway-auth");
            if (ctx.shapes.isObject(explicit, at, "x-amazon-apigateway-auth")) {
                AuthorizationType type = ctx.shapes.enumValue(explicit, "type", at, AuthorizationType.class);
                if (type == AuthorizationType.AWS_IAM || type == AuthorizationType.NONE) {
                    auth = new Auth(type, null, null, auth.apiKeyRequired());
                } else if (type != null) {
                    ctx.findings.error(Pointers.child(at, "type"), "x-amazon-apigateway-auth type must be aws_iam or none");
                }
            }
        }
        return auth;
    }

    private Auth requirements(JsonNode security, String pointer) {
        if (!security.isArray()) {
            ctx.findings.error(pointer, "security must be an array of requirements, not " + Shapes.describe(security));
            return Auth.NONE;
        }
        int chosen = -1;
        for (int i = 0; i < security.size(); i++) {
            JsonNode requirement = security.get(i);
            String at = Pointers.child(pointer, i);
            if (!ctx.shapes.isObject(requirement, at, "a security requirement")) continue;
            boolean mappable = true;
            for (String name : Shapes.iterable(requirement)) {
                Scheme scheme = schemes.get(name);
                if (scheme == null) {
                    ctx.findings.error(Pointers.child(at, name), "security scheme '" + name + "' is not declared in "
                            + (ctx.swagger() ? "securityDefinitions" : "components.securitySchemes"));
                    mappable = false;
                } else if (scheme.kind() == Kind.OTHER) {
                    mappable = false;
                }
            }
            if (chosen < 0 && mappable) chosen = i;
        }
        if (security.isEmpty()) return Auth.NONE;
        if (chosen < 0) chosen = 0;
        if (security.size() > 1) {
            ctx.findings.info(pointer, "API Gateway has one authorization per method; of " + security.size()
                    + " alternative requirements requirement " + chosen + " is used");
        }
        return auth(security.get(chosen), Pointers.child(pointer, chosen));
    }

    private Auth auth(JsonNode requirement, String pointer) {
        if (requirement == null || !requirement.isObject()) return Auth.NONE;
        AuthorizationType type = AuthorizationType.NONE;
        String authorizerId = null;
        List<String> scopes = null;
        boolean apiKey = false;
        for (Map.Entry<String, JsonNode> e : requirement.properties()) {
            Scheme scheme = schemes.get(e.getKey());
            if (scheme == null) continue;
            switch (scheme.kind()) {
                case API_KEY -> apiKey = true;
                case SIGV4 -> type = AuthorizationType.AWS_IAM;
                case AUTHORIZER -> {
                    Authorizer a = scheme.authorizer();
                    type = a.type() == AuthorizerType.COGNITO_USER_POOLS ? AuthorizationType.COGNITO_USER_POOLS
                            : AuthorizationType.CUSTOM;
                    authorizerId = a.id();
                    if (type == AuthorizationType.COGNITO_USER_POOLS && e.getValue().isArray() && !e.getValue().isEmpty()) {
                        scopes = new ArrayList<>();
                        for (JsonNode scope : e.getValue()) scopes.add(scope.asText());
                    }
                }
                case OTHER -> {
                    if (warnedUnmapped.add(scheme.name())) {
                        ctx.findings.warn(Pointers.child(pointer, scheme.name()), "security scheme '" + scheme.name()
                                + "' has no API Gateway equivalent (no x-amazon-apigateway-authorizer); methods using "
                                + "it are imported without it");
                    }
                }
            }
        }
        return new Auth(type, authorizerId, scopes, apiKey);
    }
}
