package dev.gatehouse.engine.invoke;

import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.deploy.DeploymentCompiler;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.observe.ExecutionLog;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteMatch;
import dev.gatehouse.engine.routing.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs a method of the draft the way a deployment would, in-process, with AWS's test-invoke values
 * ({@code stage = test-invoke-stage}, source IP {@code test-invoke-source-ip}). The method's filters are compiled
 * for this one call (the draft may have changed since the last one). Blocking; call it off the FX thread.
 * Unknown resource → 404 "Invalid Resource identifier specified"; unknown method → 404 "Invalid Method
 * identifier specified"; a method that cannot be compiled → 400 with the reason.
 */
public final class TestInvoker {

    public static final String STAGE = "test-invoke-stage";

    private final RequestPipeline pipeline;

    public TestInvoker(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public TestInvokeResult invoke(ApiDefinition api, String resourceId, String httpMethod, TestInvokeRequest request,
                                   GatewayEventListener extraListener) {
        Resource resource = api.requireResource(resourceId);
        Method method = resource.method(httpMethod.toUpperCase(java.util.Locale.ROOT));
        if (method == null) throw DefinitionException.notFound("Invalid Method identifier specified");
        if (method.methodIntegration() == null) throw DefinitionException.notFound("No integration defined for method");
        MethodPlan plan = pipeline.methodPlan(api, resource, method, RequestPipeline.Mode.TEST_INVOKE);

        String pathWithQuery = request.pathWithQueryString() == null || request.pathWithQueryString().isBlank()
                ? resource.path() : request.pathWithQueryString();
        if (!pathWithQuery.startsWith("/")) pathWithQuery = "/" + pathWithQuery;
        Headers.Builder headers = Headers.builder();
        request.headers().forEach(headers::add);
        request.multiValueHeaders().forEach((k, vs) -> vs.forEach(v -> headers.add(k, v)));
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        String verb = "ANY".equals(method.httpMethod()) ? "GET" : method.httpMethod();
        GatewayRequest gatewayRequest = GatewayRequest.of(verb, pathWithQuery, headers.build(), body);

        ExecutionLog log = new ExecutionLog();
        GatewayEventListener listener = extraListener == null ? log : GatewayEventListener.composite(List.of(log, extraListener));
        RequestContext ctx = RequestContext.create(listener);
        ctx.put(ContextKeys.API_ID, api.id());
        ctx.put(ContextKeys.STAGE, STAGE);
        ctx.put(ContextKeys.SOURCE_IP, "test-invoke-source-ip");
        ctx.put(ContextKeys.STAGE_VARIABLES, request.stageVariables());
        ctx.put(ContextKeys.PATH, gatewayRequest.rawPath());
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, gatewayRequest.rawPath());
        ctx.put(GatewayResponses.KEY, DeploymentCompiler.gatewayResponses(api.gatewayResponses()));
        Map<String, String> pathParameters = pathParameters(resource.path(), verb, gatewayRequest.rawPath());

        long start = System.nanoTime();
        GatewayResponse response = pipeline.testInvoking(plan, pathParameters).handle(gatewayRequest, ctx);
        long latency = (System.nanoTime() - start) / 1_000_000;

        TestInvokeHeaders.Selected headersOut = TestInvokeHeaders.of(response.headers()); // AWS's selection, not the wire's
        return new TestInvokeResult(response.status(), response.bodyText(), headersOut.single(), headersOut.multi(),
                log.text(), latency);
    }

    /** Path parameters of {@code path} against the resource template; none when it does not match (as AWS). */
    private static Map<String, String> pathParameters(String template, String method, String path) {
        RouteMatch<String> match = RouteTable.<String>builder().add(template, "ANY", template).build().match(method, path);
        return match == null ? Map.of() : match.pathParameters();
    }
}
