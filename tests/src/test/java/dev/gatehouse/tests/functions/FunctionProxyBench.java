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
 * keep-alive connections (after a concurrent warm-up of the same length, so the pool has grown), MOCK and function
 * legs alternating for {@code -Drounds=N} rounds (3). The load comes from wrk in its own process when it is on the
 * PATH (so this JVM's CPU is the gateway's alone), else ({@code CLIENT=okhttp}) from OkHttp clients in this JVM.
 * Each leg prints the JVM's CPU per call by thread kind and the workers' CPU per call. Run with the tests' class path:
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
            boolean wrk = onPath("wrk") && !"okhttp".equals(System.getenv("CLIENT"));
            int rounds = Integer.getInteger("rounds", 3);
            // concurrent warm-up first: the pool grows to its workers (cold starts) and the JIT settles
            for (String path : new String[] {"/prod/mock", "/prod/fn"}) throughput(ws, path, clients, seconds, wrk);
            for (int round = 1; round <= rounds; round++) {
                // alternating, the order swapped every round: a shared machine's load moves both legs alike
                String[] order = round % 2 == 1 ? new String[] {"/prod/mock", "/prod/fn"} : new String[] {"/prod/fn", "/prod/mock"};
                for (String path : order) {
                    Map<String, Long> threads0 = threadCpuNanos();
                    long jvm0 = jvmCpuNanos();
                    long workers0 = workerCpuNanos();
                    long ok0 = OK.get();
                    double rps = throughput(ws, path, clients, seconds, wrk);
                    long n = Math.max(1, OK.get() - ok0);
                    long jvm = jvmCpuNanos() - jvm0;
                    System.out.printf("round %d %-10s %d clients (%s): %.0f rps over %d s (%d workers warm, %d non-200 "
                                    + "answers, load %s); CPU per call: JVM %.0f us (%s), workers %.0f us%n", round,
                            path, clients, wrk ? "wrk, its own process" : "okhttp, in this JVM", rps, seconds,
                            ws.gateway.functions().workers("trivial"), FAILED.getAndSet(0), load(),
                            jvm / 1e3 / n, byKind(threads0, threadCpuNanos(), n),
                            (workerCpuNanos() - workers0) / 1e3 / n);
                }
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

    private static double throughput(FunctionWorkspace ws, String path, int clients, int seconds, boolean wrk)
            throws Exception {
        if (wrk) return wrk(ws, path, clients, seconds);
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

    /**
     * wrk (one thread, {@code clients} keep-alive connections) for {@code seconds}: requests/s; its non-2xx
     * answers and socket errors count as failures. A separate process, so this JVM's CPU is the gateway's alone.
     */
    private static double wrk(FunctionWorkspace ws, String path, int clients, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + clients, "-d" + seconds + "s", ws.url(path))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        var total = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(out);
        var non2xx = java.util.regex.Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        var errors = java.util.regex.Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (!total.find()) throw new IllegalStateException("no request count in wrk's output: " + out);
        long all = Long.parseLong(total.group(1));
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        if (errors.find()) for (int g = 1; g <= 4; g++) bad += Long.parseLong(errors.group(g));
        FAILED.addAndGet(bad);
        OK.addAndGet(all - bad);
        return (all - bad) / (double) seconds;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * CPU so far of each of this JVM's threads by kind: {@code /proc/self/task/N/stat}'s utime + stime (clock
     * ticks of 10 ms), the thread's name with its digits folded ({@code ForkJoinPool-1-worker-3} -> {@code
     * ForkJoinPool-#-worker-#}; Linux keeps the first 15 characters). Empty where there is no /proc.
     */
    private static Map<String, Long> threadCpuNanos() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("\\d+", "#");
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                    out.merge(name, ticks * 10_000_000L, Long::sum);
                    out.merge(name + " (kernel)", Long.parseLong(f[12]) * 10_000_000L, Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** The thread kinds that used at least 2 us a call between the two snapshots, most first. */
    private static String byKind(Map<String, Long> before, Map<String, Long> after, long calls) {
        return after.entrySet().stream()
                .filter(e -> !e.getKey().endsWith(" (kernel)"))
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / calls))
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f (kernel %.0f)", e.getKey(), e.getValue(),
                        (after.getOrDefault(e.getKey() + " (kernel)", 0L) - before.getOrDefault(e.getKey() + " (kernel)", 0L)) / 1e3 / calls))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
