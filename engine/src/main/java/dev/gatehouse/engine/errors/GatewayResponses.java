package dev.gatehouse.engine.errors;

import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An API's gateway-response customisations, compiled once at deploy time, and the renderer of a
 * {@link GatewayException} into the wire response. Resolution (aws-reference §1.9): the customisation of the
 * exact type, else the customised DEFAULT_4XX/DEFAULT_5XX (by the type's default status), else the built-in
 * response. A customisation without a template uses AWS's default {@code {"message":$context.error.messageString}};
 * without a status it keeps the error's status. Immutable and thread-safe.
 */
public final class GatewayResponses {

    /** Where the routing step puts the routed API's customisations; absent means built-ins only. */
    public static final ContextKey<GatewayResponses> KEY = ContextKey.named("gatewayResponses");

    /** AWS's default template for every type. */
    public static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

    private static final GatewayResponses BUILT_IN = new GatewayResponses(Map.of());
    private static final ErrorTemplate DEFAULT_COMPILED = ErrorTemplate.compile(DEFAULT_TEMPLATE);

    private final Map<GatewayResponseType, Compiled> custom;

    private record Compiled(Integer status, List<HeaderParameter> headers, String contentType, ErrorTemplate template) { }

    private GatewayResponses(Map<GatewayResponseType, Compiled> custom) {
        this.custom = custom;
    }

    /** No customisations: every error gets its built-in response. */
    public static GatewayResponses builtIn() {
        return BUILT_IN;
    }

    /**
     * Compiles customisations. Throws IllegalArgumentException for a response parameter that is not
     * {@code gatewayresponse.header.*} or has an unsupported source (a deploy-time error).
     */
    public static GatewayResponses of(Map<GatewayResponseType, CustomGatewayResponse> customisations) {
        if (customisations.isEmpty()) return BUILT_IN;
        Map<GatewayResponseType, Compiled> compiled = new EnumMap<>(GatewayResponseType.class);
        customisations.forEach((type, c) -> compiled.put(type, compile(type, c)));
        return new GatewayResponses(compiled);
    }

    private static Compiled compile(GatewayResponseType type, CustomGatewayResponse c) {
        List<HeaderParameter> headers = new ArrayList<>();
        new TreeMap<>(c.responseParameters()).forEach((k, v) -> headers.add(HeaderParameter.compile(type, k, v)));
        String contentType = "application/json";
        ErrorTemplate template = DEFAULT_COMPILED;
        if (!c.responseTemplates().isEmpty()) {
            contentType = c.responseTemplates().containsKey("application/json") ? "application/json"
                    : new TreeMap<>(c.responseTemplates()).firstKey();
            template = ErrorTemplate.compile(c.responseTemplates().get(contentType));
        }
        return new Compiled(c.statusCode(), List.copyOf(headers), contentType, template);
    }

    /**
     * Renders {@code error} as the client sees it, without the id headers (the error filter adds those).
     * {@code request} and {@code ctx} may be null (before routing or outside a request).
     */
    public GatewayResponse render(GatewayException error, GatewayRequest request, RequestContext ctx) {
        GatewayResponseType type = error.type();
        Compiled c = custom.get(type);
        if (c == null && type.fallback() != null) c = custom.get(type.fallback());
        Headers.Builder headers = Headers.builder();
        if (c == null) {
            headers.set("Content-Type", "application/json");
            headers.set("x-amzn-ErrorType", type.errorType());
            return new GatewayResponse(error.status(),
                    headers.build(), type.builtInBody(error.errorMessage()).getBytes(StandardCharsets.UTF_8));
        }
        headers.set("Content-Type", c.contentType);
        for (HeaderParameter p : c.headers) {
            String v = p.value(error, request, ctx);
            if (v != null) headers.set(p.name(), v);
        }
        headers.set("x-amzn-ErrorType", type.errorType());
        int status = c.status != null ? c.status : error.status();
        return new GatewayResponse(status, headers.build(),
                c.template.render(error, ctx).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether any customisation exists (for diagnostics and the console). */
    public boolean isCustomised(GatewayResponseType type) {
        return custom.containsKey(type);
    }

    @Override public String toString() {
        return "GatewayResponses" + custom.keySet();
    }

    /** One {@code gatewayresponse.header.Name} mapping. */
    private record HeaderParameter(String name, String staticValue, String requestSource, ErrorTemplate template) {

        private static final String PREFIX = "gatewayresponse.header.";

        static HeaderParameter compile(GatewayResponseType type, String target, String source) {
            if (!target.startsWith(PREFIX) || target.length() == PREFIX.length()) {
                throw new IllegalArgumentException(type + ": response parameter " + target
                        + " must be gatewayresponse.header.NAME");
            }
            String name = target.substring(PREFIX.length());
            String s = source.trim();
            if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
                return new HeaderParameter(name, s.substring(1, s.length() - 1), null, null);
            }
            if (s.startsWith("method.request.header.") || s.startsWith("method.request.querystring.")
                    || s.startsWith("method.request.path.")) {
                return new HeaderParameter(name, null, s, null);
            }
            if (s.startsWith("context.") || s.startsWith("stageVariables.")) {
                return new HeaderParameter(name, null, null, ErrorTemplate.compile("${" + s + "}"));
            }
            throw new IllegalArgumentException(type + ": unsupported source " + source + " for " + target);
        }

        String value(GatewayException error, GatewayRequest request, RequestContext ctx) {
            if (staticValue != null) return staticValue;
            if (template != null) return ctx == null ? null : template.render(error, ctx);
            if (requestSource.startsWith("method.request.header.")) {
                return request == null ? null : request.headers().last(requestSource.substring(22));
            }
            if (requestSource.startsWith("method.request.querystring.")) {
                return request == null ? null : request.query().last(requestSource.substring(27));
            }
            Map<String, String> path = ctx == null ? null : ctx.get(ContextKeys.PATH_PARAMETERS);
            return path == null ? null : path.get(requestSource.substring(20));
        }
    }
}
