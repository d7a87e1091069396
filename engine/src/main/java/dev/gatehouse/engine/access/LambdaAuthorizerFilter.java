package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.integration.LambdaProxyEvent;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The authorizer slot of a method with a Lambda TOKEN or REQUEST authorizer run on the workspace's local
 * functions, with AWS's outcomes (aws-reference §1.12):
 * <ul>
 *   <li>identity source missing or empty, or a TOKEN failing {@code identityValidationExpression}: 401
 *       {@code {"message":"Unauthorized"}} without calling the function;</li>
 *   <li>the function fails with exactly "Unauthorized": 401; any other failure, or an answer without
 *       {@code principalId} or a valid {@code policyDocument}, or a context value that is an object or array: 500
 *       AuthorizerConfigurationException;</li>
 *   <li>the policy denies {@code execute-api:Invoke} on the method ARN explicitly: 403
 *       {@code {"Message":"User is not authorized to access this resource with an explicit deny"}}; allows nothing
 *       that matches: 403 {@code {"Message":"User is not authorized to access this resource"}};</li>
 *   <li>allowed: {@code $context.authorizer.principalId} and the context values (stringified) are set, and the
 *       answer's {@code usageIdentifierKey} is the API key when the API's key source is AUTHORIZER.</li>
 * </ul>
 * Answers are cached per identity for {@code authorizerResultTtlInSeconds} (default 300, 0 = none) and the cached
 * policy is evaluated against each method's ARN, as AWS does. Thread-safe.
 */
public final class LambdaAuthorizerFilter implements Filter {

    /** What the function answered, cached per identity. */
    record Answer(AuthorizerPolicy policy, Map<String, String> context, String usageIdentifierKey) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AccessState state;
    private final AuthorizerFunctions functions;
    private final Authorizer authorizer;
    private final String apiId;
    private final List<String> identitySources;
    private final Pattern validation;
    private final int ttlSeconds;

    public LambdaAuthorizerFilter(AccessState state, AuthorizerFunctions functions, String apiId, Authorizer authorizer) {
        this.state = state;
        this.functions = functions;
        this.authorizer = authorizer;
        this.apiId = apiId;
        List<String> sources = new ArrayList<>();
        if (authorizer.identitySource() != null) {
            for (String s : authorizer.identitySource().split(",")) if (!s.isBlank()) sources.add(s.trim());
        }
        if (sources.isEmpty() && authorizer.type() == AuthorizerType.TOKEN) sources.add("method.request.header.Authorization");
        this.identitySources = List.copyOf(sources);
        String expression = authorizer.identityValidationExpression();
        this.validation = authorizer.type() == AuthorizerType.TOKEN && expression != null && !expression.isEmpty()
                ? Pattern.compile(expression) : null;
        this.ttlSeconds = authorizer.authorizerResultTtlInSeconds() == null ? 300
                : Math.max(0, Math.min(3600, authorizer.authorizerResultTtlInSeconds()));
    }

    /**
     * The authorizer slot of {@code method}: this filter for a CUSTOM method whose TOKEN or REQUEST authorizer is a
     * Lambda function; otherwise what {@link FailClosedAccess#authorizerFor} gives (null for an open method, a
     * refusal for Cognito, IAM or an authorizer that cannot run).
     */
    public static Filter forMethod(AccessState state, AuthorizerFunctions functions,
                                   dev.gatehouse.engine.model.ApiDefinition api, dev.gatehouse.engine.model.Resource resource,
                                   dev.gatehouse.engine.model.Method method) {
        Authorizer authorizer = runnable(api, method);
        if (authorizer == null) return FailClosedAccess.authorizerFor(api, resource, method);
        return new LambdaAuthorizerFilter(state, functions, api.id(), authorizer);
    }

    /** The method's authorizer when it is a Lambda TOKEN or REQUEST authorizer the engine can run, else null. */
    static Authorizer runnable(dev.gatehouse.engine.model.ApiDefinition api, dev.gatehouse.engine.model.Method method) {
        if (method.authorizationType() != dev.gatehouse.engine.model.AuthorizationType.CUSTOM || method.authorizerId() == null) {
            return null;
        }
        Authorizer a = api.authorizer(method.authorizerId()).orElse(null);
        if (a == null || a.type() == AuthorizerType.COGNITO_USER_POOLS) return null;
        return dev.gatehouse.engine.integration.LambdaTarget.isLambda(a.authorizerUri()) ? a : null;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        String stage = ctx.get(ContextKeys.STAGE);
        String methodArn = "arn:aws:execute-api:us-east-1:123456789012:" + apiId + "/" + stage + "/" + request.method()
                + ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, request.rawPath());
        List<String> identity = identity(request, ctx);
        boolean token = authorizer.type() == AuthorizerType.TOKEN;
        if (identity == null) throw unauthorized("identity source missing or empty");
        if (token && validation != null && !validation.matcher(identity.getFirst()).matches()) {
            throw unauthorized("the token does not match the identity validation expression");
        }
        Answer answer;
        String cacheKey = ttlSeconds > 0 ? authorizer.id() + "\u0000" + String.join("\u0000", identity) : null;
        answer = cacheKey == null ? null : state.authorizerAnswer(cacheKey);
        if (answer == null) {
            byte[] event = token ? tokenEvent(identity.getFirst(), methodArn)
                    : LambdaProxyEvent.requestAuthorizerEvent(request, ctx, methodArn);
            answer = call(event, ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
            if (cacheKey != null) state.cacheAuthorizerAnswer(cacheKey, answer, Duration.ofSeconds(ttlSeconds));
        }
        switch (answer.policy().decide(methodArn)) {
            case EXPLICIT_DENY -> throw GatewayException.of(GatewayResponseType.ACCESS_DENIED)
                    .withLogLine("Execution failed: the authorizer's policy denies " + methodArn + " explicitly");
            case IMPLICIT_DENY -> throw GatewayException.of(GatewayResponseType.ACCESS_DENIED,
                    "User is not authorized to access this resource")
                    .withLogLine("Execution failed: the authorizer's policy allows nothing matching " + methodArn);
            case ALLOW -> { }
        }
        ctx.put(ContextKeys.AUTHORIZER, answer.context());
        if (answer.usageIdentifierKey() != null) ctx.put(ApiKeyFilter.USAGE_IDENTIFIER_KEY, answer.usageIdentifierKey());
        return chain.proceed(request);
    }

