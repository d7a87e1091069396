package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adapts the pipeline's request and context to the mapping library's {@link MappingRequest}: the one place that
 * knows both. Called on the request's virtual thread by the mapping filters.
 */
public final class MappingRequests {

    /** The method request as the templates see it, kept for the response leg. */
    public static final ContextKey<MappingRequest> METHOD_REQUEST = ContextKey.named("mapping.methodRequest");

    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MappingRequests() {}

    /**
     * The method request (once per request, cached in the context). Lazy: nothing is decoded, copied or formatted
     * here; each part is built when a validator, mapping or template first reads it (see {@link MappingRequest}).
     */
    public static MappingRequest of(GatewayRequest request, RequestContext ctx) {
        MappingRequest cached = ctx.get(METHOD_REQUEST);
        if (cached != null) return cached;
        Map<String, String> pathParameters = ctx.getOrDefault(ContextKeys.PATH_PARAMETERS, Map.of());
        Map<String, String> stageVariables = ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of());
        byte[] body = request.body();
        MappingRequest built = MappingRequest.lazy(body, () -> new String(body, StandardCharsets.UTF_8),
                () -> pathParameters, () -> request.query().asMap(), () -> visibleHeaders(request),
                () -> stageVariables, context(request, ctx));
        ctx.put(METHOD_REQUEST, built);
        return built;
    }

    /** The client headers a template, mapping or validator can see: all but {@link RequestHeaderRules#DROPPED_AT_PARSE}. */
    static Map<String, List<String>> visibleHeaders(GatewayRequest request) {
        dev.gatehouse.engine.pipeline.Headers headers = request.headers();
        List<String> names = headers.names();
        boolean drops = false;
        for (String name : names) drops |= RequestHeaderRules.droppedAtParse(name);
        if (!drops) return headers.toMultiMap();
        Map<String, List<String>> visible = new java.util.LinkedHashMap<>();
        for (String name : names) if (!RequestHeaderRules.droppedAtParse(name)) visible.put(name, headers.all(name));
        return visible;
    }

    /**
     * {@code $context} for a request (aws-reference §6): the request's facts are read now, the tree is built
     * (and {@code requestTime} formatted) only when a template or mapping reads {@code $context}.
     */
    public static ContextValues context(GatewayRequest request, RequestContext ctx) {
        Instant requestTime = ctx.get(ContextKeys.REQUEST_TIME);
        Facts f = new Facts(ctx.requestId(), ctx.get(ContextKeys.EXTENDED_REQUEST_ID), ctx.get(ContextKeys.API_ID),
                ctx.get(ContextKeys.STAGE), ctx.get(ContextKeys.DEPLOYMENT_ID), ctx.get(ContextKeys.RESOURCE_ID),
                ctx.get(ContextKeys.RESOURCE_PATH), ctx.getOrDefault(ContextKeys.HTTP_METHOD, request.method()),
                ctx.get(ContextKeys.PATH), ctx.getOrDefault(ContextKeys.PROTOCOL, "HTTP/1.1"),
                ctx.get(ContextKeys.DOMAIN_NAME), ctx.get(ContextKeys.DOMAIN_PREFIX),
                requestTime != null ? requestTime : Instant.now(),
                ctx.getOrDefault(ContextKeys.SOURCE_IP, "127.0.0.1"), ctx.get(ContextKeys.API_KEY_ID),
                ctx.getOrDefault(ContextKeys.AUTHORIZER, Map.of()), request, ctx.get(ContextKeys.IAM_ACCESS_KEY));
        return ContextValues.lazy(f::fill);
    }

    /** What {@code $context} is built from, captured when the method request is made. */
    private record Facts(String requestId, String extendedRequestId, String apiId, String stage, String deploymentId,
                         String resourceId, String resourcePath, String httpMethod, String path, String protocol,
                         String domainName, String domainPrefix, Instant time, String sourceIp,
                         String apiKeyId, Map<String, String> authorizer, GatewayRequest request,
                         String iamAccessKey) {
        void fill(ContextValues.Builder c) {
            put(c, "requestId", requestId);
            put(c, "extendedRequestId", extendedRequestId);
            put(c, "apiId", apiId);
            put(c, "stage", stage);
            put(c, "deploymentId", deploymentId);
            put(c, "resourceId", resourceId);
            put(c, "resourcePath", resourcePath);
            put(c, "httpMethod", httpMethod);
            put(c, "path", path);
            put(c, "protocol", protocol);
            put(c, "domainName", domainName);
            put(c, "domainPrefix", domainPrefix);
            put(c, "requestTime", requestTime(time));
            c.put("requestTimeEpoch", time.toEpochMilli());
            put(c, "accountId", "123456789012");
            put(c, "identity.sourceIp", sourceIp);
            put(c, "identity.userAgent", request.headers().first("User-Agent"));
            List<String> keys = request.headers().all("x-api-key");
            if (!keys.isEmpty()) put(c, "identity.apiKey", keys.get(keys.size() - 1));
            put(c, "identity.apiKeyId", apiKeyId);
            if (iamAccessKey != null) { // an AWS_IAM caller (AWS sets these only under IAM authorization)
                put(c, "identity.accessKey", iamAccessKey);
                put(c, "identity.accountId", "123456789012");
                put(c, "identity.caller", iamAccessKey);
                put(c, "identity.user", iamAccessKey);
            }
            authorizer.forEach((k, v) -> put(c, "authorizer." + k, v));
        }
    }

    /** The last formatted second: requests of the same second share the CLF text. */
    private record FormattedSecond(long epochSecond, String text) {}

    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    /** {@code $context.requestTime}: CLF, UTC, second precision (formatted once per second). */
    static String requestTime(Instant time) {
        FormattedSecond last = lastSecond;
        long second = time.getEpochSecond();
        if (last.epochSecond() == second) return last.text();
        String text = CLF.format(time);
        lastSecond = new FormattedSecond(second, text);
        return text;
    }

    private static void put(ContextValues.Builder c, String key, String value) {
        if (value != null) c.put(key, value);
    }
}
