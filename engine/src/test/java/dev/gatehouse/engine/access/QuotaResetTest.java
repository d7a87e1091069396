package dev.gatehouse.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS UpdateUsage ({@code replace /remaining}) in the in-process counters and the SQLite usage store: "grants a
 * temporary extension to the remaining quota" (API reference, UpdateUsage) — the key gets exactly the remaining
 * requests set, in this period only; the counts GetUsage reports stay what was served. Expected numbers are
 * hand-computed from the plan's limit.
 */
class QuotaResetTest {

    private static final UsagePlan.QuotaSettings THREE_A_DAY = new UsagePlan.QuotaSettings(3, 0, QuotaPeriod.DAY);
    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir Path dir;

    private static int admitted(QuotaStore store, UsagePlan.QuotaSettings quota, Instant now, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) if (store.tryConsume("plan", "key", quota, now)) n++;
        return n;
    }

    @Test
    void settingTheRemainingQuotaOfAnExhaustedKeyAdmitsExactlyThatManyMore() {
        QuotaCounters counters = new QuotaCounters();
        assertThat(admitted(counters, THREE_A_DAY, NOON, 5)).isEqualTo(3);
        assertThat(counters.remaining("plan", "key", THREE_A_DAY, NOON)).isZero();

        counters.setRemaining("plan", "key", THREE_A_DAY, 2, NOON);
        assertThat(counters.remaining("plan", "key", THREE_A_DAY, NOON)).isEqualTo(2);
        assertThat(admitted(counters, THREE_A_DAY, NOON, 5)).isEqualTo(2);
        assertThat(counters.used("plan", "key", THREE_A_DAY, NOON)).as("3 + 2 served, all counted").isEqualTo(5);
        assertThat(counters.daily("plan", "key", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2))).containsExactly(5L);
        assertThat(counters.tryConsume("other", "key", THREE_A_DAY, NOON)).as("only that plan and key").isTrue();
    }

    @Test
    void theRemainingQuotaMayExceedTheLimitForThisPeriodOnlyAndZeroRefusesAtOnce() {
        QuotaCounters counters = new QuotaCounters();
        counters.setRemaining("plan", "key", THREE_A_DAY, 10, NOON);
        assertThat(admitted(counters, THREE_A_DAY, NOON, 12)).isEqualTo(10);
        Instant tomorrow = Instant.parse("2026-12-03T00:00:01Z");
        assertThat(admitted(counters, THREE_A_DAY, tomorrow, 5)).as("the next period starts at the limit").isEqualTo(3);

        counters.setRemaining("plan", "other", THREE_A_DAY, 0, NOON);
        assertThat(counters.tryConsume("plan", "other", THREE_A_DAY, NOON)).isFalse();
        assertThatThrownBy(() -> counters.setRemaining("plan", "key", new UsagePlan.QuotaSettings(null, 0, QuotaPeriod.DAY), 1, NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeeklyCorrectionHoldsOnEveryDayOfThatWeek() {
        UsagePlan.QuotaSettings fivePerWeek = new UsagePlan.QuotaSettings(5, 1, QuotaPeriod.WEEK); // weeks start Monday
        QuotaCounters counters = new QuotaCounters();
        Instant monday = Instant.parse("2026-11-30T10:00:00Z");
        Instant thursday = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(admitted(counters, fivePerWeek, monday, 5)).isEqualTo(5);
        counters.setRemaining("plan", "key", fivePerWeek, 1, monday);
        assertThat(counters.correction("plan", "key", LocalDate.of(2026, 11, 30))).as("5 limit - 1 left - 5 used").isEqualTo(-1);
        assertThat(admitted(counters, fivePerWeek, thursday, 3)).isEqualTo(1);
    }

    @Test
    void aCorrectionSurvivesARestartThroughTheSqliteUsageStore() {
        Path db = dir.resolve(".gatehouse/usage.db");
        try (QuotaCounters first = new QuotaCounters(SqliteUsageStore.open(db), NOON)) {
            assertThat(admitted(first, THREE_A_DAY, NOON, 3)).isEqualTo(3);
            first.setRemaining("plan", "key", THREE_A_DAY, 4, NOON);
            assertThat(admitted(first, THREE_A_DAY, NOON, 1)).isEqualTo(1);
        }
        try (QuotaCounters second = new QuotaCounters(SqliteUsageStore.open(db), NOON.plusSeconds(60))) {
            assertThat(second.remaining("plan", "key", THREE_A_DAY, NOON)).isEqualTo(3);
            assertThat(admitted(second, THREE_A_DAY, NOON, 5)).as("4 set, 1 used before the restart").isEqualTo(3);
            assertThat(second.used("plan", "key", THREE_A_DAY, NOON)).isEqualTo(7);
        }
    }

    @Test
    void anEngineOnTheSameUsageStoreTakesUpACorrectionAnotherProcessSavedWithinSeconds() throws Exception {
        Path db = dir.resolve(".gatehouse/usage.db");
        try (QuotaCounters serving = new QuotaCounters(SqliteUsageStore.open(db), NOON)) {
            assertThat(admitted(serving, THREE_A_DAY, NOON, 4)).isEqualTo(3);
            serving.flush();
            try (QuotaCounters cli = new QuotaCounters(SqliteUsageStore.open(db), NOON)) {
                cli.setRemaining("plan", "key", THREE_A_DAY, 2, NOON); // as `gatehouse usage-plan reset-usage` does
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (serving.remaining("plan", "key", THREE_A_DAY, NOON) == 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(admitted(serving, THREE_A_DAY, NOON, 5)).isEqualTo(2);
        }
    }
}
