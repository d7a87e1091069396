package dev.gatehouse.engine.integration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda proxy integration's event, payload format 1.0 (aws-reference §5.1): {@code resource, path,
 * httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters, pathParameters,
 * stageVariables, requestContext, body, isBase64Encoded}. Absent things are {@code null}, never {@code {}}; the
 * single-value maps keep the last value, the multi-value maps every value; header names keep the client's casing;
 * a body whose Content-Type is one of the API's binary media types is sent Base64-encoded. Stateless.
 */
public final class LambdaProxyEvent {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** {@code 20/Feb/2018:22:48:57 +0000}. */
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final String TEST_INVOKE_STAGE = "test-invoke-stage";

    private LambdaProxyEvent() { }

    public static byte[] of(GatewayRequest request, RequestContext ctx, BinaryMediaTypes binary) {
        ObjectNode e = withoutBody(request, ctx);
        Headers headers = request.headers();
        boolean base64 = request.body().length > 0 && binary.isBinary(headers.last("Content-Type"));
        if (request.body().length == 0) e.putNull("body");
        else e.put("body", base64 ? Base64.getEncoder().encodeToString(request.body())
                : new String(request.body(), StandardCharsets.UTF_8));
        e.put("isBase64Encoded", base64);
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A REQUEST authorizer's event: the proxy event's request fields without the body, after {@code type} and
     * {@code methodArn} (aws-reference §1.12; DG api-gateway-lambda-authorizer-input).
     */
    public static byte[] requestAuthorizerEvent(GatewayRequest request, RequestContext ctx, String methodArn) {
        ObjectNode e = F.objectNode();
        e.put("type", "REQUEST");
        e.put("methodArn", methodArn);
        e.setAll(withoutBody(request, ctx));
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode withoutBody(GatewayRequest request, RequestContext ctx) {
        ObjectNode e = F.objectNode();
        e.put("resource", ctx.get(ContextKeys.RESOURCE_PATH));
        e.put("path", ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, request.rawPath()));
        e.put("httpMethod", request.method());
        Headers headers = request.headers();
        if (headers.isEmpty()) {
            e.putNull("headers");
            e.putNull("multiValueHeaders");
        } else {
            ObjectNode single = e.putObject("headers");
            ObjectNode multi = e.putObject("multiValueHeaders");
            for (String name : headers.names()) {
                List<String> values = headers.all(name);
                single.put(name, values.getLast());
                ArrayNode a = multi.putArray(name);
                values.forEach(a::add);
            }
        }
        Map<String, List<String>> query = request.query().asMap();
        if (query.isEmpty()) {
            e.putNull("queryStringParameters");
            e.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = e.putObject("queryStringParameters");
            ObjectNode multi = e.putObject("multiValueQueryStringParameters");
            query.forEach((k, vs) -> {
                single.put(k, vs.getLast());
                ArrayNode a = multi.putArray(k);
                vs.forEach(a::add);
            });
        }
        putMapOrNull(e, "pathParameters", ctx.get(ContextKeys.PATH_PARAMETERS));
        putMapOrNull(e, "stageVariables", ctx.get(ContextKeys.STAGE_VARIABLES));
        e.set("requestContext", requestContext(request, ctx));
        return e;
    }

    private static ObjectNode requestContext(GatewayRequest request, RequestContext ctx) {
        Instant time = ctx.getOrDefault(ContextKeys.REQUEST_TIME, Instant.now());
        String stage = ctx.get(ContextKeys.STAGE);
        boolean testInvoke = TEST_INVOKE_STAGE.equals(stage);
        ObjectNode rc = F.objectNode();
        rc.put("resourceId", ctx.get(ContextKeys.RESOURCE_ID));
        rc.put("resourcePath", ctx.get(ContextKeys.RESOURCE_PATH));
        rc.put("httpMethod", request.method());
        rc.put("extendedRequestId", ctx.get(ContextKeys.EXTENDED_REQUEST_ID));
        rc.put("requestTime", REQUEST_TIME.format(time));
        rc.put("path", ctx.getOrDefault(ContextKeys.PATH, request.rawPath()));
        rc.put("accountId", "123456789012");
        rc.put("protocol", ctx.getOrDefault(ContextKeys.PROTOCOL, "HTTP/1.1"));
        rc.put("stage", stage);
        rc.put("domainPrefix", testInvoke ? "testPrefix" : ctx.get(ContextKeys.DOMAIN_PREFIX));
        rc.put("requestTimeEpoch", time.toEpochMilli());
        rc.put("requestId", ctx.requestId());
        ObjectNode id = rc.putObject("identity");
        for (String k : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) id.putNull(k);
        if (testInvoke) {
            id.put("apiKey", "test-invoke-api-key");
            id.put("apiKeyId", "test-invoke-api-key-id");
        }
        id.put("sourceIp", ctx.get(ContextKeys.SOURCE_IP));
        for (String k : List.of("principalOrgId", "accessKey", "cognitoAuthenticationType",
                "cognitoAuthenticationProvider", "userArn")) {
            id.putNull(k);
        }
        String iamAccessKey = ctx.get(ContextKeys.IAM_ACCESS_KEY);
        if (iamAccessKey != null) { // an AWS_IAM caller: AWS fills these from the signing principal
            id.put("accessKey", iamAccessKey);
            id.put("accountId", "123456789012");
            id.put("caller", iamAccessKey);
            id.put("user", iamAccessKey);
        }
        String apiKeyId = ctx.get(ContextKeys.API_KEY_ID);
        if (!testInvoke && apiKeyId != null) {
            id.put("apiKey", request.headers().last("x-api-key"));
            id.put("apiKeyId", apiKeyId);
        }
        java.util.Map<String, String> authorizer = ctx.get(ContextKeys.AUTHORIZER);
        if (authorizer != null) {
            ObjectNode a = rc.putObject("authorizer");
            // a Cognito authorizer's claims are one object, requestContext.authorizer.claims, as on AWS
            authorizer.forEach((k, v) -> {
                if (k.startsWith("claims.")) {
                    ObjectNode claims = a.get("claims") instanceof ObjectNode c ? c : a.putObject("claims");
                    claims.put(k.substring("claims.".length()), v);
                } else {
                    a.put(k, v);
                }
            });
        }
        id.put("userAgent", request.headers().last("User-Agent"));
        if (iamAccessKey == null) id.putNull("user");
        rc.put("domainName", testInvoke ? "testPrefix.testDomainName" : ctx.get(ContextKeys.DOMAIN_NAME));
        rc.put("deploymentId", ctx.get(ContextKeys.DEPLOYMENT_ID));
        rc.put("apiId", ctx.get(ContextKeys.API_ID));
        return rc;
    }

    private static void putMapOrNull(ObjectNode e, String field, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            e.putNull(field);
            return;
        }
        ObjectNode o = e.putObject(field);
        map.forEach(o::put);
    }
}
