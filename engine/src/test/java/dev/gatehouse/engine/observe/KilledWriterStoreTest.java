package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL mid-stream leaves a store that opens clean and keeps what was committed. */
class KilledWriterStoreTest {

    @TempDir Path root;

    @Test
    void aKillDashNineOfTheWritingProcessNeverCorruptsTheStore() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                KilledWriterChild.class.getName(), root.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.equals("started"); line = out.readLine()) {
                seen.append(line).append('\n');
            }
            assertThat(child.isAlive()).as("the child stopped:%n%s", seen).isTrue();
            Thread.ofPlatform().daemon().start(() -> { // keep the pipe drained so the child never blocks on it
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the child was killed
                }
            });
            Path file = root.resolve(".gatehouse").resolve(ObserveDatabase.FILE);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long rows = 0;
            while (rows < 2000 && System.nanoTime() < deadline) { // let several batches commit
                Thread.sleep(200);
                if (Files.exists(file)) {
                    try (ObserveDatabase db = ObserveDatabase.open(file)) {
                        rows = new RequestLogStore(db).rows();
                    }
                }
            }
            assertThat(rows).isGreaterThanOrEqualTo(2000);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (ObserveDatabase db = ObserveDatabase.open(root.resolve(".gatehouse").resolve(ObserveDatabase.FILE))) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            long logged = new RequestLogStore(db).rows();
            assertThat(logged).isGreaterThanOrEqualTo(2000);
            // every committed request is in the stage's 1 s buckets too: the batch is one transaction
            MetricsStore metrics = new MetricsStore(db);
            long counted = metrics.summary("api1", "prod", null, 0, Long.MAX_VALUE / 2, MetricsStore.SECOND).count();
            assertThat(counted).isEqualTo(logged);
        }
    }
}
