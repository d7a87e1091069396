package dev.gatehouse.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A usage plan (AWS {@code UsagePlan}) with its API stages, throttle and quota, and the ids of its API keys.
 *
 * @param keyIds the API keys in the plan (AWS keeps them as a sub-resource, UsagePlanKey)
 */
public record UsagePlan(String id, String name, String description, List<ApiStage> apiStages, ThrottleSettings throttle,
                        QuotaSettings quota, String productCode, Map<String, String> tags, List<String> keyIds) {
    public UsagePlan {
        apiStages = Copies.list(apiStages);
        tags = Copies.map(tags);
        keyIds = Copies.list(keyIds);
    }

    /** An API stage the plan covers, with optional per-method throttles keyed {@code "/path/METHOD"}. */
    public record ApiStage(String apiId, String stage, Map<String, ThrottleSettings> throttle) {
        public ApiStage {
            throttle = Copies.map(throttle);
        }
    }

    /** Token bucket: {@code rateLimit} requests per second refill, {@code burstLimit} bucket size. */
    public record ThrottleSettings(Integer burstLimit, Double rateLimit) {}

    /** At most {@code limit} requests per period. */
    public record QuotaSettings(Integer limit, Integer offset, QuotaPeriod period) {}
}
