package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.Locale;

/**
 * The throttle slot: the stage's limit for this method (its method setting, else the stage's {@code *}{@code /*}
 * setting; each method has its own bucket, as AWS applies stage throttles per method), then the engine-wide limit
 * (AWS's account level, 10,000 rps / burst 5,000 by default). Runs after the usage plan's per-key limits, in AWS's
 * order (DG: api-gateway-request-throttling). Throttled → 429 {@code {"message":"Too Many Requests"}}.
 * Thread-safe; state lives in {@link AccessState}.
 */
public final class ThrottleFilter implements Filter {

    private final AccessState state;
    private final String httpMethod;
    private final String resourcePath;

    public ThrottleFilter(AccessState state, String httpMethod, String resourcePath) {
        this.state = state;
        this.httpMethod = httpMethod;
        this.resourcePath = resourcePath;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        String apiId = ctx.get(ContextKeys.API_ID);
        String stage = ctx.get(ContextKeys.STAGE);
        Stage.MethodSetting setting = state.directory().methodSetting(apiId, stage, resourcePath, httpMethod);
        if (setting != null && setting.throttlingRateLimit() != null && setting.throttlingBurstLimit() != null) {
            String bucket = "stage/" + apiId + "/" + stage + "/" + resourcePath + "/" + httpMethod;
            if (!state.limiter().tryAcquire(bucket, setting.throttlingRateLimit(), setting.throttlingBurstLimit())) {
                throw throttled("Method throttle limit exceeded for API Stage " + apiId + "/" + stage + ", Resource "
                        + resourcePath + ", HttpMethod " + httpMethod, setting.throttlingRateLimit(),
                        setting.throttlingBurstLimit());
            }
        }
        AccessState.EngineLimit engine = state.engineLimit();
        if (!state.engineLimiter().tryAcquire("engine", engine.rate(), engine.burst())) {
            throw throttled("Engine-wide throttle limit exceeded", engine.rate(), engine.burst());
        }
        return chain.proceed(request);
    }

    /** [verify] the wording of AWS's line for stage and account throttles; the usage-plan line is recorded. */
    private static GatewayException throttled(String what, double rate, long burst) {
        return GatewayException.of(GatewayResponseType.THROTTLED).withLogLine(what + ". Limit: "
                + String.format(Locale.ROOT, "%.2f", rate) + " Burst: " + burst);
    }

    @Override public String toString() {
        return "ThrottleFilter{" + httpMethod + " " + resourcePath + "}";
    }

    /** Uses only the calling thread while buckets and counters are in this process's memory; may block with Redis state. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return state.inMemory() ? Waiting.NONE : Waiting.BLOCKING;
    }
}