    /** The identity source values, in order; null when one is missing or empty. */
    private List<String> identity(GatewayRequest request, RequestContext ctx) {
        List<String> values = new ArrayList<>(identitySources.size());
        for (String source : identitySources) {
            String value = value(source, request, ctx);
            if (value == null || value.isEmpty()) {
                // AWS: a missing source is a 401 when the answer is cached; without a cache REQUEST authorizers run
                if (authorizer.type() == AuthorizerType.TOKEN || ttlSeconds > 0) return null;
                value = "";
            }
            values.add(value);
        }
        return values;
    }

    private static String value(String source, GatewayRequest request, RequestContext ctx) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("method.request.header.")) {
            return request.headers().last(source.substring("method.request.header.".length()));
        }
        if (lower.startsWith("method.request.querystring.")) {
            return request.query().last(source.substring("method.request.querystring.".length()));
        }
        if (lower.startsWith("stagevariables.")) {
            return ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()).get(source.substring("stageVariables.".length()));
        }
        if (lower.startsWith("context.")) {
            String key = source.substring("context.".length());
            return switch (key) {
                case "stage" -> ctx.get(ContextKeys.STAGE);
                case "httpMethod" -> request.method();
                case "resourcePath" -> ctx.get(ContextKeys.RESOURCE_PATH);
                case "identity.sourceIp" -> ctx.get(ContextKeys.SOURCE_IP);
                default -> null;
            };
        }
        return null;
    }

    private static byte[] tokenEvent(String token, String methodArn) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("type", "TOKEN");
        e.put("authorizationToken", token);
        e.put("methodArn", methodArn);
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Answer call(byte[] event, Map<String, String> stageVariables) {
        AuthorizerFunctions.Outcome outcome;
        try {
            outcome = functions.invoke(authorizer.authorizerUri(), stageVariables, event, TIMEOUT);
        } catch (RuntimeException e) {
            throw misconfigured("the authorizer function could not be called: " + e.getMessage());
        }
        if (outcome.functionError() != null) {
            if ("Unauthorized".equals(outcome.errorMessage())) throw unauthorized("the authorizer answered Unauthorized");
            throw misconfigured("the authorizer function failed: " + outcome.errorMessage());
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(outcome.payload());
        } catch (java.io.IOException e) {
            throw misconfigured("the authorizer's answer is not JSON");
        }
        if (answer == null || !answer.isObject()) throw misconfigured("the authorizer's answer is not a JSON object");
        JsonNode principal = answer.get("principalId");
        if (principal == null || principal.isNull() || principal.isContainerNode()) {
            throw misconfigured("the authorizer's answer has no principalId");
        }
        AuthorizerPolicy policy;
        try {
            policy = AuthorizerPolicy.parse(answer.get("policyDocument"));
        } catch (IllegalArgumentException e) {
            throw misconfigured("invalid policyDocument: " + e.getMessage());
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("principalId", principal.asText());
        JsonNode c = answer.get("context");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) throw misconfigured("the authorizer's context is not an object");
            for (Map.Entry<String, JsonNode> e : c.properties()) {
                if (e.getValue().isContainerNode()) {
                    throw misconfigured("context value '" + e.getKey() + "' is an object or array");
                }
                context.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        context.values().removeIf(java.util.Objects::isNull);
        JsonNode usage = answer.get("usageIdentifierKey");
        return new Answer(policy, Map.copyOf(context), usage == null || usage.isNull() ? null : usage.asText());
    }

    private GatewayException unauthorized(String why) {
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED)
                .withLogLine("Unauthorized request: authorizer " + authorizer.name() + ": " + why);
    }

    private GatewayException misconfigured(String why) {
        return GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR)
                .withLogLine("Execution failed due to configuration error: Authorizer error: " + why);
    }

    @Override public String toString() {
        return "LambdaAuthorizerFilter{" + authorizer.name() + ", " + authorizer.type() + ", ttl=" + ttlSeconds + "s}";
    }
}
