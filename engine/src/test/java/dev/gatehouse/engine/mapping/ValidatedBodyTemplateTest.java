package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A POST whose body request validation parsed (and offered to the templates) renders the same integration request,
 * byte for byte, as the same POST on a method without validation, where {@code $input} parses the body itself:
 * {@code $input.body}, {@code $input.json}, {@code $input.path}, JSON and non-JSON content types, bodies the shared
 * parse declines (scalars, long decimals, DEL) and bodies the template's parser rejects.
 */
class ValidatedBodyTemplateTest {

    private static final String TEMPLATE = "$input.body|$input.json('$')|$input.path('$')|$input.json('$.items')|"
            + "$input.path('$.items[1].name')|$input.json('$.customer')|$input.path('$.total')|"
            + "$input.path('$.customer.id')|$input.params()";

    private static final String ORDER = "{\"orderId\":\"ord-1\",\"customer\":{\"id\":4711,\"name\":\"Ada O'Lovelace\"},"
            + "\"items\":[{\"sku\":\"S-1\",\"qty\":2,\"price\":19.99},{\"sku\":\"S-2\",\"name\":\"Gadget \\\"q\\\" / x\","
            + "\"qty\":1,\"price\":149.5}],\"total\":246.44,\"priority\":true,\"notes\":null}";

    private static String api(boolean validated) {
        String validation = validated ? """
                "x-amazon-apigateway-request-validator": "body",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Any"}}}},
                """ : "";
        return """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
                 "x-amazon-apigateway-request-validators": {"body": {"validateRequestBody": true, "validateRequestParameters": false}},
                 "components": {"schemas": {"Any": {}}},
                 "paths": {"/orders": {"post": {
                   %s
                   "responses": {"200": {"description": "ok"}},
                   "x-amazon-apigateway-integration": {"type": "http", "httpMethod": "POST",
                     "uri": "http://127.0.0.1:9/backend", "passthroughBehavior": "when_no_templates",
                     "requestTemplates": {"application/json": %s, "text/plain": %s},
                     "responses": {"default": {"statusCode": "200"}}}}}}}
                """.formatted(validation, quote(TEMPLATE), quote(TEMPLATE));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** What the integration received (or the gateway's refusal), for one body on one of the two methods. */
    private static String send(boolean validated, String contentType, String body) {
        ApiDefinition api = new OpenApiImporter().importNew(api(validated).getBytes(StandardCharsets.UTF_8),
                "t.json", ImportOptions.defaults()).api();
        Resource resource = api.resourceByPath("/orders").orElseThrow();
        Method method = resource.method("POST");
        List<Filter> filters = new ArrayList<>(new RequestPipeline(new TemplateCompiler(), null)
                .filtersFor(api, resource, method));
        AtomicReference<String> sent = new AtomicReference<>();
        filters.set(filters.size() - 1, (req, chain) -> {
            sent.set(req.headers().last("Content-Type") + " " + new String(req.body(), StandardCharsets.UTF_8));
            return new GatewayResponse(200, Headers.of("Content-Type", "application/json"), new byte[0]);
        });
        RequestContext ctx = RequestContext.create("req-1", "ext-1", Instant.EPOCH, GatewayEventListener.NONE);
        ctx.put(ContextKeys.API_ID, api.id());
        ctx.put(ContextKeys.STAGE, "prod");
        ctx.put(ContextKeys.HTTP_METHOD, "POST");
        ctx.put(ContextKeys.RESOURCE_ID, resource.id());
        ctx.put(ContextKeys.RESOURCE_PATH, resource.path());
        ctx.put(ContextKeys.PATH_PARAMETERS, Map.of());
        ctx.put(ContextKeys.STAGE_VARIABLES, Map.of());
        GatewayRequest request = GatewayRequest.of("POST", "/prod/orders",
                Headers.of("Host", "h", "Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        try {
            FilterChain.run(List.copyOf(filters), request, ctx);
            return sent.get();
        } catch (GatewayException e) {
            return e.status() + " " + e.type() + " " + e.errorMessage();
        }
    }

    @Test
    void theOrderRendersAsByHandWithAndWithoutValidation() {
        String expected = "application/json " + ORDER + "|" + ORDER.replace("/", "\\/") + "|"
                + "{orderId=ord-1, customer={id=4711, name=Ada O'Lovelace}, items=[{\"sku\":\"S-1\",\"qty\":2,"
                + "\"price\":19.99},{\"sku\":\"S-2\",\"name\":\"Gadget \\\"q\\\" \\/ x\",\"qty\":1,\"price\":149.5}], "
                + "total=246.44, priority=true, notes=null}|"
                + "[{\"sku\":\"S-1\",\"qty\":2,\"price\":19.99},{\"sku\":\"S-2\",\"name\":\"Gadget \\\"q\\\" \\/ x\","
                + "\"qty\":1,\"price\":149.5}]|Gadget \"q\" / x|{\"id\":4711,\"name\":\"Ada O'Lovelace\"}|246.44|4711|"
                + "{path={}, querystring={}, header={Content-Type=application/json, Host=h}}";
        assertThat(send(true, "application/json", ORDER)).isEqualTo(expected);
        assertThat(send(false, "application/json", ORDER)).isEqualTo(expected);
    }

    @Test
    void bodiesTheSharedParseDeclinesOrTheTemplateRejectsRenderAsWithoutValidation() {
        List<String> bodies = List.of("[1,2,{\"a\":null}]", "{\"p\":0.1234567890123456789}", "{\"p\":1e400}",
                "{\"a\":\"x\u007fy\"}", "{\"n\":123456789012345678901234567890}", "{\"a\":1,\"a\":[2]}", "  {\"a\":\"é\"}\n",
                "{\"d\":-0.0,\"e\":1E-7,\"f\":2147483648}", "{\"items\":[{}, {\"name\":[1]}]}", "\"text\"", "42", "{}", "[]");
        for (String body : bodies) {
            String withValidation = send(true, "application/json", body);
            assertThat(withValidation).as(body).isEqualTo(send(false, "application/json", body));
        }
    }

    @Test
    void aTextBodyIsNotValidatedAgainstTheJsonModelAndRendersAsWithoutValidation() {
        for (String body : List.of("a=b&c=d", "{not json", "", "[1,2")) {
            assertThat(send(true, "text/plain", body)).as(body).isEqualTo(send(false, "text/plain", body));
        }
        assertThat(send(true, "text/plain", "a=b")).isEqualTo("text/plain a=b|\"a=b\"|a=b|||||"
                + "|{path={}, querystring={}, header={Content-Type=text/plain, Host=h}}");
    }

    @Test
    void invalidJsonIsRefusedByValidationBeforeAnyTemplateRuns() {
        assertThat(send(true, "application/json", "{a")).startsWith("400 BAD_REQUEST_BODY ");
        assertThat(send(false, "application/json", "{a")).startsWith("400 ");
    }
}
