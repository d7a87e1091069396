package dev.gatehouse.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccessMechanicsTest {

    private static UsagePlan.QuotaSettings quota(int limit, int offset, QuotaPeriod period) {
        return new UsagePlan.QuotaSettings(limit, offset, period);
    }

    @Test
    void quotaPeriodsStartAsAwsDefinesTheOffset() {
        // 2026-12-02 is a Wednesday (hand-checked on a calendar)
        Instant wednesday = Instant.parse("2026-12-02T15:00:00Z");
        assertThat(QuotaCounters.periodStart(quota(1, 0, QuotaPeriod.DAY), wednesday)).isEqualTo(LocalDate.of(2026, 12, 2));
        // WEEK: offset 0 = Sunday, 1 = Monday (AWS QuotaSettings.offset)
        assertThat(QuotaCounters.periodStart(quota(1, 0, QuotaPeriod.WEEK), wednesday)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(QuotaCounters.periodStart(quota(1, 1, QuotaPeriod.WEEK), wednesday)).isEqualTo(LocalDate.of(2026, 11, 30));
        // MONTH: offset = days after the 1st; before the offset day the period began last month
        assertThat(QuotaCounters.periodStart(quota(1, 0, QuotaPeriod.MONTH), wednesday)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(QuotaCounters.periodStart(quota(1, 14, QuotaPeriod.MONTH), wednesday)).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void aQuotaAdmitsExactlyItsLimitPerPeriodAndStartsAgainInTheNext() {
        QuotaCounters counters = new QuotaCounters();
        UsagePlan.QuotaSettings three = quota(3, 0, QuotaPeriod.DAY);
        Instant day1 = Instant.parse("2026-12-02T23:59:00Z");
        int admitted = 0;
        for (int i = 0; i < 5; i++) if (counters.tryConsume("plan", "key", three, day1)) admitted++;
        assertThat(admitted).isEqualTo(3);
        assertThat(counters.used("plan", "key", three, day1)).isEqualTo(3);
        assertThat(counters.tryConsume("plan", "key", three, Instant.parse("2026-12-03T00:00:01Z"))).isTrue();
        assertThat(counters.tryConsume("other", "key", three, day1)).as("counters are per plan and key").isTrue();
    }

    @Test
    void quotaCountsSurviveARestartThroughTheUsageStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path db = dir.resolve(".gatehouse/usage.db");
        UsagePlan.QuotaSettings fivePerWeek = quota(5, 1, QuotaPeriod.WEEK);
        Instant monday = Instant.parse("2026-11-30T10:00:00Z");
        Instant wednesday = Instant.parse("2026-12-02T10:00:00Z");
        try (QuotaCounters first = new QuotaCounters(SqliteUsageStore.open(db), monday)) {
            for (int i = 0; i < 3; i++) assertThat(first.tryConsume("p1", "k1", fivePerWeek, monday)).isTrue();
        }
        try (QuotaCounters second = new QuotaCounters(SqliteUsageStore.open(db), wednesday)) {
            assertThat(second.used("p1", "k1", fivePerWeek, wednesday)).as("3 on Monday, same week").isEqualTo(3);
            assertThat(second.tryConsume("p1", "k1", fivePerWeek, wednesday)).isTrue();
            assertThat(second.tryConsume("p1", "k1", fivePerWeek, wednesday)).isTrue();
            assertThat(second.tryConsume("p1", "k1", fivePerWeek, wednesday)).as("5 per week used up").isFalse();
            assertThat(second.daily("p1", "k1", java.time.LocalDate.of(2026, 11, 30), java.time.LocalDate.of(2026, 12, 2)))
                    .containsExactly(3L, 0L, 2L);
        }
    }

    @Test
    void aBucketAdmitsItsBurstAtOnceAndABurstOfZeroAdmitsNothing() {
        RateLimiter limiter = RateLimiter.inProcess();
        int admitted = 0;
        for (int i = 0; i < 10; i++) if (limiter.tryAcquire("b", 0.001, 4)) admitted++;
        assertThat(admitted).isEqualTo(4);
        assertThat(limiter.tryAcquire("zero", 100, 0)).isFalse();
        assertThat(limiter.tryAcquire("b", 0.001, 5)).as("edited limits start a fresh, full bucket").isTrue();
    }

    @Test
    void keysAreMaskedInLogsButTheirLastSixCharacters() {
        assertThat(ApiKeyFilter.mask("abcdefghijklmnopqrstuvwxyz")).isEqualTo("********************uvwxyz");
        assertThat(ApiKeyFilter.mask("abc")).isEqualTo("abc");
    }
}
