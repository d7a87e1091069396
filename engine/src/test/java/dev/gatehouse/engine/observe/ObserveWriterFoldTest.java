package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer takes records off the queue every few milliseconds even when its next SQLite transaction is far away,
 * so records do not live long enough to be copied by the young collections (what made the GC pauses long), and
 * closing commits whatever was folded; a batch holding a few hundred execution logs is committed early.
 */
class ObserveWriterFoldTest {

    @TempDir Path root;

    @Test
    void aBatchHoldingAFewHundredExecutionLogsIsCommittedBeforeTheBatchIntervalEnds() throws Exception {
        long second = Instant.parse("2026-12-03T10:00:00Z").getEpochSecond();
        int sent = ObserveWriter.MAX_PENDING_LOGS * 2 + 10;
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve("observe.db"))) {
            ObserveSettings settings = new ObserveSettings();
            settings.put(new StageObserveSettings("api1", "Api", "prod",
                    Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                    null, false));
            ObserveQueue queue = new ObserveQueue(4096);
            for (int i = 0; i < sent; i++) {
                queue.offer(Records.at("api1", "prod", "GET", "/a", second * 1000 + i, 200, 1000 + i, 500));
            }
            ObserveWriter writer = new ObserveWriter(queue, settings, db, new PrometheusMetrics(), root.resolve("access"),
                    tenSecondBatches(), Clock.systemUTC());
            RequestLogStore log = new RequestLogStore(db);
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (writer.handled() == 0 && System.nanoTime() < deadline) Thread.sleep(5); // counted after the commit

            // the writer may take them in one fold or several: whatever it holds beyond the limit is stored at once
            assertThat(log.rows()).as("log entries stored before the 10 s interval")
                    .isGreaterThanOrEqualTo(ObserveWriter.MAX_PENDING_LOGS);
            assertThat(writer.handled()).as("counted with their logs").isEqualTo(log.rows());

            writer.close();

            assertThat(log.rows()).isEqualTo(sent);
            assertThat(writer.handled()).isEqualTo(sent);
            MetricPoint stored = new MetricsStore(db).summary("api1", "prod", null, second, second + 1, MetricsStore.SECOND);
            assertThat(stored.count()).isEqualTo(sent);
        }
    }

    private static ObserveOptions tenSecondBatches() {
        return new ObserveOptions(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(7), 1_000_000,
                Duration.ofSeconds(10), 4096, 1024 * 1024, 2);
    }

    @Test
    void recordsLeaveTheQueueLongBeforeTheirBatchIsCommittedAndClosingCommitsThem() throws Exception {
        long second = Instant.parse("2026-12-03T10:00:00Z").getEpochSecond();
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve("observe.db"))) {
            ObserveSettings settings = new ObserveSettings();
            settings.put(new StageObserveSettings("api1", "Api", "prod",
                    Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.OFF, false, null, null, null, null, null, null, null)),
                    null, false));
            ObserveQueue queue = new ObserveQueue(1024);
            for (int i = 0; i < 100; i++) {
                queue.offer(Records.at("api1", "prod", "GET", "/a", second * 1000 + i, 200, 1000 + i, 500));
            }
            ObserveWriter writer = new ObserveWriter(queue, settings, db, new PrometheusMetrics(), root.resolve("access"),
                    tenSecondBatches(), Clock.systemUTC());
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (queue.size() > 0 && System.nanoTime() < deadline) Thread.sleep(5);

            assertThat(queue.size()).as("records still queued after 5 s").isZero();
            assertThat(writer.batches()).as("committed before the 10 s batch interval").isZero();
            assertThat(writer.handled()).isZero();

            writer.close();

            assertThat(writer.batches()).isEqualTo(1);
            assertThat(writer.handled()).isEqualTo(100);
            MetricPoint stored = new MetricsStore(db).summary("api1", "prod", null, second, second + 1, MetricsStore.SECOND);
            assertThat(stored.count()).isEqualTo(100);
        }
    }
}
