package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.integration.LambdaTarget;
import dev.gatehouse.engine.invoke.AuthorizerTestRequest;
import dev.gatehouse.engine.invoke.AuthorizerTestResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS TestInvokeAuthorizer: runs one authorizer of the draft against a simulated caller, through the same filters a
 * deployed method uses ({@link LambdaAuthorizerFilter}, {@link CognitoAuthorizerFilter}) with no result cache, and
 * writes API Gateway's authorizer execution log, as recorded from the real service:
 * <pre>
 * Execution log for request test-request
 * … : Starting authorizer: {authorizerId} for request: test-request
 * … : Incoming identity: {token, masked but the last 6 characters}
 * … : Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{arn}/invocations
 * … : Endpoint request headers: {x-amzn-lambda-integration-tag=test-request, …}
 * … : Endpoint request body after transformations: {"type":"TOKEN",…}
 * … : Sending request to https://lambda…/invocations
 * … : Authorizer result body before parsing: {…}
 * … : Using valid authorizer policy for principal: ******…{last 6}
 * … : Successfully completed authorizer execution
 * </pre>
 * The method ARN is {@code arn:aws:execute-api:us-east-1:123456789012:{api}/ESTestInvoke-stage/GET/} (the test names
 * no method). A policy is returned, not evaluated: an authorizer that answers a valid Deny policy completes with
 * client status 200, as the console shows it. A refusal gives the status a caller would get (401, 500) and the
 * refusal's log line. Blocking (runs the function); call it off the FX thread. Thread-safe.
 */
public final class AuthorizerTester {

    /** The stage of the method ARN a test authorizer call sends. */
    public static final String STAGE = "ESTestInvoke-stage";
    /** The request id of every test authorizer call (AWS logs it so). */
    public static final String REQUEST_ID = "test-request";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final AccessTrust trust;
    private final AuthorizerFunctions functions;
    private final Clock clock;

    public AuthorizerTester(AccessTrust trust, AuthorizerFunctions functions, Clock clock) {
        this.trust = trust;
        this.functions = functions;
        this.clock = clock;
    }

    /** What the function was sent and answered, recorded for the log. */
    private static final class Recording implements AuthorizerFunctions {
        private final AuthorizerFunctions delegate;
        String uri;
        Map<String, String> stageVariables;
        byte[] event;
        Outcome outcome;

        Recording(AuthorizerFunctions delegate) {
            this.delegate = delegate;
        }

        @Override public Outcome invoke(String authorizerUri, Map<String, String> vars, byte[] ev, Duration timeout) {
            uri = authorizerUri;
            stageVariables = vars;
            event = ev;
            outcome = delegate.invoke(authorizerUri, vars, ev, timeout);
            return outcome;
        }
    }

