package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Usage-plan quotas: requests counted per counter name and period, the period starting as AWS defines
 * {@code quota.offset} (UTC; DAY: offset 0; WEEK: 0 = Sunday, 1 = Monday, …; MONTH: the day of the month, 0 = the
 * 1st). Counts live in this process for now (not yet across restarts or engines). Thread-safe.
 */
public final class QuotaCounters {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one request when it fits {@code quota}; false (and nothing counted) when the period's quota is used up. */
    public boolean tryConsume(String counter, UsagePlan.QuotaSettings quota, Instant now) {
        if (quota == null || quota.limit() == null) return true;
        String key = counter + "@" + periodStart(quota, now);
        AtomicLong used = counts.computeIfAbsent(key, k -> new AtomicLong());
        while (true) {
            long n = used.get();
            if (n >= quota.limit()) return false;
            if (used.compareAndSet(n, n + 1)) return true;
        }
    }

    /** Requests counted in the period containing {@code now}. */
    public long used(String counter, UsagePlan.QuotaSettings quota, Instant now) {
        AtomicLong used = counts.get(counter + "@" + periodStart(quota, now));
        return used == null ? 0 : used.get();
    }

    /** The first day of the quota period containing {@code now}. */
    static LocalDate periodStart(UsagePlan.QuotaSettings quota, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        int offset = quota.offset() == null ? 0 : quota.offset();
        QuotaPeriod period = quota.period() == null ? QuotaPeriod.DAY : quota.period();
        return switch (period) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY.plus(offset)));
            case MONTH -> {
                LocalDate start = today.withDayOfMonth(Math.min(offset + 1, today.lengthOfMonth()));
                yield start.isAfter(today) ? previousMonthStart(today, offset) : start;
            }
        };
    }

    private static LocalDate previousMonthStart(LocalDate today, int offset) {
        LocalDate previous = today.minusMonths(1);
        return previous.withDayOfMonth(Math.min(offset + 1, previous.lengthOfMonth()));
    }
}
