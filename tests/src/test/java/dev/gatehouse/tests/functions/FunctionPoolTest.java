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

    @Test
    void eachInvocationsLogHoldsExactlyItsOwnOutputWhicheverStreamsItWrote() throws Exception {
        // one warm worker, invocations in turn: nothing written, stdout only, stderr only, both; the bootstrap
        // marks the end of the output only on the streams written, so silent invocations wait for no marker
        Path f = Files.createDirectories(dir.resolve("functions").resolve("talk"));
        Files.writeString(f.resolve("function.json"), "{\"runtime\": \"nodejs\", \"reservedConcurrency\": 1}");
        Files.writeString(f.resolve("index.js"), """
                exports.handler = async (event) => {
                  if (event.out) console.log('out-' + event.n);
                  if (event.err) process.stderr.write('err-' + event.n + '\\n');
                  return event.n;
                };
                """);
        try (LocalFunctions functions = LocalFunctions.open(dir)) {
            for (int round = 0; round < 3; round++) {
                for (int kind = 0; kind < 4; kind++) {
                    int n = round * 4 + kind;
                    boolean out = (kind & 1) != 0;
                    boolean err = (kind & 2) != 0;
                    InvokeResult r = functions.invoke("talk", ("{\"n\": " + n + ", \"out\": " + out + ", \"err\": " + err
                            + "}").getBytes(StandardCharsets.UTF_8), null, null);
                    assertThat(r.payloadText()).isEqualTo(Integer.toString(n));
                    // console.log's line is "time<TAB>id<TAB>INFO<TAB>out-n"; the two streams may interleave either way
                    List<String> own = r.log().lines().filter(l -> l.contains("out-") || l.contains("err-"))
                            .map(l -> l.substring(Math.max(l.lastIndexOf("out-"), l.lastIndexOf("err-")))).toList();
                    List<String> expected = new ArrayList<>();
                    if (out) expected.add("out-" + n);
                    if (err) expected.add("err-" + n);
                    assertThat(own).as("invocation %d", n).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(r.log()).doesNotContain("GATEHOUSE-OUTPUT-DONE");
                }
            }
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
