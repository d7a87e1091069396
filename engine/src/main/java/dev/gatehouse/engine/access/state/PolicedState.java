package dev.gatehouse.engine.access.state;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared state store with its {@link FailurePolicy}: while the store cannot be reached, throttle and quota checks
 * are decided by the policy instead (open: admitted, uncounted; closed: refused with AWS's 429 for that check and an
 * execution-log line naming the outage). The outage is logged once when it starts and once when the store answers
 * again (with how many decisions the policy made meanwhile), never per request. Every request still tries the store
 * first, so the engine recovers on the first request after the server is back. Thread-safe.
 */
public final class PolicedState implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(PolicedState.class);

    private final StateStore store;
    private final FailurePolicy policy;
    /** When the current outage started; null while the store answers. */
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();
    private final AtomicLong decidedByPolicy = new AtomicLong();

    public PolicedState(StateStore store, FailurePolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override public boolean tryAcquire(String bucket, double ratePerSecond, long burst) {
        try {
            boolean admitted = store.tryAcquire(bucket, ratePerSecond, burst);
            answered();
            return admitted;
        } catch (StateUnavailableException e) {
            failed(e);
            if (policy.throttleOpen()) return true;
            throw GatewayException.of(GatewayResponseType.THROTTLED).withLogLine("Throttle state unavailable ("
                    + store.describe() + "); request refused by the state failure policy (throttle=closed)");
        }
    }

    @Override public boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        try {
            boolean admitted = store.tryConsume(planId, keyId, quota, now);
            answered();
            return admitted;
        } catch (StateUnavailableException e) {
            failed(e);
            if (policy.quotaOpen()) return true;
            throw GatewayException.of(GatewayResponseType.QUOTA_EXCEEDED).withLogLine("Quota state unavailable ("
                    + store.describe() + ") for Usage Plan ID " + planId + "; request refused by the state failure "
                    + "policy (quota=closed)");
        }
    }

    /** @throws IllegalStateException saying the usage cannot be read while the store is unavailable */
    @Override public long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        try {
            return store.used(planId, keyId, quota, now);
        } catch (StateUnavailableException e) {
            throw new IllegalStateException("Usage cannot be read now: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException saying the usage cannot be read while the store is unavailable */
    @Override public List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end) {
        try {
            return store.daily(planId, keyId, start, end);
        } catch (StateUnavailableException e) {
            throw new IllegalStateException("Usage cannot be read now: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException saying the usage cannot be changed while the store is unavailable */
    @Override public void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining,
                                       Instant now) {
        try {
            store.setRemaining(planId, keyId, quota, remaining, now);
        } catch (StateUnavailableException e) {
            throw new IllegalStateException("The remaining quota cannot be changed now: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException saying the usage cannot be read while the store is unavailable */
    @Override public long correction(String planId, String keyId, LocalDate periodStart) {
        try {
            return store.correction(planId, keyId, periodStart);
        } catch (StateUnavailableException e) {
            throw new IllegalStateException("Usage cannot be read now: " + e.getMessage(), e);
        }
    }

    /** True while the store is not answering (the console and tests show it). */
    public boolean unavailable() {
        return outageSince.get() != null;
    }

    public FailurePolicy policy() {
        return policy;
    }

    private void failed(StateUnavailableException e) {
        decidedByPolicy.incrementAndGet();
        if (outageSince.compareAndSet(null, Instant.now())) {
            LOG.warn("{}; until it answers again, throttles fail {} and quotas fail {} (state failure policy {})",
                    e.getMessage(), policy.throttleOpen() ? "open" : "closed", policy.quotaOpen() ? "open" : "closed", policy);
        }
    }

    private void answered() {
        if (outageSince.get() == null) return; // the common case: one volatile read
        Instant since = outageSince.getAndSet(null);
        if (since != null) {
            LOG.warn("State store {} answers again after {} ms; {} throttle/quota decisions were made by the failure "
                    + "policy meanwhile", store.describe(), java.time.Duration.between(since, Instant.now()).toMillis(),
                    decidedByPolicy.getAndSet(0));
        }
    }

    @Override public String describe() {
        return store.describe() + " (on failure: " + policy + ")";
    }

    @Override public void close() {
        store.close();
    }
}