    /** Runs {@code authorizer} of {@code api} on {@code request}; never throws for an authorizer's refusal. */
    public AuthorizerTestResult test(ApiDefinition api, Authorizer authorizer, AuthorizerTestRequest request) {
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        lines.add("Starting authorizer: " + authorizer.id() + " for request: " + REQUEST_ID);
        GatewayRequest gatewayRequest = request(request);
        RequestContext ctx = context(api, gatewayRequest, request);
        Authorizer uncached = new Authorizer(authorizer.id(), authorizer.name(), authorizer.type(), authorizer.providerARNs(),
                authorizer.authType(), authorizer.authorizerUri(), authorizer.authorizerCredentials(), authorizer.identitySource(),
                authorizer.identityValidationExpression(), 0);
        lines.add("Incoming identity: " + identity(authorizer, gatewayRequest, request.stageVariables()));
        Recording recording = new Recording(functions);
        Filter filter = authorizer.type() == AuthorizerType.COGNITO_USER_POOLS
                ? new CognitoAuthorizerFilter(trust, uncached, List.of())
                : new LambdaAuthorizerFilter(AccessState.inProcess(), recording, api.id(), uncached);
        int status = 200;
        String failure = null;
        try {
            filter.filter(gatewayRequest, new Filter.Chain() {
                @Override public GatewayResponse proceed(GatewayRequest r) {
                    return GatewayResponse.of(200, Headers.builder().build(), "");
                }

                @Override public RequestContext context() {
                    return ctx;
                }
            });
        } catch (GatewayException e) {
            // a valid policy that does not allow the test ARN is still a completed authorizer run (no method to judge)
            boolean policyAnswered = e.type() == GatewayResponseType.ACCESS_DENIED && recording.outcome != null;
            if (!policyAnswered) {
                status = e.status();
                failure = e.logLine() != null ? e.logLine() : e.errorMessage();
            }
        }
        JsonNode answer = null;
        if (recording.event != null) {
            String uri = endpointUri(recording.uri, recording.stageVariables);
            lines.add("Endpoint request URI: " + uri);
            lines.add("Endpoint request headers: {x-amzn-lambda-integration-tag=" + REQUEST_ID
                    + ", X-Amz-Source-Arn=arn:aws:execute-api:us-east-1:123456789012:" + api.id() + "/authorizers/"
                    + authorizer.id() + ", Accept=application/json, User-Agent=AmazonAPIGateway_" + api.id()
                    + ", x-amzn-apigateway-api-id=" + api.id() + "}");
            lines.add("Endpoint request body after transformations: " + truncate(new String(recording.event, StandardCharsets.UTF_8)));
            lines.add("Sending request to " + uri);
            if (recording.outcome != null) {
                String body = recording.outcome.payload() != null
                        ? new String(recording.outcome.payload(), StandardCharsets.UTF_8)
                        : errorBody(recording.outcome);
                lines.add("Authorizer result body before parsing: " + truncate(body));
                try {
                    answer = Json.mapper().readTree(body);
                } catch (java.io.IOException ignored) {
                    answer = null; // the filter has already refused it; the log says why
                }
            }
        }
        String principalId = null;
        String policy = null;
        Map<String, List<String>> authorization = null;
        Map<String, String> claims = null;
        if (failure != null) {
            lines.add(failure);
        } else if (authorizer.type() == AuthorizerType.COGNITO_USER_POOLS) {
            claims = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : ctx.getOrDefault(ContextKeys.AUTHORIZER, Map.<String, String>of()).entrySet()) {
                if (e.getKey().startsWith("claims.")) claims.put(e.getKey().substring("claims.".length()), e.getValue());
            }
            lines.add("Successfully completed authorizer execution");
        } else {
            principalId = answer == null ? "" : answer.path("principalId").asText("");
            policy = answer == null || answer.get("policyDocument") == null ? null : answer.get("policyDocument").toString();
            authorization = new LinkedHashMap<>();
            JsonNode context = answer == null ? null : answer.get("context");
            if (context != null && context.isObject()) {
                for (Map.Entry<String, JsonNode> e : context.properties()) {
                    if (!e.getValue().isNull()) authorization.put(e.getKey(), List.of(e.getValue().asText()));
                }
            }
            lines.add("Using valid authorizer policy for principal: " + mask(principalId));
            lines.add("Successfully completed authorizer execution");
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        return new AuthorizerTestResult(status, render(lines), latency, principalId, policy, authorization, claims);
    }

    private static GatewayRequest request(AuthorizerTestRequest request) {
        Headers.Builder headers = Headers.builder();
        request.headers().forEach(headers::add);
        request.multiValueHeaders().forEach((k, vs) -> vs.forEach(v -> headers.add(k, v)));
        String path = request.pathWithQueryString() == null || request.pathWithQueryString().isBlank()
                ? "/" : request.pathWithQueryString();
        if (!path.startsWith("/")) path = "/" + path;
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        return GatewayRequest.of("GET", path, headers.build(), body);
    }

