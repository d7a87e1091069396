package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Usage-plan request counts per plan, key and UTC day, and the quota check over them (AWS's quota periods, see
 * {@link QuotaCounters#periodStartOf}). The API-key filter calls {@link #tryConsume} on request threads; GetUsage
 * calls {@link #daily}. Implementations are thread-safe; a shared one (Redis) may throw
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
}
