package dev.gatehouse.engine.access.state;

import dev.gatehouse.engine.access.QuotaCounters;
import dev.gatehouse.engine.access.RateLimiter;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Buckets and quota counters held in this process (the default: nothing to install). Quota counts are still kept
 * across restarts when the counters have a {@link dev.gatehouse.engine.access.UsageStore} (the workspace's
 * {@code .gatehouse/usage.db}). Never unavailable. Thread-safe.
 */
public final class InProcessState implements StateStore {

    private final RateLimiter limiter;
    private final QuotaCounters quotas;

    public InProcessState(RateLimiter limiter, QuotaCounters quotas) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    @Override public boolean tryAcquire(String bucket, double ratePerSecond, long burst) {
        return limiter.tryAcquire(bucket, ratePerSecond, burst);
    }

    @Override public boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        return quotas.tryConsume(planId, keyId, quota, now);
    }

    @Override public long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        return quotas.used(planId, keyId, quota, now);
    }

    @Override public List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end) {
        return quotas.daily(planId, keyId, start, end);
    }

    @Override public void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining,
                                       Instant now) {
        quotas.setRemaining(planId, keyId, quota, remaining, now);
    }

    @Override public long correction(String planId, String keyId, LocalDate periodStart) {
        return quotas.correction(planId, keyId, periodStart);
    }

    @Override public String describe() {
        return "in-process";
    }

    @Override public void close() {
        quotas.close();
    }

    @Override public boolean inMemory() {
        return true;
    }
}
