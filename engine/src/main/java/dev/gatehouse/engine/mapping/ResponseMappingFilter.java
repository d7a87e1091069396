package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.integration.ResponseSelector;
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
 */
public final class ResponseMappingFilter implements Filter {

    /** One compiled integration response. */
    public record CompiledResponse(int statusCode, ParameterMapper headers, Map<String, CompiledTemplate> templates) {
        public CompiledResponse {
            templates = Map.copyOf(templates);
        }
    }

    private final ResponseSelector<CompiledResponse> selector;

    public ResponseMappingFilter(ResponseSelector<CompiledResponse> selector) {
        this.selector = selector;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        GatewayResponse backend = chain.proceed(request);
        RequestContext ctx = chain.context();
        CompiledResponse chosen = selector.select(Integer.toString(backend.status()));
        if (chosen == null) {
            throw GatewayException.configurationError("No match for output mapping and no default output mapping "
                    + "configured. Endpoint Response Status Code: " + backend.status());
        }
        MappingRequest methodRequest = MappingRequests.of(request, ctx);
        String backendBody = new String(backend.body(), StandardCharsets.UTF_8);
        IntegrationResponseData data = new IntegrationResponseData(backend.headers().toMultiMap(), backendBody);
        try {
            Headers.Builder headers = Headers.builder();
            for (Map.Entry<String, List<String>> e : chosen.headers().mapResponse(methodRequest, data).entrySet()) {
                for (String v : e.getValue()) headers.add(e.getKey(), v);
            }
            byte[] body = backend.body();
            int status = chosen.statusCode();
            Optional<Map.Entry<String, CompiledTemplate>> template =
                    TemplateSelector.forResponse(chosen.templates(), request.headers().last("Accept"));
            String contentType = backend.headers().last("Content-Type");
            if (template.isPresent()) {
                RenderResult result = template.get().getValue().render(methodRequest.withBody(backendBody));
                body = result.output().getBytes(StandardCharsets.UTF_8);
                contentType = template.get().getKey();
                if (result.overrides().status() != null) status = result.overrides().status();
                result.overrides().responseHeaders().forEach(headers::set);
            }
            if (!headers.contains("Content-Type")) {
                headers.set("Content-Type", contentType != null ? contentType : "application/json");
            }
            return new GatewayResponse(status, headers.build(), body);
        } catch (MappingException e) {
            throw MappingFailures.toGateway(e);
        }
    }

    @Override public String toString() {
        return "ResponseMappingFilter{" + selector + "}";
    }
}
