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

    /** Builds (once per request) and caches the method request. */
    public static MappingRequest of(GatewayRequest request, RequestContext ctx) {
        MappingRequest cached = ctx.get(METHOD_REQUEST);
        if (cached != null) return cached;
        MappingRequest.Builder b = MappingRequest.builder()
                .body(new String(request.body(), StandardCharsets.UTF_8))
                .stageVariables(ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()))
                .context(context(request, ctx));
        ctx.getOrDefault(ContextKeys.PATH_PARAMETERS, Map.of()).forEach(b::pathParameter);
        request.query().asMap().forEach((name, values) -> values.forEach(v -> b.queryParameter(name, v)));
        request.headers().forEach(b::header);
        MappingRequest built = b.build();
        ctx.put(METHOD_REQUEST, built);
        return built;
    }

    /** {@code $context} for a request (aws-reference §6). */
    public static ContextValues context(GatewayRequest request, RequestContext ctx) {
        Instant time = ctx.getOrDefault(ContextKeys.REQUEST_TIME, Instant.now());
        ContextValues.Builder c = ContextValues.builder();
        put(c, "requestId", ctx.requestId());
        put(c, "extendedRequestId", ctx.get(ContextKeys.EXTENDED_REQUEST_ID));
        put(c, "apiId", ctx.get(ContextKeys.API_ID));
        put(c, "stage", ctx.get(ContextKeys.STAGE));
        put(c, "deploymentId", ctx.get(ContextKeys.DEPLOYMENT_ID));
        put(c, "resourceId", ctx.get(ContextKeys.RESOURCE_ID));
        put(c, "resourcePath", ctx.get(ContextKeys.RESOURCE_PATH));
        put(c, "httpMethod", ctx.getOrDefault(ContextKeys.HTTP_METHOD, request.method()));
        put(c, "path", ctx.get(ContextKeys.PATH));
        put(c, "protocol", ctx.getOrDefault(ContextKeys.PROTOCOL, "HTTP/1.1"));
        put(c, "domainName", ctx.get(ContextKeys.DOMAIN_NAME));
        put(c, "domainPrefix", ctx.get(ContextKeys.DOMAIN_PREFIX));
        put(c, "requestTime", CLF.format(time));
        c.put("requestTimeEpoch", time.toEpochMilli());
        put(c, "accountId", "123456789012");
        put(c, "identity.sourceIp", ctx.getOrDefault(ContextKeys.SOURCE_IP, "127.0.0.1"));
        put(c, "identity.userAgent", request.headers().first("User-Agent"));
        List<String> keys = request.headers().all("x-api-key");
        if (!keys.isEmpty()) put(c, "identity.apiKey", keys.get(keys.size() - 1));
        return c.build();
    }

    private static void put(ContextValues.Builder c, String key, String value) {
        if (value != null) c.put(key, value);
    }
}
