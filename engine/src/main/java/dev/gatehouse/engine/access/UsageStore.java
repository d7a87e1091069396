package dev.gatehouse.engine.access;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where usage-plan request counts are kept between runs: per plan, key and UTC day, as AWS reports usage
 * (GetUsage). Counts are added, never overwritten, so two engines on one workspace do not lose each other's
 * requests. Implementations are thread-safe; calls may block on disk, so the quota counters call them off the
 * request path.
 */
public interface UsageStore extends AutoCloseable {

    /** One plan/key/day total. */
    record Day(String planId, String keyId, LocalDate day) {}

    /** Every count from {@code since} on. */
    Map<Day, Long> load(LocalDate since);

    /** Adds the deltas to the stored counts. */
    void add(Map<Day, Long> deltas);

    @Override void close();

    /** Keeps nothing (tests, and engines without a workspace folder). */
    static UsageStore none() {
        return new UsageStore() {
            @Override public Map<Day, Long> load(LocalDate since) {
                return Map.of();
            }

            @Override public void add(Map<Day, Long> deltas) { }

            @Override public void close() { }
        };
    }
}
