package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's store under its retention limits, fed records directly (no server). */
class ObserveWriterRetentionTest {

    @TempDir Path root;

    private static final Instant NOW = Instant.parse("2026-12-02T14:20:30Z");

    @Test
    void secondBucketsGoAfterAnHourMinuteBucketsAfterAWeekAndTheRequestLogByAgeAndRowLimit() {
        ObserveOptions options = ObserveOptions.DEFAULTS.withRetention(Duration.ofHours(1), Duration.ofDays(7),
                Duration.ofDays(1), 5);
        try (Observability o = new Observability(root, options, Clock.fixed(NOW, ZoneOffset.UTC))) {
            o.settings().put(new StageObserveSettings("api1", "Api", "prod",
                    Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                    null, false));
            o.start();
            long now = NOW.toEpochMilli();
            o.queue().offer(Records.at("api1", "prod", "GET", "/a", now - Duration.ofDays(8).toMillis(), 200, 1000, -1));
            o.queue().offer(Records.at("api1", "prod", "GET", "/a", now - Duration.ofHours(2).toMillis(), 200, 1000, -1));
            o.queue().offer(Records.at("api1", "prod", "GET", "/a", now - Duration.ofDays(2).toMillis(), 200, 1000, -1));
            for (int i = 0; i < 7; i++) o.queue().offer(Records.at("api1", "prod", "GET", "/a", now + i, 200, 1000, -1));
            assertThat(o.flush(Duration.ofSeconds(10))).isTrue();
            // before: 10 second-buckets pairs (stage + method) in 4 distinct seconds, 10 log rows
            assertThat(o.metrics().rows(MetricsStore.SECOND)).isEqualTo(2 * 4);
            assertThat(o.requestLog().rows()).isEqualTo(10);

            o.enforceRetention();

            // 1 s buckets: only the current second's (stage + method); 1 min: now's, 2 h and 2 d ago (8 d ago is gone)
            assertThat(o.metrics().rows(MetricsStore.SECOND)).isEqualTo(2);
            assertThat(o.metrics().rows(MetricsStore.MINUTE)).isEqualTo(2 * 3);
            assertThat(o.metrics().summary("api1", "prod", null, 0, NOW.getEpochSecond() - Duration.ofDays(7).toSeconds(),
                    MetricsStore.MINUTE).count()).isZero();
            long minute = NOW.getEpochSecond() - Math.floorMod(NOW.getEpochSecond(), 60);
            assertThat(o.metrics().summary("api1", "prod", null, minute - 3 * 3600, minute + 60, MetricsStore.MINUTE).count())
                    .isEqualTo(8);
            // request log: older than a day gone, then only the newest 5 rows
            assertThat(o.requestLog().rows()).isEqualTo(5);
            assertThat(o.requestLog().search(RequestLogQuery.stage("api1", "prod")))
                    .allSatisfy(e -> assertThat(e.epochMillis()).isGreaterThan(now - 10));
            assertThat(o.dropped()).isZero();
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        try (Observability o = new Observability(root, ObserveOptions.DEFAULTS.withQueueCapacity(4), Clock.systemUTC())) {
            // not started: nothing drains the queue
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) o.queue().offer(Records.at("api1", "prod", "GET", "/a", 0, 200, 1000, -1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(o.dropped()).isEqualTo(6);
            assertThat(o.prometheusText()).contains("gatehouse_observe_dropped_total 6");
        }
    }
}
