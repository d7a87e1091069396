package dev.gatehouse.engine.errors;

import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter and the only place that turns exceptions into wire responses (Javalin's
 * {@code HttpResponseException} mapping). A {@link GatewayException} is rendered with the routed API's
 * {@link GatewayResponses} (context key {@link GatewayResponses#KEY}, built-ins before routing); any other
 * RuntimeException is a gateway bug, logged and answered 500 {@code {"message": "Internal server error"}}.
 * Every response gets {@code x-amzn-RequestId} and {@code x-amz-apigw-id}; errors also carry
 * {@code x-amzn-ErrorType}. Reports {@code executionFailed} with the error's log line. Stateless singleton.
 */
public final class ErrorMappingFilter implements Filter {

    public static final ErrorMappingFilter INSTANCE = new ErrorMappingFilter();

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappingFilter.class);

    private ErrorMappingFilter() { }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        try {
            return withIds(chain.proceed(request), ctx);
        } catch (GatewayException e) {
            return render(e, request, ctx);
        } catch (RuntimeException e) {
            LOG.error("request {} failed inside the gateway", ctx.requestId(), e);
            return render(GatewayException.internalError(e), request, ctx);
        }
    }

    /** Renders {@code error} for {@code ctx} exactly as this filter would (also used by the server's early rejections). */
    public static GatewayResponse render(GatewayException error, GatewayRequest request, RequestContext ctx) {
        if (error.logLine() != null) ctx.events().executionFailed(ctx, error.logLine());
        GatewayResponses responses = ctx.getOrDefault(GatewayResponses.KEY, GatewayResponses.builtIn());
        return withIds(responses.render(error, request, ctx), ctx);
    }

    private static GatewayResponse withIds(GatewayResponse response, RequestContext ctx) {
        Headers.Builder h = response.headers().toBuilder();
        String requestId = ctx.get(ContextKeys.REQUEST_ID);
        String extended = ctx.get(ContextKeys.EXTENDED_REQUEST_ID);
        if (requestId != null) h.set("x-amzn-RequestId", requestId);
        if (extended != null) h.set("x-amz-apigw-id", extended);
        return response.withHeaders(h.build());
    }

    @Override public String toString() {
        return "ErrorMappingFilter";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}
