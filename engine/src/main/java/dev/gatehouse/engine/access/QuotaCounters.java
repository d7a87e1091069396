package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage-plan request counts per plan, key and UTC day (what AWS's GetUsage reports), and the quota check over them:
 * a quota period starts as AWS defines {@code quota.offset} (DAY: offset 0; WEEK: 0 = Sunday, 1 = Monday, …;
 * MONTH: days after the 1st). Counts are kept in memory for the request path and added to a {@link UsageStore}
 * once a second and on {@link #close()}, so quotas hold across restarts; an UpdateUsage correction
 * ({@link #setRemaining}) is saved at once. Thread-safe.
 */
public final class QuotaCounters implements QuotaStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaCounters.class);
    /** Long enough for the longest quota period (a month) and a month of usage history. */
    private static final int DAYS_LOADED = 62;

    private final UsageStore store;
    private final ConcurrentMap<UsageStore.Day, AtomicLong> days = new ConcurrentHashMap<>();
    private final ConcurrentMap<UsageStore.Day, AtomicLong> unsaved = new ConcurrentHashMap<>();
    /** {@code plan/key@periodStart} → requests in that period: the request path reads only this. */
    private final ConcurrentMap<String, PeriodCount> periods = new ConcurrentHashMap<>();
    /** Corrections read from the store, by period: the first use of a period picks its own up. */
    private final ConcurrentMap<UsageStore.Period, Long> storedCorrections = new ConcurrentHashMap<>();

    /**
     * A period's requests and its UpdateUsage correction; the quota counts as used {@code used + correction}. Two
     * atomics, not one lock: a request racing an UpdateUsage may see the correction just before or just after.
     */
    private record PeriodCount(AtomicLong used, AtomicLong correction) {}
    private final ScheduledExecutorService flusher;
    /** Held while a correction is changed, here or from the store. */
    private final Object corrections = new Object();
    /** The store's counts are read on first use, so commands that never count never open it. */
    private final Instant openedAt;
    private volatile boolean loaded;

    /** Counts in memory only. */
    public QuotaCounters() {
        this.store = UsageStore.none();
        this.flusher = null;
        this.openedAt = Instant.EPOCH;
        this.loaded = true;
    }

    /** Counts loaded from {@code store} (the last two months) and added to it once a second. */
    public QuotaCounters(UsageStore store, Instant now) {
        this.store = store;
        this.openedAt = now;
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gatehouse-usage-flush").factory());
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Counts one request of {@code keyId} under {@code planId} when it fits the plan's quota (always when there is
     * none); false, and nothing counted, when the period's quota is used up.
     */
    @Override public boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        ensureLoaded();
        LocalDate today = day(now);
        if (quota != null && quota.limit() != null) {
            PeriodCount period = period(planId, keyId, quota, today);
            AtomicLong used = period.used();
            while (true) {
                long n = used.get();
                if (n + period.correction().get() >= quota.limit()) return false;
                if (used.compareAndSet(n, n + 1)) break;
            }
        }
        UsageStore.Day d = new UsageStore.Day(planId, keyId, today);
        days.computeIfAbsent(d, k -> new AtomicLong()).incrementAndGet();
        unsaved.computeIfAbsent(d, k -> new AtomicLong()).incrementAndGet();
        return true;
    }

    /** Requests counted in the quota period containing {@code now}. */
    @Override public long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        ensureLoaded();
        return period(planId, keyId, quota, day(now)).used().get();
    }

    /**
     * Saves the new correction to the store first (so it holds across a restart), then applies it; when the store
     * cannot save it, nothing changes. {@code quota} must have a limit. @throws IllegalStateException from the store
     */
    @Override public void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining,
                                       Instant now) {
        if (quota == null || quota.limit() == null) throw new IllegalArgumentException("the plan has no quota limit");
        if (remaining < 0) throw new IllegalArgumentException("remaining must be 0 or more");
        ensureLoaded();
        LocalDate today = day(now);
        PeriodCount period = period(planId, keyId, quota, today);
        synchronized (corrections) { // two UpdateUsage calls at once: each computes its delta from the other's result
            long delta = (quota.limit() - remaining) - (period.used().get() + period.correction().get());
            if (delta == 0) return;
            UsageStore.Period key = new UsageStore.Period(planId, keyId, periodStart(quota, today));
            store.correct(key, delta);
            period.correction().addAndGet(delta);
            storedCorrections.merge(key, delta, Long::sum);
        }
    }

    /**
     * Takes up corrections another process saved to the same store since (the CLI's {@code usage-plan reset-usage}
     * while {@code gatehouse serve} runs): the store holds every process's sum, so it is what counts. Under the
     * corrections lock, so a concurrent {@link #setRemaining} is never applied twice or lost.
     */
    private void refreshCorrections() {
        if (!loaded) return; // nothing counted yet: the first use reads them anyway
        synchronized (corrections) {
            Map<UsageStore.Period, Long> stored = store.loadCorrections(day(openedAt).minusDays(DAYS_LOADED));
            stored.forEach((key, value) -> {
                storedCorrections.put(key, value);
                // also when the stored value is known already: a period first used while this ran read the old one
                PeriodCount period = periods.get(key.planId() + "/" + key.keyId() + "@" + key.start());
                if (period != null && period.correction().get() != value) period.correction().set(value);
            });
        }
    }

    @Override public long correction(String planId, String keyId, LocalDate periodStart) {
        ensureLoaded();
        PeriodCount period = periods.get(planId + "/" + keyId + "@" + periodStart);
        if (period != null) return period.correction().get();
        return storedCorrections.getOrDefault(new UsageStore.Period(planId, keyId, periodStart), 0L);
    }

    /** Requests per day from {@code start} to {@code end} inclusive, oldest first (AWS GetUsage's daily values). */
    @Override public List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end) {
        ensureLoaded();
        List<Long> out = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            AtomicLong n = days.get(new UsageStore.Day(planId, keyId, d));
            out.add(n == null ? 0 : n.get());
        }
        return out;
    }

    private PeriodCount period(String planId, String keyId, UsagePlan.QuotaSettings quota, LocalDate today) {
        LocalDate start = periodStart(quota, today);
        return periods.computeIfAbsent(planId + "/" + keyId + "@" + start, k -> {
            long sum = 0;
            for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
                AtomicLong n = days.get(new UsageStore.Day(planId, keyId, d));
                if (n != null) sum += n.get();
            }
            long correction = storedCorrections.getOrDefault(new UsageStore.Period(planId, keyId, start), 0L);
            return new PeriodCount(new AtomicLong(sum), new AtomicLong(correction));
        });
    }

    private void ensureLoaded() {
        if (loaded) return;
        synchronized (this) {
            if (loaded) return;
            store.load(day(openedAt).minusDays(DAYS_LOADED)).forEach((d, n) -> days.merge(d, new AtomicLong(n),
                    (mine, stored) -> new AtomicLong(mine.get() + stored.get())));
            storedCorrections.putAll(store.loadCorrections(day(openedAt).minusDays(DAYS_LOADED)));
            loaded = true;
        }
    }

    /** Adds what was counted since the last flush to the store. */
    public void flush() {
        Map<UsageStore.Day, Long> deltas = new HashMap<>();
        unsaved.forEach((d, n) -> {
            long v = n.getAndSet(0);
            if (v > 0) deltas.put(d, v);
        });
        try {
            store.add(deltas);
        } catch (RuntimeException e) {
            deltas.forEach((d, v) -> unsaved.computeIfAbsent(d, k -> new AtomicLong()).addAndGet(v)); // next time
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
            refreshCorrections();
        } catch (RuntimeException e) {
            LOG.warn("usage counts not saved yet (will retry): {}", e.getMessage());
        }
    }

    /** Saves what is left and closes the store. */
    @Override public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
        store.close();
    }

    private static LocalDate day(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The first day of the quota period containing {@code today}. */
    static LocalDate periodStart(UsagePlan.QuotaSettings quota, LocalDate today) {
        int offset = quota == null || quota.offset() == null ? 0 : quota.offset();
        QuotaPeriod period = quota == null || quota.period() == null ? QuotaPeriod.DAY : quota.period();
        return switch (period) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY.plus(offset)));
            case MONTH -> {
                LocalDate start = today.withDayOfMonth(Math.min(offset + 1, today.lengthOfMonth()));
                if (!start.isAfter(today)) yield start;
                LocalDate previous = today.minusMonths(1);
                yield previous.withDayOfMonth(Math.min(offset + 1, previous.lengthOfMonth()));
            }
        };
    }

    /** The first day of the quota period containing {@code day} (UTC). */
    public static LocalDate periodStartOf(UsagePlan.QuotaSettings quota, LocalDate day) {
        return periodStart(quota, day);
    }

    static LocalDate periodStart(UsagePlan.QuotaSettings quota, Instant now) {
        return periodStart(quota, day(now));
    }
}
