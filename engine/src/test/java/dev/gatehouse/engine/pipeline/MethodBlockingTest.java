package dev.gatehouse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.access.AuthorizerFunctions;
import dev.gatehouse.engine.access.state.StateStore;
import dev.gatehouse.engine.caching.StageCaches;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.routing.MethodPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What compiled methods wait for ({@link Filter#waiting}): nothing for MOCK with templates, validation, the stage
 * cache, keys and throttles in memory (run on the event loop itself); only the event loop for HTTP and HTTP_PROXY
 * (parked on the backend exchange); anything for a local function or a shared state store.
 */
class MethodBlockingTest {

    private static final String API = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {
              "/mock": {"get": {"responses": {"200": {"description": "ok"}},
                "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
                  "responses": {"default": {"statusCode": "200"}}}}},
              "/proxy/{proxy+}": {"x-amazon-apigateway-any-method": {
                "parameters": [{"name": "proxy", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok"}},
                "x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "ANY",
                  "uri": "http://127.0.0.1:9/{proxy}", "requestParameters": {"integration.request.path.proxy": "method.request.path.proxy"}}}},
              "/keyed": {"get": {"security": [{"api_key": []}], "responses": {"200": {"description": "ok"}},
                "x-amazon-apigateway-integration": {"type": "http", "httpMethod": "GET", "uri": "http://127.0.0.1:9/x",
                  "responses": {"default": {"statusCode": "200"}}}}},
              "/fn": {"post": {"responses": {"200": {"description": "ok"}},
                "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST",
                  "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:hello/invocations"}}}
             },
             "components": {"securitySchemes": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}}}}
            """;

    private static final GatewayRequest ANY_REQUEST = GatewayRequest.of("GET", "/x", null, Headers.builder().build(), new byte[0]);

    @Test
    void aMockWaitsForNothingAndProxyAndHttpMethodsWithInMemoryKeysOnlyForTheEventLoop() {
        RequestPipeline pipeline = new RequestPipeline(new TemplateCompiler(), null);
        ApiDefinition api = api();
        assertThat(plan(pipeline, api, "/mock", "GET").waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.NONE);
        assertThat(plan(pipeline, api, "/proxy/{proxy+}", "ANY").waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.ON_EVENT_LOOP);
        assertThat(plan(pipeline, api, "/keyed", "GET").waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).as("key, usage plan and throttle in memory")
                .isEqualTo(Waiting.ON_EVENT_LOOP);
    }

    @Test
    void aLocalFunctionMayBlock() {
        MethodPlan fn = plan(new RequestPipeline(new TemplateCompiler(), null), api(), "/fn", "POST");
        assertThat(fn.waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.BLOCKING);
    }

    @Test
    void keysAndThrottlesInASharedStoreMayBlock() {
        RequestPipeline shared = new RequestPipeline(new TemplateCompiler(), null, AccessState.shared(new RemoteStore()),
                new StageCaches(), AuthorizerFunctions.none());
        assertThat(plan(shared, api(), "/mock", "GET").waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).as("throttle in the shared store")
                .isEqualTo(Waiting.BLOCKING);
        assertThat(plan(shared, api(), "/keyed", "GET").waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.BLOCKING);
    }

    @Test
    void aFilterThatDoesNotSayMayBlock() {
        Filter unknown = (request, chain) -> GatewayResponse.of(200, Headers.builder().build(), "");
        assertThat(unknown.waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.BLOCKING);
        assertThat(new Pipeline(List.of(unknown)).waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.BLOCKING);
    }

    @Test
    void aPipelineWaitsForWhatItsMostDemandingFilterWaitsFor() {
        Filter computes = waitingFor(Waiting.NONE);
        Filter exchanges = waitingFor(Waiting.ON_EVENT_LOOP);
        Filter blocks = waitingFor(Waiting.BLOCKING);
        assertThat(new Pipeline(List.of(computes, computes)).waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.NONE);
        assertThat(new Pipeline(List.of(computes, exchanges)).waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.ON_EVENT_LOOP);
        assertThat(new Pipeline(List.of(blocks, exchanges, computes)).waiting(ANY_REQUEST, RequestContext.create(GatewayEventListener.NONE))).isEqualTo(Waiting.BLOCKING);
    }

    private static Filter waitingFor(Waiting waiting) {
        return new Filter() {
            @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
                return chain.proceed(request);
            }

            @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
                return waiting;
            }
        };
    }

    private static ApiDefinition api() {
        return new OpenApiImporter().importNew(API.getBytes(StandardCharsets.UTF_8), "t.json", ImportOptions.defaults()).api();
    }

    private static MethodPlan plan(RequestPipeline pipeline, ApiDefinition api, String path, String httpMethod) {
        Resource resource = api.resources().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        Method method = resource.resourceMethods().get(httpMethod);
        return pipeline.methodPlan(api, resource, method, RequestPipeline.Mode.SERVED);
    }

    /** A store in another process (as Redis is): it never claims to be in memory. Never called here. */
    private static final class RemoteStore implements StateStore {
        @Override public String describe() {
            return "remote";
        }

        @Override public void close() { }

        @Override public boolean tryAcquire(String bucket, double ratePerSecond, long burst) {
            throw new UnsupportedOperationException();
        }

        @Override public boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override public long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override public List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end) {
            throw new UnsupportedOperationException();
        }

        @Override public void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining,
                                           Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override public long correction(String planId, String keyId, LocalDate periodStart) {
            throw new UnsupportedOperationException();
        }
    }
}
