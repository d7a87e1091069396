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

    /** One quota period of a plan and key, named by its first day. */
    record Period(String planId, String keyId, LocalDate start) {}

    /** Every count from {@code since} on. */
    Map<Day, Long> load(LocalDate since);

    /** Adds the deltas to the stored counts. */
    void add(Map<Day, Long> deltas);

    /**
     * Every quota correction (see {@link QuotaStore#setRemaining}) of a period starting on or after {@code since}:
     * requests the quota treats as used beyond those counted, negative when a key was granted more.
     */
    Map<Period, Long> loadCorrections(LocalDate since);

    /**
     * Adds {@code delta} to a period's stored correction, at once (an administrator's action, rare). Added, not
     * set, for the same reason counts are. @throws IllegalStateException when it cannot be saved (nothing changed)
     */
    void correct(Period period, long delta);

    @Override void close();

    /** Opens the store {@code opener} gives on the first call that needs it (an empty add or a close never do). */
    static UsageStore lazy(java.util.function.Supplier<UsageStore> opener) {
        return new UsageStore() {
            private UsageStore open;

            private synchronized UsageStore store() {
                if (open == null) open = opener.get();
                return open;
            }

            @Override public Map<Day, Long> load(LocalDate since) {
                return store().load(since);
            }

            @Override public void add(Map<Day, Long> deltas) {
                if (!deltas.isEmpty()) store().add(deltas);
            }

            @Override public Map<Period, Long> loadCorrections(LocalDate since) {
                return store().loadCorrections(since);
            }

            @Override public void correct(Period period, long delta) {
                store().correct(period, delta);
            }

            @Override public synchronized void close() {
                if (open != null) open.close();
            }
        };
    }

    /** Keeps nothing (tests, and engines without a workspace folder). */
    static UsageStore none() {
        return new UsageStore() {
            @Override public Map<Day, Long> load(LocalDate since) {
                return Map.of();
            }

            @Override public void add(Map<Day, Long> deltas) { }

            @Override public Map<Period, Long> loadCorrections(LocalDate since) {
                return Map.of();
            }

            @Override public void correct(Period period, long delta) { }

            @Override public void close() { }
        };
    }
}
