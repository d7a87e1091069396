package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKey;
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
        Routed routed = ctx.get(ROUTED);
        if (routed != null) ctx.put(ROUTED, null);
        if (routed == null || routed.request != request || routed.by != this) routed = route(request);
        if (routed.api == null) throw GatewayException.missingAuthenticationToken();
        ApiPlan api = routed.api;
        InvokeAddress address = routed.address;
        ctx.put(ContextKeys.API_ID, api.apiId());
        ctx.put(GatewayResponses.KEY, api.gatewayResponses());
        if (routed.stage == null) throw GatewayException.missingAuthenticationToken();
        StagePlan stage = routed.stage.pick(ThreadLocalRandom.current().nextDouble(100.0));
        ctx.put(ContextKeys.STAGE, stage.stageName());
        ctx.put(ContextKeys.DEPLOYMENT_ID, stage.deploymentId());
        ctx.put(ContextKeys.STAGE_VARIABLES, stage.stageVariables());
        ctx.put(ContextKeys.PATH, address.contextPath());
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, address.path());
        ctx.put(ContextKeys.HTTP_METHOD, request.method());
        RouteMatch<MethodPlan> match = stage == routed.stage ? routed.match
                : stage.routes().match(request.method(), address.path());
        if (match == null) throw GatewayException.missingAuthenticationToken();
        MethodPlan method = match.target();
        return invoke(method, match.pathParameters(), request, ctx);
    }

    /**
     * Routes {@code request} as {@link #filter} does and answers for the method it reaches (for a stage with a
     * canary, for both deployments' methods: the draw is made later). A request that routes nowhere is answered by
     * the error mapping, which waits for nothing. Leaves the route in {@code context} for {@link #filter}.
     */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        Routed routed = route(request);
        context.put(ROUTED, routed);
        if (routed.stage == null) return Waiting.NONE;
        Waiting w = routed.match == null ? Waiting.NONE : routed.match.target().waiting(request, context);
        if (routed.stage.canary() == null) return w;
        RouteMatch<MethodPlan> canary = routed.stage.canary().routes().match(request.method(), routed.address.path());
        return canary == null ? w : w.and(canary.target().waiting(request, context));
    }

    /** API, stage (before the canary draw) and route of {@code request}; the fields past the first miss are null. */
    private Routed route(GatewayRequest request) {
        InvokeAddress address = plan.address(request.headers().first("Host"), request.rawPath());
        ApiPlan api = address == null ? null : plan.api(address);
        StagePlan stage = api == null ? null : api.stages().get(address.stage());
        RouteMatch<MethodPlan> match = stage == null ? null : stage.routes().match(request.method(), address.path());
        return new Routed(this, request, address, api, stage, match);
    }

    /**
     * One request's route as {@link #waiting} found it, kept in the request's context so that {@link #filter} does
     * not route the same request again (the server asks {@code waiting} just before it runs the plan); used only for
     * the same request object and routing filter.
     */
    private record Routed(RoutingFilter by, GatewayRequest request, InvokeAddress address, ApiPlan api,
                          StagePlan stage, RouteMatch<MethodPlan> match) { }

    private static final ContextKey<Routed> ROUTED = ContextKey.named("routing.routed");

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

            @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
                return method.waiting(request, context);
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
