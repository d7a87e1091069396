package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Usage-plan request counts per plan, key and UTC day, and the quota check over them (AWS's quota periods, see
 * {@link QuotaCounters#periodStartOf}). The API-key filter calls {@link #tryConsume} on request threads; GetUsage
 * calls {@link #daily}; UpdateUsage calls {@link #setRemaining}. Implementations are thread-safe; a shared one (Redis) may throw
 * {@link dev.gatehouse.engine.access.state.StateUnavailableException} when its server cannot be reached.
 */
public interface QuotaStore {

    /**
     * Counts one request of {@code keyId} under {@code planId} when it fits the plan's quota (always when there is
     * none); false, and nothing counted, when the period's quota is used up.
     */
    boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now);

    /** Requests counted in the quota period containing {@code now}. */
    long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now);

    /** Requests per day from {@code start} to {@code end} inclusive, oldest first (AWS GetUsage's daily values). */
    List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end);

    /**
     * Sets what is left of {@code keyId}'s quota in the period containing {@code now} to {@code remaining} (AWS
     * UpdateUsage, {@code replace /remaining}): the quota check then admits {@code remaining} more requests in this
     * period, however many were counted, even beyond the limit (AWS calls it "a temporary extension"); the next
     * period starts again at the plan's limit. The counts themselves (GetUsage's "used") are not changed: the
     * difference is kept as the period's {@link #correction}. Takes effect on the next request. Called by the
     * control plane, the CLI and the console, on their own threads.
     */
    void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining, Instant now);

    /**
     * Requests the quota treats as used in the period starting {@code periodStart} beyond those counted: what
     * {@link #setRemaining} left (negative when it granted more than was used), 0 when it was never called.
     */
    long correction(String planId, String keyId, LocalDate periodStart);

    /** What is left of the quota in the period containing {@code now}: never below 0; 0 without a quota limit. */
    default long remaining(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        if (quota == null || quota.limit() == null) return 0;
        LocalDate start = QuotaCounters.periodStartOf(quota, now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
        return Math.max(0, quota.limit() - used(planId, keyId, quota, now) - correction(planId, keyId, start));
    }
}
