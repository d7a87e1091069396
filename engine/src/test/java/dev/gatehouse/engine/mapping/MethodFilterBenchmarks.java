package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.pipeline.RequestPipeline;
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
import dev.gatehouse.engine.pipeline.RequestIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cost of the method filters of bench/dataplane.sh's {@code POST /orders} (body validation against
 * a 10-property model, a JSON→JSON request template, the response leg), built by {@link RequestPipeline}
 * from the same definition, with the HTTP integration replaced by a stub answering the backend's body: what the
 * template+validation route does on top of the HTTP_PROXY route's exchange (the stage throttle, which both routes
 * have, is left out: at a benchmark's rate it answers 429). Not run by surefire; see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MethodFilterBenchmarks {

    /** The template of bench/dataplane.sh's POST /orders. */
    static final String TEMPLATE = """
            #set($allParams = $input.params())
            {
              "orderId" : "$input.path('$.orderId')",
              "customer" : {"id" : $input.path('$.customer.id'), "name" : "$util.escapeJavaScript($input.path('$.customer.name'))"},
              "items" : $input.json('$.items'),
              "total" : $input.path('$.total'),
              "currency" : "$input.path('$.currency')",
              "shipTo" : $input.json('$.shipping'),
              "params" : {
              #foreach($type in $allParams.keySet())
                #set($params = $allParams.get($type))
                "$type" : {
                #foreach($paramName in $params.keySet())
                  "$paramName" : "$util.escapeJavaScript($params.get($paramName))"#if($foreach.hasNext),#end
                #end
                }#if($foreach.hasNext),#end
              #end
              },
              "context" : {
                "requestId" : "$context.requestId",
                "stage" : "$context.stage",
                "httpMethod" : "$context.httpMethod",
                "resourcePath" : "$context.resourcePath",
                "sourceIp" : "$context.identity.sourceIp"
              }
            }""";

    /** The model of bench/dataplane.sh's POST /orders (10 properties). */
    public static final String ORDER_SCHEMA = """
            {"type":"object","required":["orderId","customer","items","total","currency"],"properties":{
             "orderId":{"type":"string","pattern":"^ord-[0-9]+$"},
             "customer":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},
               "name":{"type":"string","maxLength":100},"email":{"type":"string"}}},
             "items":{"type":"array","minItems":1,"maxItems":50,"items":{"type":"object","required":["sku","qty"],
               "properties":{"sku":{"type":"string"},"name":{"type":"string"},"qty":{"type":"integer","minimum":1},
               "price":{"type":"number","minimum":0}}}},
             "total":{"type":"number","minimum":0},
             "currency":{"type":"string","enum":["EUR","USD","GBP"]},
             "shipping":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"},
               "zip":{"type":"string"},"country":{"type":"string","minLength":2,"maxLength":2}}},
             "priority":{"type":"boolean"},
             "notes":{"type":"string","maxLength":500},
             "createdAt":{"type":"string"},
             "tags":{"type":"array","items":{"type":"string"}}}}""";

    /** The body of bench/post-order.lua (973 bytes). */
    public static final String BODY = "{\"orderId\":\"ord-20261125\",\"customer\":{\"id\":4711,\"name\":\"Ada O'Lovelace\","
            + "\"email\":\"ada@example.com\"},\"items\":[{\"sku\":\"SKU-1001\",\"name\":\"Widget, large (blue)\",\"qty\":2,"
            + "\"price\":19.99},{\"sku\":\"SKU-1002\",\"name\":\"Gadget with a \\\"quoted\\\" name\",\"qty\":1,\"price\":149.5},"
            + "{\"sku\":\"SKU-1003\",\"name\":\"Sprocket set of twelve\",\"qty\":4,\"price\":7.25},{\"sku\":\"SKU-1004\","
            + "\"name\":\"Flux capacitor replacement fuse\",\"qty\":3,\"price\":2.49},{\"sku\":\"SKU-1005\",\"name\":"
            + "\"Cable, 2 m, braided\",\"qty\":1,\"price\":11.0},{\"sku\":\"SKU-1006\",\"name\":\"Gift card, printed\","
            + "\"qty\":1,\"price\":0}],\"total\":246.44,\"currency\":\"EUR\",\"shipping\":{\"street\":\"12 Analytical Engine "
            + "Road\",\"city\":\"London\",\"zip\":\"NW1 2DB\",\"country\":\"GB\"},\"priority\":true,\"notes\":\"Leave the parcel "
            + "with the neighbour at number 14 if nobody answers the door; do not ring after 8 pm. Fragile items inside, "
            + "please handle with care and keep upright at all times.\",\"createdAt\":\"2026-11-25T10:15:30Z\",\"tags\":"
            + "[\"web\",\"returning-customer\",\"express\",\"gift-wrap\"]}";

    static final String BACKEND_BODY = "{\"message\":\"hello\",\"id\":42}";

    static String openApi() {
        return """
                {"openapi": "3.0.1", "info": {"title": "bench", "version": "1"},
                 "x-amazon-apigateway-request-validators": {"body": {"validateRequestBody": true, "validateRequestParameters": false}},
                 "components": {"schemas": {"Order": %s}},
                 "paths": {"/orders": {"post": {
                   "x-amazon-apigateway-request-validator": "body",
                   "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                   "responses": {"200": {"description": "ok"}},
                   "x-amazon-apigateway-integration": {"type": "http", "httpMethod": "POST",
                     "uri": "http://127.0.0.1:18081/prod/hello", "passthroughBehavior": "when_no_templates",
                     "requestTemplates": {"application/json": %s},
                     "responses": {"default": {"statusCode": "200"}}}}}}}
                """.formatted(ORDER_SCHEMA, quote(TEMPLATE));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private List<Filter> filters;
    private Method method;
    private Resource resource;
    private GatewayRequest request;
    private String apiId;

    @Setup
    public void setUp() {
        ApiDefinition api = new OpenApiImporter().importNew(openApi().getBytes(StandardCharsets.UTF_8), "bench.json",
                ImportOptions.defaults()).api();
        apiId = api.id();
        resource = api.resourceByPath("/orders").orElseThrow();
        method = resource.method("POST");
        List<Filter> built = new ArrayList<>(new RequestPipeline(new TemplateCompiler(), null)
                .filtersFor(api, resource, method));
        // the throttle is the same on the HTTP_PROXY route, and at this bench's rate it would answer 429
        built.removeIf(f -> f instanceof dev.gatehouse.engine.access.ThrottleFilter);
        byte[] backend = BACKEND_BODY.getBytes(StandardCharsets.UTF_8);
        built.set(built.size() - 1, (req, chain) -> {
            if (req.body().length < 100) throw new IllegalStateException("not templated: " + new String(req.body()));
            return new GatewayResponse(200, Headers.of("Content-Type", "application/json", "Content-Length", "27"),
                    backend);
        });
        filters = List.copyOf(built);
        request = GatewayRequest.of("POST", "/prod/orders", Headers.of("Host", "127.0.0.1:18090",
                "Content-Length", "973", "Content-Type", "application/json"), BODY.getBytes(StandardCharsets.UTF_8));
        GatewayResponse r = ordersMethodFilters();
        if (r.status() != 200) throw new IllegalStateException(r.status() + " " + new String(r.body()));
    }

    /** A context as the server and the routing filter fill it. */
    private RequestContext context() {
        RequestContext ctx = RequestContext.create(RequestIds.requestId(), RequestIds.extendedRequestId(),
                Instant.now(), GatewayEventListener.NONE);
        ctx.put(ContextKeys.SOURCE_IP, "127.0.0.1");
        ctx.put(ContextKeys.PROTOCOL, "HTTP/1.1");
        ctx.put(ContextKeys.DOMAIN_NAME, "127.0.0.1");
        ctx.put(ContextKeys.DOMAIN_PREFIX, "127");
        ctx.put(ContextKeys.API_ID, apiId);
        ctx.put(ContextKeys.STAGE, "prod");
        ctx.put(ContextKeys.DEPLOYMENT_ID, "d1");
        ctx.put(ContextKeys.STAGE_VARIABLES, Map.of());
        ctx.put(ContextKeys.PATH, "/prod/orders");
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, "/orders");
        ctx.put(ContextKeys.HTTP_METHOD, "POST");
        ctx.put(ContextKeys.RESOURCE_ID, resource.id());
        ctx.put(ContextKeys.RESOURCE_PATH, resource.path());
        ctx.put(ContextKeys.PATH_PARAMETERS, Map.of());
        ctx.put(ContextKeys.INTEGRATION_TYPE, method.methodIntegration().type().name());
        return ctx;
    }

    @Benchmark
    public GatewayResponse ordersMethodFilters() {
        return FilterChain.run(filters, request, context());
    }

    /** The reference: only the context, as the HTTP_PROXY route has it (its method filters are the integration). */
    @Benchmark
    public RequestContext contextOnly() {
        return context();
    }
}
