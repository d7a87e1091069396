package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.integration.IntegrationKeys;
import dev.gatehouse.engine.integration.IntegrationParameters;
import dev.gatehouse.engine.model.PassthroughBehavior;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration request leg: evaluates the method's {@code requestParameters} into
 * {@link IntegrationKeys#PARAMETERS} (for the URI, query and headers the integration sends), then — unless this
 * is a proxy integration — picks the request template by Content-Type and passthrough behaviour and replaces the
 * body with its output (415 when the behaviour forbids passing the body through). Templates were compiled at
 * deploy time. {@code $context.requestOverride.*} values a template sets are applied to the parameters.
 */
public final class RequestMappingFilter implements Filter {

    private final ParameterMapper parameters;
    private final Map<String, CompiledTemplate> templates;
    private final PassthroughBehavior passthrough;
    private final boolean proxy;

    /**
     * @param templates   content type → compiled template (empty for proxy integrations)
     * @param proxy       true for HTTP_PROXY: parameters only, the body passes through untouched
     */
    public RequestMappingFilter(ParameterMapper parameters, Map<String, CompiledTemplate> templates,
                                PassthroughBehavior passthrough, boolean proxy) {
        this.parameters = parameters;
        this.templates = Map.copyOf(templates);
        this.passthrough = passthrough;
        this.proxy = proxy;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        MappingRequest methodRequest = MappingRequests.of(request, ctx);
        try {
            ParameterMapper.MappedRequest mapped = parameters.mapRequest(methodRequest);
            GatewayRequest outgoing = request;
            ContextOverrides overrides = ContextOverrides.NONE;
            if (!proxy) {
                var decision = TemplateSelector.forRequest(templates, passthrough, request.headers().last("Content-Type"));
                if (decision instanceof TemplateSelector.RequestDecision.Reject<CompiledTemplate>) {
                    throw GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
                }
                if (decision instanceof TemplateSelector.RequestDecision.Render<CompiledTemplate> render) {
                    RenderResult result = render.template().render(methodRequest);
                    overrides = result.overrides();
                    outgoing = request.withBody(result.output().getBytes(StandardCharsets.UTF_8));
                    if (!"$default".equals(render.contentType())) {
                        outgoing = outgoing.withHeaders(request.headers().toBuilder()
                                .set("Content-Type", render.contentType()).build());
                    }
                }
            }
            ctx.put(IntegrationKeys.PARAMETERS, parameters(mapped, overrides));
            if (!overrides.requestHeaders().isEmpty()) {
                Headers.Builder h = outgoing.headers().toBuilder();
                overrides.requestHeaders().forEach(h::set);
                outgoing = outgoing.withHeaders(h.build());
            }
            return chain.proceed(outgoing);
        } catch (MappingException e) {
            throw MappingFailures.toGateway(e);
        }
    }

    private static IntegrationParameters parameters(ParameterMapper.MappedRequest mapped, ContextOverrides overrides) {
        Map<String, String> path = new LinkedHashMap<>(mapped.path());
        path.putAll(overrides.requestPath());
        Map<String, String> query = last(mapped.querystring());
        query.putAll(overrides.requestQuery());
        Map<String, String> headers = joined(mapped.headers());
        headers.putAll(overrides.requestHeaders());
        return new IntegrationParameters(path, query, headers);
    }

    private static Map<String, String> last(Map<String, List<String>> multi) {
        Map<String, String> out = new LinkedHashMap<>();
        multi.forEach((k, v) -> { if (!v.isEmpty()) out.put(k, v.get(v.size() - 1)); });
        return out;
    }

    private static Map<String, String> joined(Map<String, List<String>> multi) {
        Map<String, String> out = new LinkedHashMap<>();
        multi.forEach((k, v) -> { if (!v.isEmpty()) out.put(k, String.join(",", v)); });
        return out;
    }

    @Override public String toString() {
        return "RequestMappingFilter{templates=" + templates.keySet() + ", passthrough=" + passthrough
                + ", parameters=" + parameters + (proxy ? ", proxy" : "") + "}";
    }
}