    private static RequestContext context(ApiDefinition api, GatewayRequest request, AuthorizerTestRequest test) {
        RequestContext ctx = RequestContext.create(REQUEST_ID, REQUEST_ID, Instant.now(), GatewayEventListener.NONE);
        ctx.put(ContextKeys.API_ID, api.id());
        ctx.put(ContextKeys.STAGE, STAGE);
        ctx.put(ContextKeys.SOURCE_IP, "test-invoke-source-ip");
        ctx.put(ContextKeys.STAGE_VARIABLES, test.stageVariables());
        ctx.put(ContextKeys.PATH, request.rawPath());
        ctx.put(ContextKeys.RESOURCE_PATH, "/");
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, "/");
        ctx.put(ContextKeys.HTTP_METHOD, "GET");
        ctx.put(ContextKeys.PATH_PARAMETERS, Map.of());
        return ctx;
    }

    /**
     * The identity source values as the log's "Incoming identity" shows them: masked but the last 6 characters, as
     * the real service writes them today — a TOKEN (or Cognito) authorizer's token alone
     * ({@code Incoming identity: ****…j5G-Ng}, a console test recorded in June 2023), a REQUEST authorizer's sources
     * as a map ({@code Incoming identity: {method.request.header.Hash=********aaaaaa}}, recorded September 2019).
     * (Console tests recorded in 2017 showed the token in clear; the service has masked it since.)
     */
    private static String identity(Authorizer authorizer, GatewayRequest request, Map<String, String> stageVariables) {
        String sources = authorizer.identitySource();
        if (sources == null || sources.isBlank()) {
            sources = authorizer.type() == AuthorizerType.REQUEST ? "" : "method.request.header.Authorization";
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : sources.split(",")) {
            String s = raw.trim();
            String lower = s.toLowerCase(Locale.ROOT);
            String value = null;
            if (lower.startsWith("method.request.header.")) {
                value = request.headers().last(s.substring("method.request.header.".length()));
            } else if (lower.startsWith("method.request.querystring.")) {
                value = request.query().last(s.substring("method.request.querystring.".length()));
            } else if (lower.startsWith("stagevariables.")) {
                value = stageVariables.get(s.substring("stageVariables.".length()));
            } else {
                continue;
            }
            values.put(s, value == null ? "null" : mask(value));
        }
        if (authorizer.type() != AuthorizerType.REQUEST) return values.isEmpty() ? "null" : values.values().iterator().next();
        StringBuilder out = new StringBuilder("{");
        values.forEach((source, value) -> out.append(out.length() > 1 ? ", " : "").append(source).append('=').append(value));
        return out.append('}').toString();
    }

    private static String endpointUri(String authorizerUri, Map<String, String> stageVariables) {
        if (authorizerUri == null || !LambdaTarget.isLambda(authorizerUri)) return String.valueOf(authorizerUri);
        try {
            return LambdaTarget.of(authorizerUri).invokeUrl(stageVariables == null ? Map.of() : stageVariables);
        } catch (RuntimeException e) {
            return authorizerUri;
        }
    }

    private static String errorBody(AuthorizerFunctions.Outcome outcome) {
        var node = Json.mapper().createObjectNode();
        node.put("errorType", outcome.functionError());
        node.put("errorMessage", outcome.errorMessage());
        return node.toString();
    }

    /** AWS masks the principal and the incoming identity in this log but their last 6 characters. */
    static String mask(String principal) {
        if (principal.length() <= 6) return principal;
        return "*".repeat(principal.length() - 6) + principal.substring(principal.length() - 6);
    }

    private static String truncate(String s) {
        return s.length() <= 998 ? s : s.substring(0, 998) + " [TRUNCATED]";
    }

    private String render(List<String> lines) {
        String time = TIME.format(clock.instant());
        StringBuilder out = new StringBuilder("Execution log for request ").append(REQUEST_ID).append('\n');
        for (String line : lines) out.append(time).append(" : ").append(line).append('\n');
        return out.toString();
    }
}
