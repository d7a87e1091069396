package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.Locale;

/**
 * The API-key / usage-plan slot of a method that requires a key, with the key read from {@code x-api-key}
 * (apiKeySource HEADER): the key must exist, be enabled and be in a usage plan that covers this API stage
 * (aws-reference §1.11), else 403 {@code {"message":"Forbidden"}}; then the plan's throttle for this method (its
 * {@code "/path/METHOD"} entry, else the plan's own) and its quota, each per key: 429 "Too Many Requests" and 429
 * "Limit Exceeded", with AWS's execution-log lines (recorded, §1.11). Thread-safe; state lives in {@link AccessState}.
 */
public final class ApiKeyFilter implements Filter {


    /** The {@code usageIdentifierKey} a Lambda authorizer answered: the API key when the key source is AUTHORIZER. */
    static final dev.gatehouse.engine.pipeline.ContextKey<String> USAGE_IDENTIFIER_KEY =
            dev.gatehouse.engine.pipeline.ContextKey.named("usageIdentifierKey");

    private final AccessState state;
    private final boolean fromAuthorizer;
    private final String httpMethod;
    private final String resourcePath;
    private final String methodKey;

    public ApiKeyFilter(AccessState state, String httpMethod, String resourcePath, boolean fromAuthorizer) {
        this.state = state;
        this.fromAuthorizer = fromAuthorizer;
        this.httpMethod = httpMethod;
        this.resourcePath = resourcePath;
        this.methodKey = resourcePath + "/" + httpMethod;
    }

    /**
     * The API-key slot of {@code method}: null when it needs no key; else this filter, reading the key from the
     * {@code x-api-key} header, or from the Lambda authorizer's {@code usageIdentifierKey} (apiKeySource AUTHORIZER;
     * no authorizer answer, no key: 403).
     */
    public static Filter forMethod(AccessState state, ApiDefinition api, Resource resource, Method method) {
        if (!Boolean.TRUE.equals(method.apiKeyRequired())) return null;
        return new ApiKeyFilter(state, method.httpMethod(), resource.path(),
                api.restApi().apiKeySource() == ApiKeySource.AUTHORIZER);
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        String apiId = ctx.get(ContextKeys.API_ID);
        String stage = ctx.get(ContextKeys.STAGE);
        String value = fromAuthorizer ? ctx.get(USAGE_IDENTIFIER_KEY) : request.headers().first("x-api-key");
        AccessDirectory directory = state.directory();
        ApiKey key = directory.key(value).orElse(null);
        if (key == null || !Boolean.TRUE.equals(key.enabled())) {
            throw forbidden(value == null || value.isEmpty()
                    ? "API Key not authorized because method '" + httpMethod + " " + resourcePath + "' requires API Key "
                            + "and no API Key was sent"
                    : "Invalid API Key identifier specified: " + mask(value));
        }
        UsagePlan plan = directory.planFor(key, apiId, stage).orElse(null);
        if (plan == null) {
            throw forbidden("API Key " + mask(value) + " not authorized because method '" + httpMethod + " "
                    + resourcePath + "' requires API Key and API Key is not associated with a Usage Plan for API Stage "
                    + apiId + "/" + stage);
        }
        UsagePlan.ThrottleSettings throttle = throttleFor(plan, apiId, stage);
        if (throttle != null && throttle.rateLimit() != null && throttle.burstLimit() != null) {
            boolean perMethod = throttle != plan.throttle();
            String bucket = "plan/" + plan.id() + "/" + key.id() + (perMethod ? "/" + methodKey : "");
            if (!state.limiter().tryAcquire(bucket, throttle.rateLimit(), throttle.burstLimit())) {
                throw GatewayException.of(GatewayResponseType.THROTTLED).withLogLine("API Key " + mask(value)
                        + " exceeded throttle limit for API Stage " + apiId + "/" + stage + ": Key throttle limit "
                        + "exceeded for Usage Plan ID " + plan.id() + ", RestApi " + apiId + ", Stage " + stage
                        + ", Resource " + ctx.get(ContextKeys.RESOURCE_ID) + ", HttpMethod " + httpMethod + ". Limit: "
                        + String.format(Locale.ROOT, "%.2f", throttle.rateLimit()) + " Burst: " + throttle.burstLimit());
            }
        }
        if (!state.quotas().tryConsume(plan.id(), key.id(), plan.quota(), state.clock().instant())) {
            throw GatewayException.of(GatewayResponseType.QUOTA_EXCEEDED).withLogLine("API Key " + mask(value)
                    + " exceeded quota limit for API Stage " + apiId + "/" + stage + ": Key quota exhausted for Usage "
                    + "Plan ID " + plan.id());
        }
        ctx.put(ContextKeys.API_KEY_ID, key.id());
        return chain.proceed(request);
    }

    private UsagePlan.ThrottleSettings throttleFor(UsagePlan plan, String apiId, String stage) {
        for (UsagePlan.ApiStage s : plan.apiStages()) {
            if (apiId.equals(s.apiId()) && stage.equals(s.stage())) {
                UsagePlan.ThrottleSettings own = s.throttle().get(methodKey);
                if (own != null) return own;
            }
        }
        return plan.throttle();
    }

    private static GatewayException forbidden(String logLine) {
        return GatewayException.of(GatewayResponseType.INVALID_API_KEY).withLogLine(logLine);
    }

    /** AWS's masking in logs: every character but the last six as {@code *}. */
    static String mask(String value) {
        if (value == null) return "";
        int shown = Math.min(6, value.length());
        return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }

    @Override public String toString() {
        return "ApiKeyFilter{" + httpMethod + " " + resourcePath + ", source=" + (fromAuthorizer ? "AUTHORIZER" : "HEADER") + "}";
    }

    /** Uses only the calling thread while buckets and counters are in this process's memory; may block with Redis state. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return state.inMemory() ? Waiting.NONE : Waiting.BLOCKING;
    }
}
