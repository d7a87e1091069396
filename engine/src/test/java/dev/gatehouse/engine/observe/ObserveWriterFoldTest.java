package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer takes records off the queue every few milliseconds even when its next SQLite transaction is far away,
 * so records do not live long enough to be copied by the young collections (what made the GC pauses long), and
 * closing commits whatever was folded; a batch holding thousands of execution logs is committed early.
 */
class ObserveWriterFoldTest {

    @TempDir Path root;

    @Test
    void aBatchHoldingThousandsOfExecutionLogsIsCommittedBeforeTheBatchIntervalEnds() throws Exception {
        long second = Instant.parse("2026-12-03T10:00:00Z").getEpochSecond();
        int sent = ObserveWriter.MAX_ENCODED_LOGS * 2 + 10;
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve("observe.db"))) {
            ObserveSettings settings = new ObserveSettings();
            settings.put(new StageObserveSettings("api1", "Api", "prod",
                    Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                    null, false));
            ObserveQueue queue = new ObserveQueue(sent);
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
                    .isGreaterThanOrEqualTo(ObserveWriter.MAX_ENCODED_LOGS);
            // counted once committed (the next commit may already be stored): never ahead of the store
            long handled = writer.handled();
            assertThat(handled).as("counted after their commit").isPositive().isLessThanOrEqualTo(log.rows());

            writer.close();

            assertThat(log.rows()).isEqualTo(sent);
            assertThat(writer.handled()).isEqualTo(sent);
            // one request a millisecond: the records span sent / 1000 seconds
            MetricPoint stored = new MetricsStore(db).summary("api1", "prod", null, second, second + sent / 1000 + 1,
                    MetricsStore.SECOND);
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
    /**
     * The writer encodes each fold's log entries into their stage's open block at once (the traces are not kept to
     * the commit); an entry older than its stage's open block, or another stage's entries in between, start or
     * switch blocks, and every entry is stored once with its own time.
     */
    @Test
    void entriesOlderThanTheirOpenBlockAndOtherStagesInBetweenAreAllStoredWithTheirTimes() throws Exception {
        long base = Instant.parse("2026-12-03T10:00:00Z").toEpochMilli();
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve("observe.db"))) {
            ObserveSettings settings = new ObserveSettings();
            for (String stage : List.of("prod", "beta")) {
                settings.put(new StageObserveSettings("api1", "Api", stage,
                        Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                        null, false));
            }
            ObserveQueue queue = new ObserveQueue(4096);
            ObserveWriter writer = new ObserveWriter(queue, settings, db, new PrometheusMetrics(), root.resolve("access"),
                    tenSecondBatches(), Clock.systemUTC());
            Map<String, Long> sent = new HashMap<>();
            writer.start();
            // first fold: prod at +500..+599 ms opens prod's block
            for (int i = 0; i < 100; i++) sent.put(offer(queue, "prod", base + 500 + i), base + 500 + i);
            awaitTaken(queue);
            // second fold: prod older than the open block, beta in between, prod newer again
            for (int i = 0; i < 100; i++) {
                sent.put(offer(queue, "prod", base + i), base + i);
                sent.put(offer(queue, "beta", base + 1000 + i), base + 1000 + i);
                sent.put(offer(queue, "prod", base + 700 + i), base + 700 + i);
            }
            awaitTaken(queue);
            assertThat(writer.batches()).as("nothing committed before closing").isZero();
            writer.close();

            RequestLogStore log = new RequestLogStore(db);
            assertThat(log.rows()).isEqualTo(400);
            Map<String, Long> stored = new HashMap<>();
            for (String stage : List.of("prod", "beta")) {
                for (RequestLogEntry e : log.search(new RequestLogQuery("api1", stage, null, null, null, null, null, null,
                        null, null, null, null, 1000))) {
                    assertThat(stored.put(e.requestId(), e.epochMillis())).as("stored once: %s", e.requestId()).isNull();
                    assertThat(e.stage()).isEqualTo(stage);
                }
            }
            assertThat(stored).isEqualTo(sent);
        }
    }

    private static String offer(ObserveQueue queue, String stage, long millis) {
        RequestRecord r = Records.at("api1", stage, "GET", "/a", millis, 200, 1000, 500);
        queue.offer(r);
        return r.requestId();
    }

    /** Waits until the writer took everything queued, and a little more for it to fold what it took. */
    private static void awaitTaken(ObserveQueue queue) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (queue.size() > 0 && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(200);
    }
}
