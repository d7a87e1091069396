package dev.gatehouse.tests.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.InvokeResult;
import dev.gatehouse.engine.functions.LocalFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm pool's sizing with a real Node.js worker: capped by reserved concurrency, shrunk when idle. */
class FunctionPoolTest {

    @TempDir Path dir;

    @BeforeAll
    static void nodeIsInstalled() {
        FunctionWorkspace.require("node");
    }

    private void nodeFunction(String name, String config) throws Exception {
        Path f = Files.createDirectories(dir.resolve("functions").resolve(name));
        Files.writeString(f.resolve("function.json"), config);
        Files.writeString(f.resolve("index.js"), """
                exports.handler = async (event) => {
                  if (event.sleep) await new Promise((r) => setTimeout(r, event.sleep));
                  return { pid: process.pid, n: event.n };
                };
                """);
    }

    @Test
    void thePoolNeverOutgrowsItsWorkerCapAndShrinksWhenIdle() throws Exception {
        // no reserved concurrency (that one throttles, see FunctionsEndToEndTest): the pool caps its workers and queues
        nodeFunction("capped", "{\"runtime\": \"nodejs\"}");
        try (LocalFunctions functions = new LocalFunctions(dir, Duration.ofMillis(400), Duration.ofMillis(100))) {
            ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<InvokeResult>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                byte[] event = ("{\"sleep\": 100, \"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
                results.add(callers.submit(() -> functions.invoke("capped", event, null, null)));
            }
            int peak = 0;
            java.util.Set<String> pids = new java.util.HashSet<>();
            for (int i = 0; i < 30; i++) {
                InvokeResult r = results.get(i).get();
                assertThat(r.payloadText()).endsWith("\"n\":" + i + "}");
                pids.add(r.payloadText().replaceAll(".*\"pid\":(\\d+).*", "$1"));
                peak = Math.max(peak, functions.workers("capped"));
            }
            callers.shutdown();

            assertThat(peak).isLessThanOrEqualTo(FunctionConfig.DEFAULT_CONCURRENCY);
            assertThat(pids).hasSizeBetween(2, FunctionConfig.DEFAULT_CONCURRENCY);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (functions.workers("capped") > 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(functions.workers("capped")).isZero();
        }
    }

    /** Not a benchmark: prints cold and warm invocation times for the report (asserts only loose bounds). */
    @Test
    void aWarmNodeWorkerAnswersInMilliseconds() throws Exception {
        nodeFunction("quick", "{\"runtime\": \"nodejs\"}");
        try (LocalFunctions functions = LocalFunctions.open(dir)) {
            byte[] event = "{\"n\": 1}".getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            functions.invoke("quick", event, null, null);
            double coldMs = (System.nanoTime() - t0) / 1e6;
            int n = 300;
            double[] warm = new double[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                functions.invoke("quick", event, null, null);
                warm[i] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(warm);
            System.out.printf("node cold invoke %.1f ms; warm p50 %.2f ms, p99 %.2f ms (%d calls)%n",
                    coldMs, warm[n / 2], warm[n * 99 / 100], n);
            assertThat(coldMs).isLessThan(5000);
            assertThat(warm[n / 2]).isLessThan(50);
        }
    }
}
