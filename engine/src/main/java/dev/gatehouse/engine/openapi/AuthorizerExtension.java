package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code x-amazon-apigateway-authorizer} (inside a security scheme) ↔ {@link Authorizer}. The authorizer takes the
 * scheme's name; {@code authType} comes from the scheme's {@code x-amazon-apigateway-authtype}; a TOKEN or Cognito
 * authorizer without {@code identitySource} reads the header the scheme names, as AWS does.
 */
final class AuthorizerExtension {
    static final String KEY = "x-amazon-apigateway-authorizer";
    static final String AUTHTYPE = "x-amazon-apigateway-authtype";
    private static final Set<String> KNOWN = Set.of("type", "authorizerUri", "authorizerCredentials", "identitySource",
            "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs");

    private AuthorizerExtension() {}

    static Authorizer read(ImportContext ctx, String name, JsonNode scheme, String schemePointer) {
        String pointer = Pointers.child(schemePointer, KEY);
        JsonNode node = scheme.get(KEY);
        Shapes s = ctx.shapes;
        if (!s.isObject(node, pointer, KEY)) return null;
        s.unknownKeys(node, pointer, KNOWN, KEY);
        if (!node.hasNonNull("type")) {
            ctx.findings.error(Pointers.child(pointer, "type"), "authorizer type is missing (token, request or cognito_user_pools)");
        }
        AuthorizerType type = s.enumValue(node, "type", pointer, AuthorizerType.class);
        String uri = s.string(node, "authorizerUri", pointer);
        List<String> providers = s.stringList(node, "providerARNs", pointer);
        if (type == AuthorizerType.COGNITO_USER_POOLS && (providers == null || providers.isEmpty())) {
            ctx.findings.error(Pointers.child(pointer, "providerARNs"), "a cognito_user_pools authorizer needs providerARNs");
        } else if (type != null && type != AuthorizerType.COGNITO_USER_POOLS && uri == null) {
            ctx.findings.error(Pointers.child(pointer, "authorizerUri"), "a " + type.name().toLowerCase(Locale.ROOT)
                    + " authorizer needs authorizerUri");
        }
        String identitySource = s.string(node, "identitySource", pointer);
        if (identitySource == null && type != AuthorizerType.REQUEST && "header".equals(scheme.path("in").asText())
                && scheme.hasNonNull("name")) {
            identitySource = "method.request.header." + scheme.get("name").asText();
        }
        Integer ttl = s.integer(node, "authorizerResultTtlInSeconds", pointer, 0, 3600);
        String authType = s.string(scheme, AUTHTYPE, schemePointer);
        if (type == null) return null;
        return new Authorizer(ctx.ids.authorizer(name), name, type, providers, authType, uri,
                s.string(node, "authorizerCredentials", pointer), identitySource,
                s.string(node, "identityValidationExpression", pointer), ttl);
    }

    /** The security scheme object for an authorizer, with the extension when {@code withExtension}. */
    static ObjectNode writeScheme(Authorizer a, boolean withExtension) {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        String header = a.identitySource() != null && a.identitySource().startsWith("method.request.header.")
                && !a.identitySource().contains(",")
                ? a.identitySource().substring("method.request.header.".length()) : "Unused";
        scheme.put("name", header);
        scheme.put("in", "header");
        if (a.authType() != null) scheme.put(AUTHTYPE, a.authType());
        if (!withExtension) return scheme;
        ObjectNode ext = scheme.putObject(KEY);
        ext.put("type", a.type().name().toLowerCase(Locale.ROOT));
        if (a.authorizerUri() != null) ext.put("authorizerUri", a.authorizerUri());
        if (a.authorizerCredentials() != null) ext.put("authorizerCredentials", a.authorizerCredentials());
        if (a.identitySource() != null) ext.put("identitySource", a.identitySource());
        if (a.identityValidationExpression() != null) ext.put("identityValidationExpression", a.identityValidationExpression());
        if (a.authorizerResultTtlInSeconds() != null) ext.put("authorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds());
        if (a.providerARNs() != null && !a.providerARNs().isEmpty()) {
            var list = ext.putArray("providerARNs");
            a.providerARNs().forEach(list::add);
        }
        return scheme;
    }
}
