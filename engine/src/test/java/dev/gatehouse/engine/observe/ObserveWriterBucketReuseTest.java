package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer reuses the histograms of buckets it no longer keeps in memory (a second's after 10 s, a minute's
 * after 3 min): a later bucket must count only its own requests.
 */
class ObserveWriterBucketReuseTest {

    @TempDir Path root;

    /** 2026-12-02T14:20:00Z, the start of a minute. */
    private static final long T = Instant.parse("2026-12-02T14:20:00Z").getEpochSecond();

    private static final class SettableClock extends Clock {
        long millis;

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
    }

    private static RequestRecord at(long second, long latencyMicros) {
        return Records.at("api1", "prod", "GET", "/a", second * 1000, 200, latencyMicros, latencyMicros / 2);
    }

    @Test
    void aBucketStartedAfterOthersWereEvictedHoldsOnlyItsOwnRequests() {
        SettableClock clock = new SettableClock();
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve("observe.db"))) {
            ObserveSettings settings = new ObserveSettings();
            settings.put(new StageObserveSettings("api1", "Api", "prod",
                    Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.OFF, false, null, null, null, null, null, null, null)),
                    null, false));
            ObserveWriter writer = new ObserveWriter(new ObserveQueue(16), settings, db, new PrometheusMetrics(),
                    root.resolve("access"), ObserveOptions.DEFAULTS, clock);
            MetricsStore metrics = new MetricsStore(db);

            clock.millis = T * 1000;
            writer.write(List.of(at(T, 1000), at(T, 2000), at(T, 3000)));
            clock.millis = (T + 60) * 1000; // T's second buckets leave memory after this batch
            writer.write(List.of(at(T + 60, 50_000), at(T + 60, 50_000)));
            clock.millis = (T + 300) * 1000; // both minutes' buckets leave memory after this batch
            writer.write(List.of(at(T + 300, 7000)));
            writer.write(List.of(at(T + 300, 9000)));

            MetricPoint second60 = metrics.summary("api1", "prod", null, T + 60, T + 61, MetricsStore.SECOND);
            assertThat(second60.count()).isEqualTo(2);
            assertThat(second60.latency().max()).isCloseTo(50.0, within(0.05)); // 3 significant digits: 0.1%
            assertThat(second60.latency().p50()).isCloseTo(50.0, within(0.05));

            // T + 300 is in minute T + 300, after T's and T + 60's minutes were evicted
            MetricPoint minute300 = metrics.summary("api1", "prod", "GET /a", T + 300, T + 360, MetricsStore.MINUTE);
            assertThat(minute300.count()).isEqualTo(2);
            assertThat(minute300.latency().samples()).isEqualTo(2);
            assertThat(minute300.latency().max()).isCloseTo(9.0, within(0.01));
            assertThat(minute300.latency().p50()).isCloseTo(7.0, within(0.01));
            assertThat(minute300.integrationLatency().max()).isCloseTo(4.5, within(0.005));

            MetricPoint first = metrics.summary("api1", "prod", null, T, T + 1, MetricsStore.SECOND);
            assertThat(first.count()).isEqualTo(3);
            assertThat(first.latency().max()).isCloseTo(3.0, within(0.003));
            writer.close();
        }
    }
}
