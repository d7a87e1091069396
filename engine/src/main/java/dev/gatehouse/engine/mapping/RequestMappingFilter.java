package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.payload.PayloadEncoding;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.PassthroughBehavior;
import dev.gatehouse.engine.pipeline.Waiting;
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
 *
 * <p>Binary payloads ({@link PayloadEncoding}): a body whose Content-Type is one of the API's binary media types
 * passes through byte for byte and is never templated (the passthrough behaviour still decides 415); with
 * CONVERT_TO_TEXT it is Base64-encoded first, so {@code $input.body} is the Base64 string. With CONVERT_TO_BINARY a
 * text body (or the template's output) is Base64-decoded; text that is not Base64 fails with 500.
 */
public final class RequestMappingFilter implements Filter {

    private final ParameterMapper parameters;
    private final Map<String, CompiledTemplate> templates;
    private final PassthroughBehavior passthrough;
    private final boolean proxy;
    private final BinaryMediaTypes binaryMediaTypes;
    private final ContentHandling contentHandling;

    /**
     * A filter for an API without binary media types and an integration without {@code contentHandling}.
     *
     * @param templates   content type → compiled template (empty for proxy integrations)
     * @param proxy       true for HTTP_PROXY: parameters only, the body passes through untouched
     */
    public RequestMappingFilter(ParameterMapper parameters, Map<String, CompiledTemplate> templates,
                                PassthroughBehavior passthrough, boolean proxy) {
        this(parameters, templates, passthrough, proxy, BinaryMediaTypes.NONE, null);
    }

    /**
     * @param binaryMediaTypes the API's binary media types
     * @param contentHandling  the integration's {@code contentHandling}; null = pass through (ignored for proxies)
     */
    public RequestMappingFilter(ParameterMapper parameters, Map<String, CompiledTemplate> templates,
                                PassthroughBehavior passthrough, boolean proxy, BinaryMediaTypes binaryMediaTypes,
                                ContentHandling contentHandling) {
        this.parameters = parameters;
        this.templates = Map.copyOf(templates);
        this.passthrough = passthrough;
        this.proxy = proxy;
        this.binaryMediaTypes = binaryMediaTypes;
        this.contentHandling = contentHandling;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        MappingRequest methodRequest = MappingRequests.of(request, ctx);
        try {
            ParameterMapper.MappedRequest mapped = parameters.mapRequest(methodRequest);
            GatewayRequest outgoing = request;
            ContextOverrides overrides = ContextOverrides.NONE;
            if (!proxy) {
                String contentType = request.headers().last("Content-Type");
                PayloadEncoding.Conversion conversion =
                        PayloadEncoding.forRequest(binaryMediaTypes, contentHandling, contentType);
                if (conversion == PayloadEncoding.Conversion.ENCODE) {
                    byte[] base64 = PayloadEncoding.encode(request.body());
                    outgoing = request.withBody(base64);
                    methodRequest = methodRequest.withBody(new String(base64, StandardCharsets.US_ASCII));
                }
                var decision = TemplateSelector.forRequest(templates, passthrough, contentType);
                if (decision instanceof TemplateSelector.RequestDecision.Reject<CompiledTemplate>) {
                    throw GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
                }
                if (conversion.templated()
                        && decision instanceof TemplateSelector.RequestDecision.Render<CompiledTemplate> render) {
                    RenderResult result = render.template().render(methodRequest);
                    overrides = result.overrides();
                    if (!overrides.requestIsEmpty()) {
                        // the response leg reads the method request from the context: give it the overrides
                        MappingRequest original = MappingRequests.of(request, ctx);
                        ctx.put(MappingRequests.METHOD_REQUEST,
                                original.withContext(overrides.withRequestOverrides(original.context())));
                    }
                    outgoing = request.withBody(result.output().getBytes(StandardCharsets.UTF_8));
                    if (!"$default".equals(render.contentType())) {
                        outgoing = outgoing.withHeaders(request.headers().toBuilder()
                                .set("Content-Type", render.contentType()).build());
                    }
                }
                if (conversion == PayloadEncoding.Conversion.DECODE) {
                    outgoing = outgoing.withBody(PayloadEncoding.decode(outgoing.body(), "request body"));
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
        if (mapped.path().isEmpty() && mapped.querystring().isEmpty() && mapped.headers().isEmpty()
                && overrides.requestIsEmpty()) {
            return IntegrationParameters.NONE; // what the copies below would hold: three empty maps
        }
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
                + ", parameters=" + parameters + (proxy ? ", proxy" : "")
                + (contentHandling != null ? ", contentHandling=" + contentHandling : "")
                + (binaryMediaTypes.isEmpty() ? "" : ", binaryMediaTypes=" + binaryMediaTypes) + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}
