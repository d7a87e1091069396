package dev.gatehouse.tests.functions;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Benchmark harness (not a test): a warm AWS_PROXY call of a trivial Node.js handler through the gateway against
 * a MOCK method of the same gateway, sequential latency (p50/p99) and throughput with {@code clients} concurrent
 * keep-alive clients (after a concurrent warm-up of the same length, so the pool has grown). Run with the tests' class path:
 * {@code java -cp tests/target/test-classes:<tests class path> dev.gatehouse.tests.functions.FunctionProxyBench [calls] [clients] [seconds]}.
 */
public final class FunctionProxyBench {

    private static final AtomicLong FAILED = new AtomicLong();
    private static final AtomicLong OK = new AtomicLong();

    private FunctionProxyBench() { }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("gatehouse-fn-bench");
        try (FunctionWorkspace ws = new FunctionWorkspace(dir)) {
            ws.function("trivial", "{\"runtime\": \"nodejs\"}", Map.of("index.js",
                    "exports.handler = async () => ({ statusCode: 200, body: 'ok' });\n"));
            ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(
                    FunctionWorkspace.withMethod(a, "/fn", FunctionWorkspace.proxyMethod("GET", "trivial")),
                    "/mock", Method.of("GET").withMethodResponses(Map.of("200", new MethodResponse("200", Map.of(), null)))
                            .withIntegration(Integration.mock()
                                    .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                                    .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                            .withResponseTemplates(Map.of("application/json", "ok")))))));
            ws.gateway.deploy(api.id(), "prod", "bench");
            for (String path : new String[] {"/prod/mock", "/prod/fn"}) latency(ws, path, calls / 2); // warm-up
            for (String path : new String[] {"/prod/mock", "/prod/fn"}) {
                double[] l = latency(ws, path, calls);
                System.out.printf("%-10s sequential: p50 %.3f ms, p99 %.3f ms (%d calls)%n", path, l[calls / 2],
                        l[calls * 99 / 100], calls);
            }
            for (String path : new String[] {"/prod/mock", "/prod/fn"}) {
                // concurrent warm-up first: the pool grows to its workers (cold starts) before the measured run
                throughput(ws, path, clients, seconds);
                long jvm0 = jvmCpuNanos();
                long workers0 = workerCpuNanos();
                long ok0 = OK.get();
                double rps = throughput(ws, path, clients, seconds);
                long n = Math.max(1, OK.get() - ok0);
                System.out.printf("%-10s %d clients: %.0f rps over %d s (%d workers warm, %d non-200 answers); CPU per "
                                + "call: JVM %.0f us (gateway, engine and the 16 clients), workers %.0f us%n", path,
                        clients, rps, seconds, ws.gateway.functions().workers("trivial"), FAILED.getAndSet(0),
                        (jvmCpuNanos() - jvm0) / 1e3 / n, (workerCpuNanos() - workers0) / 1e3 / n);
            }
        }
    }

    private static double[] latency(FunctionWorkspace ws, String path, int calls) throws Exception {
        double[] out = new double[calls];
        Request request = new Request.Builder().url(ws.url(path)).build();
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            try (Response r = ws.http.newCall(request).execute()) {
                r.body().bytes();
                if (r.code() != 200) throw new IllegalStateException(path + " answered " + r.code());
            }
            out[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(out);
        return out;
    }

    /** CPU time of this JVM (all threads: the clients, the gateway and the function engine). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live worker processes (children of this JVM) so far. */
    private static long workerCpuNanos() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
    }

    private static double throughput(FunctionWorkspace ws, String path, int clients, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Request request = new Request.Builder().url(ws.url(path)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try (Response r = ws.http.newCall(request).execute()) {
                        r.body().bytes();
                        if (r.code() == 200) {
                            done.incrementAndGet();
                            OK.incrementAndGet();
                        }
                        else FAILED.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }
}
