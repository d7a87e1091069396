package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.payload.PayloadEncoding;
import dev.gatehouse.engine.mapping.ResponseSelector;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration response leg of MOCK and HTTP (non-proxy) methods (aws-reference §4): selects the integration
 * response by the backend status, maps its {@code responseParameters} onto method response headers, renders the
 * response template chosen by the client's Accept header (or passes the body through when there is none) and
 * sets the method response status; {@code $context.responseOverride} wins. Only mapped headers reach the client,
 * as on AWS. No match and no default → 500 with AWS's log line.
 *
 * <p>Binary payloads follow the integration response's {@code contentHandling} and the client's Accept
 * ({@link PayloadEncoding#forResponse}): binary that stays binary passes byte for byte with no template; binary
 * that becomes text is Base64-encoded before the template ({@code $input.body}); text that becomes binary is
 * Base64-decoded after it.
 */
public final class ResponseMappingFilter implements Filter {

    /**
     * One compiled integration response.
     *
     * @param contentHandling its {@code contentHandling}; null = convert only as the Accept header asks
     */
    public record CompiledResponse(int statusCode, ParameterMapper headers, Map<String, CompiledTemplate> templates,
                                   ContentHandling contentHandling) {
        public CompiledResponse {
            templates = Map.copyOf(templates);
        }

        /** A response without {@code contentHandling}. */
        public CompiledResponse(int statusCode, ParameterMapper headers, Map<String, CompiledTemplate> templates) {
            this(statusCode, headers, templates, null);
        }
    }

    private final ResponseSelector<CompiledResponse> selector;
    private final BinaryMediaTypes binaryMediaTypes;

    /** A filter for an API without binary media types. */
    public ResponseMappingFilter(ResponseSelector<CompiledResponse> selector) {
        this(selector, BinaryMediaTypes.NONE);
    }

    public ResponseMappingFilter(ResponseSelector<CompiledResponse> selector, BinaryMediaTypes binaryMediaTypes) {
        this.selector = selector;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        GatewayResponse backend = chain.proceed(request);
        RequestContext ctx = chain.context();
        String selectionValue = ctx.get(IntegrationKeys.SELECTION_VALUE);
        CompiledResponse chosen = selector.select(selectionValue != null ? selectionValue
                : Integer.toString(backend.status()));
        if (chosen == null) {
            throw GatewayException.configurationError("No match for output mapping and no default output mapping "
                    + "configured. Endpoint Response Status Code: " + backend.status());
        }
        MappingRequest methodRequest = MappingRequests.of(request, ctx);
        String accept = request.headers().last("Accept");
        String contentType = backend.headers().last("Content-Type");
        PayloadEncoding.Conversion conversion =
                PayloadEncoding.forResponse(binaryMediaTypes, chosen.contentHandling(), contentType, accept);
        byte[] body = conversion == PayloadEncoding.Conversion.ENCODE ? PayloadEncoding.encode(backend.body())
                : backend.body();
        Optional<Map.Entry<String, CompiledTemplate>> template = conversion.templated()
                ? TemplateSelector.forResponse(chosen.templates(), accept) : Optional.empty();
        boolean mapsHeaders = !chosen.headers().mappings().isEmpty();
        // the backend body as text only when a mapping or the template reads it
        String backendBody = !mapsHeaders && template.isEmpty() ? null
                : conversion == PayloadEncoding.Conversion.BINARY ? ""
                : new String(body, conversion == PayloadEncoding.Conversion.ENCODE
                        ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
        try {
            Headers.Builder headers = Headers.builder();
            if (mapsHeaders) {
                IntegrationResponseData data = new IntegrationResponseData(backend.headers().toMultiMap(), backendBody);
                for (Map.Entry<String, List<String>> e : chosen.headers().mapResponse(methodRequest, data).entrySet()) {
                    for (String v : e.getValue()) headers.add(e.getKey(), v);
                }
            }
            int status = chosen.statusCode();
            if (template.isPresent()) {
                RenderResult result = template.get().getValue().render(methodRequest.withBody(backendBody));
                body = result.output().getBytes(StandardCharsets.UTF_8);
                contentType = template.get().getKey();
                if (result.overrides().status() != null) status = result.overrides().status();
                result.overrides().responseHeaders().forEach(headers::set);
            }
            if (conversion == PayloadEncoding.Conversion.DECODE) body = PayloadEncoding.decode(body, "response body");
            String traceId = ctx.get(IntegrationKeys.TRACE_ID);
            if (traceId != null && !headers.contains("X-Amzn-Trace-Id")) headers.set("X-Amzn-Trace-Id", traceId);
            if (!headers.contains("Content-Type")) {
                headers.set("Content-Type", contentType != null ? contentType : "application/json");
            }
            return new GatewayResponse(status, headers.build(), body);
        } catch (MappingException e) {
            throw MappingFailures.toGateway(e);
        }
    }

    @Override public String toString() {
        return "ResponseMappingFilter{" + selector
                + (binaryMediaTypes.isEmpty() ? "" : ", binaryMediaTypes=" + binaryMediaTypes) + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}
