package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.payload.CompressionFilter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The last global filter: resolves API, stage (and canary) and route from a {@link RuntimePlan}, records
 * them in the context ({@code API_ID}, {@code STAGE}, {@code RESOURCE_PATH}, {@code PATH_PARAMETERS},
 * {@code STAGE_VARIABLES}, the API's {@link GatewayResponses}, ...), reports {@code methodRequest}, runs the
 * routed {@link MethodPlan}'s filters and reports {@code methodResponse}. Never proceeds down its own chain.
 * Unknown API, stage, path or method: {@link GatewayException#missingAuthenticationToken()}.
 */
public final class RoutingFilter implements Filter {

    private final RuntimePlan plan;

    public RoutingFilter(RuntimePlan plan) {
        this.plan = plan;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        InvokeAddress address = plan.address(request.headers().first("Host"), request.rawPath());
        if (address == null) throw GatewayException.missingAuthenticationToken();
        ApiPlan api = plan.api(address);
        if (api == null) throw GatewayException.missingAuthenticationToken();
        ctx.put(ContextKeys.API_ID, api.apiId());
        ctx.put(GatewayResponses.KEY, api.gatewayResponses());
        StagePlan stage = api.stages().get(address.stage());
        if (stage == null) throw GatewayException.missingAuthenticationToken();
        stage = stage.pick(ThreadLocalRandom.current().nextDouble(100.0));
        ctx.put(ContextKeys.STAGE, stage.stageName());
        ctx.put(ContextKeys.DEPLOYMENT_ID, stage.deploymentId());
        ctx.put(ContextKeys.STAGE_VARIABLES, stage.stageVariables());
        ctx.put(ContextKeys.PATH, address.contextPath());
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, address.path());
        ctx.put(ContextKeys.HTTP_METHOD, request.method());
        RouteMatch<MethodPlan> match = stage.routes().match(request.method(), address.path());
        if (match == null) throw GatewayException.missingAuthenticationToken();
        MethodPlan method = match.target();
        return invoke(method, match.pathParameters(), request, ctx);
    }

    /**
     * Routes {@code request} as {@link #filter} does and answers for the method it reaches (for a stage with a
     * canary, for both deployments' methods: the draw is made later). A request that routes nowhere is answered by
     * the error mapping, which waits for nothing.
     */
    @Override public Waiting waiting(GatewayRequest request) {
        InvokeAddress address = plan.address(request.headers().first("Host"), request.rawPath());
        ApiPlan api = address == null ? null : plan.api(address);
        StagePlan stage = api == null ? null : api.stages().get(address.stage());
        if (stage == null) return Waiting.NONE;
        Waiting w = waiting(stage, address, request);
        return stage.canary() == null ? w : w.and(waiting(stage.canary(), address, request));
    }

    private static Waiting waiting(StagePlan stage, InvokeAddress address, GatewayRequest request) {
        RouteMatch<MethodPlan> match = stage.routes().match(request.method(), address.path());
        return match == null ? Waiting.NONE : match.target().waiting(request);
    }

    /**
     * Runs one method's filters with the routing keys set: also the entry point of test invoke, which picks
     * the method directly. Reports {@code methodRequest} before and {@code methodResponse} after.
     */
    public static GatewayResponse invoke(MethodPlan method, java.util.Map<String, String> pathParameters,
                                         GatewayRequest request, RequestContext ctx) {
        ctx.put(ContextKeys.RESOURCE_ID, method.resourceId());
        ctx.put(ContextKeys.RESOURCE_PATH, method.resourcePath());
        ctx.put(ContextKeys.PATH_PARAMETERS, pathParameters);
        ctx.put(ContextKeys.INTEGRATION_TYPE, method.integrationType());
        if (method.minimumCompressionSize() != null) {
            ctx.put(CompressionFilter.MINIMUM_COMPRESSION_SIZE, method.minimumCompressionSize());
        }
        if (!ctx.has(ContextKeys.HTTP_METHOD)) ctx.put(ContextKeys.HTTP_METHOD, request.method());
        ctx.events().methodRequest(ctx, request.method(), method.resourcePath(), pathParameters, request.query(),
                request.headers(), request.body());
        GatewayResponse response = FilterChain.run(method.filters(), request, ctx);
        ctx.events().methodResponse(ctx, response);
        return response;
    }

    /**
     * The routing slot of test invoke: the method is chosen by the caller (AWS's TestInvokeMethod names resource
     * and method), so this runs {@code method} with {@code pathParameters} as {@link #invoke} does.
     */
    public static Filter direct(MethodPlan method, java.util.Map<String, String> pathParameters) {
        return new Filter() {
            @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
                return invoke(method, pathParameters, request, chain.context());
            }

            @Override public Waiting waiting(GatewayRequest request) {
                return method.waiting(request);
            }

            @Override public String toString() {
                return "RoutingFilter.direct{" + method.httpMethod() + " " + method.resourcePath() + "}";
            }
        };
    }

    @Override public String toString() {
        return "RoutingFilter{apis=" + plan.apis().keySet() + "}";
    }
}
