package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What observability costs per request with everything on (bench/observe.sh's ON stage: {@code *}{@code /*}
 * metricsEnabled, loggingLevel INFO, dataTraceEnabled, a CLF access log), in its two halves:
 * <ul>
 *   <li>{@link #executionLogOfAProxyRequest}: the request thread's share, the execution log of an HTTP_PROXY
 *       request as bench/dataplane.sh's proxy route sends it (wrk's headers, nginx's answer). Here it runs on one
 *       platform thread; the server runs each request on a virtual thread of its own, so a per-thread cache that
 *       pays off here does nothing there (the execution log's time was one: keep shared caches);</li>
 *   <li>{@link #writerPerRequest}: the writer thread's share, one batch of {@value #BATCH} such requests (100 ms at
 *       4,000 requests/s) through {@link ObserveWriter#write}: meters, metric buckets, the request log in one
 *       SQLite transaction (a real file), the access-log lines; reported per request.</li>
 * </ul>
 * Run with {@code bench/jmh.sh ObserveBenchmarks}, or its {@link #main} for thread CPU time per request (steady on
 * a shared machine, where wall-clock scores are not);  ({@code gc.alloc.rate.norm} is bytes per operation, which does
 * not depend on the machine's load). Not run by surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObserveBenchmarks {

    static final int BATCH = 400;
    /** Requests per fold in {@link #served}: 10 ms of requests at 25,000 requests/s, as bench/dataplane.sh serves. */
    static final int FOLD = 250;
    /** Requests per round of {@link #served}, per mode. */
    static final int SERVED = 500;
    private static final String CLF = AccessLogFormat.CLF;

    private final Headers wrkHeaders = Headers.of("Host", "127.0.0.1:18090");
    private final Headers endpointHeaders = Headers.of("Host", "127.0.0.1:18081", "User-Agent", "AmazonAPIGateway_a1b2c3d4e5",
            "X-Amzn-Trace-Id", "Root=1-67a5b2c1-0123456789abcdef01234567", "Accept-Encoding", "identity");
    private final Headers backendHeaders = Headers.of("Server", "nginx/1.22.1", "Date", "Wed, 02 Dec 2026 14:00:00 GMT",
            "Content-Type", "application/json", "Content-Length", "27", "Connection", "keep-alive");
    private final byte[] body = "{\"message\":\"hello\",\"id\":42}".getBytes(StandardCharsets.UTF_8);
    private final GatewayRequest request = GatewayRequest.of("GET", "/prod/proxy/prod/hello", wrkHeaders, null);
    private final GatewayResponse response = new GatewayResponse(200, backendHeaders, body);
    private final Clock clock = Clock.systemUTC();
    private long sequence;

    private Path dir;
    private ObserveDatabase db;
    private ObserveWriter writer;
    private String logText;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("observe-bench");
        db = ObserveDatabase.open(dir.resolve("observe.db"));
        ObserveSettings settings = new ObserveSettings();
        settings.put(new StageObserveSettings("a1b2c3d4e5", "bench", "prod",
                Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                CLF, false));
        writer = new ObserveWriter(new ObserveQueue(16), settings, db, new PrometheusMetrics(), dir.resolve("access"),
                ObserveOptions.DEFAULTS, clock);
        logText = executionLogOfAProxyRequest();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writer.close();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public String executionLogOfAProxyRequest() {
        ExecutionLog log = new ExecutionLog(clock);
        RequestContext ctx = RequestContext.create("c0ffee00-1111-2222-3333-" + (100000000000L + sequence++),
                "Ab1Cd2Ef3Gh=", Instant.now(), log);
        log.requestStart(ctx, request);
        log.methodRequest(ctx, "GET", "/proxy/{proxy+}", Map.of("proxy", "prod/hello"), QueryParams.empty(), wrkHeaders, null);
        log.integrationStart(ctx, "HTTP_PROXY");
        log.endpointRequest(ctx, "GET", "http://127.0.0.1:18081/prod/hello", endpointHeaders, null);
        log.endpointResponse(ctx, 200, 1, backendHeaders, body);
        log.integrationEnd(ctx, "HTTP_PROXY", null);
        log.methodResponse(ctx, response);
        log.requestEnd(ctx, response);
        return log.storedText(); // what the request path hands the writer
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void writerPerRequest() {
        writer.write(batch(logText));
    }

    private final RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();

    /** The request log alone as the writer stores it (one block per batch), one transaction per batch ({@link #main} only). */
    public void insertOnly() {
        List<RequestLogStore.Pending> logged = new ArrayList<>(BATCH);
        for (RequestRecord r : batch(logText)) logged.add(new RequestLogStore.Pending(r, "INFO", r.executionLog()));
        db.inTransaction(c -> RequestLogStore.insertBlocks(c, encoder, logged));
    }

    /** The former layout: one request-log row per request, one transaction per batch ({@link #main} only). */
    public void rowsOnly() {
        List<RequestRecord> batch = batch(logText);
        db.inTransaction(c -> {
            try (var p = RequestLogStore.prepareInsert(c)) {
                for (RequestRecord r : batch) RequestLogStore.insert(p, r, "INFO", r.executionLog());
                p.executeBatch();
            }
        });
    }

    /** The writer without execution logs: meters, buckets, access log ({@link #main} only). */
    public void writerNoLog() {
        writer.write(batch(null));
    }

    private List<RequestRecord> batch(String log) {
        long now = clock.millis();
        List<RequestRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(new RequestRecord(now, "c0ffee00-1111-2222-3333-" + (100000000000L + sequence++), "Ab1Cd2Ef3Gh=",
                    "a1b2c3d4e5", "prod", "d1", "r1", "/proxy/{proxy+}", "GET", "/prod/proxy/prod/hello", "HTTP/1.1",
                    "127.0.0.1", null, "127.0.0.1", "127", null, null, null, null, 200, 27, 900 + i, 600 + i, 200, null,
                    null, null, false, true, false, log));
        }
        return batch;
    }

    /**
     * One mode of {@link #served}: a store, a writer and the data-plane listener of a stage with everything on
     * (bench/observe.sh's ON) or off (metrics in the store only, as every stage keeps them).
     */
    private static final class Served implements AutoCloseable {
        final Path dir;
        final ObserveDatabase db;
        final ObserveQueue queue = new ObserveQueue(2 * SERVED);
        final ObserveWriter writer;
        final ObservingListener listener;
        int folds;

        Served(boolean on) throws IOException {
            dir = Files.createTempDirectory("observe-served");
            db = ObserveDatabase.open(dir.resolve("observe.db"));
            ObserveSettings settings = new ObserveSettings();
            settings.put(new StageObserveSettings("a1b2c3d4e5", "bench", "prod",
                    Map.of("*/*", on ? new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)
                            : new Stage.MethodSetting(false, LoggingLevel.OFF, false, null, null, null, null, null, null, null)),
                    on ? CLF : null, false));
            writer = new ObserveWriter(queue, settings, db, new PrometheusMetrics(), dir.resolve("access"),
                    ObserveOptions.DEFAULTS, Clock.systemUTC());
            listener = new ObservingListener(settings, queue);
        }

        @Override public void close() throws IOException {
            writer.close();
            db.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One HTTP_PROXY request's events as the data plane sends them to the observing listener (fresh header objects
     * per request, as the server parses them); what it queues is left in {@code s.queue}.
     */
    private void proxyRequest(Served s) {
        // header strings as a server parses them: new objects per request (their hashes not yet computed)
        Headers inbound = Headers.of(fresh("Host"), fresh("127.0.0.1:18090"));
        Headers toBackend = Headers.of(fresh("Host"), fresh("127.0.0.1:18081"), fresh("User-Agent"),
                fresh("AmazonAPIGateway_a1b2c3d4e5"), fresh("X-Amzn-Trace-Id"),
                "Root=1-67a5b2c1-0123456789abcdef" + (10_000_000 + sequence % 10_000_000), fresh("Accept-Encoding"),
                fresh("identity"));
        Headers fromBackend = Headers.of(fresh("Server"), fresh("nginx/1.22.1"), fresh("Date"),
                fresh("Wed, 02 Dec 2026 14:00:00 GMT"), fresh("Content-Type"), fresh("application/json"),
                fresh("Content-Length"), fresh("27"), fresh("Connection"), fresh("keep-alive"));
        byte[] answer = body.clone();
        GatewayRequest req = GatewayRequest.of("GET", "/prod/proxy/prod/hello", inbound, null);
        GatewayResponse resp = new GatewayResponse(200, fromBackend, answer);
        RequestContext ctx = RequestContext.create("c0ffee00-1111-2222-3333-" + (100000000000L + sequence++),
                "Ab1Cd2Ef3Gh=", Instant.now(), s.listener);
        var events = ctx.events();
        events.requestStart(ctx, req);
        ctx.put(ContextKeys.SOURCE_IP, "127.0.0.1");
        ctx.put(ContextKeys.PROTOCOL, "HTTP/1.1");
        ctx.put(ContextKeys.API_ID, "a1b2c3d4e5");
        ctx.put(ContextKeys.STAGE, "prod");
        ctx.put(ContextKeys.DEPLOYMENT_ID, "d1");
        ctx.put(ContextKeys.PATH, "/prod/proxy/prod/hello");
        ctx.put(ContextKeys.RESOURCE_ID, "r1");
        ctx.put(ContextKeys.RESOURCE_PATH, "/proxy/{proxy+}");
        ctx.put(ContextKeys.HTTP_METHOD, "GET");
        events.methodRequest(ctx, "GET", "/proxy/{proxy+}", Map.of("proxy", "prod/hello"), QueryParams.empty(), inbound, null);
        events.integrationStart(ctx, "HTTP_PROXY");
        events.endpointRequest(ctx, "GET", "http://127.0.0.1:18081/prod/hello", toBackend, null);
        events.endpointResponse(ctx, 200, 1, fromBackend, answer);
        events.integrationEnd(ctx, "HTTP_PROXY", null);
        events.methodResponse(ctx, resp);
        events.requestEnd(ctx, resp);
    }

    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    /**
     * Observability's whole cost per served HTTP_PROXY request, stage everything-on and everything-off: the
     * listener's share on the request thread ({@value #SERVED} requests), then the writer's batch of what they
     * queued, each timed with this thread's CPU time and allocated bytes. Args: warm-up and measured seconds.
     */
    static void served(long warm, long measured) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        ObserveBenchmarks b = new ObserveBenchmarks();
        try (Served on = new Served(true); Served off = new Served(false)) {
            double[][] result = new double[2][4];
            for (int phase = 0; phase < 2; phase++) {
                long[] cpu = new long[4];
                long[] bytes = new long[4];
                long n = 0;
                long until = System.nanoTime() + (phase == 0 ? warm : measured) * 1_000_000_000L;
                List<RequestRecord> batch = new ArrayList<>(SERVED);
                while (System.nanoTime() < until) {
                    for (int m = 0; m < 2; m++) { // on and off alternate, batch by batch
                        Served s = m == 0 ? on : off;
                        long c0 = threads.getCurrentThreadCpuTime();
                        long b0 = threads.getCurrentThreadAllocatedBytes();
                        for (int i = 0; i < SERVED; i++) b.proxyRequest(s);
                        long c1 = threads.getCurrentThreadCpuTime();
                        long b1 = threads.getCurrentThreadAllocatedBytes();
                        batch.clear();
                        try {
                            s.queue.drain(batch, SERVED, 0);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        if (batch.size() != SERVED) throw new IllegalStateException("queued " + batch.size());
                        // as the writer's loop: a fold per FOLD requests (10 ms at 25,000 requests/s), a commit
                        // every 10 folds (the 100 ms interval) or sooner when the writer says it is due
                        for (int f = 0; f < SERVED; f += FOLD) {
                            s.writer.fold(batch.subList(f, Math.min(SERVED, f + FOLD)));
                            if (++s.folds == 10 || s.writer.commitDue()) {
                                s.writer.commit();
                                s.folds = 0;
                            }
                        }
                        cpu[2 * m] += c1 - c0;
                        bytes[2 * m] += b1 - b0;
                        cpu[2 * m + 1] += threads.getCurrentThreadCpuTime() - c1;
                        bytes[2 * m + 1] += threads.getCurrentThreadAllocatedBytes() - b1;
                    }
                    n += SERVED;
                }
                for (int k = 0; k < 4; k++) {
                    result[0][k] = cpu[k] / 1000.0 / n;
                    result[1][k] = (double) bytes[k] / n;
                }
                if (phase == 1) {
                    String[] names = {"on  request path", "on  writer", "off request path", "off writer"};
                    for (int k = 0; k < 4; k++) {
                        System.out.printf("served %-17s %8.2f us CPU/request %9.0f B/request (%d requests)%n", names[k],
                                result[0][k], result[1][k], n);
                    }
                    System.out.printf("served ON - OFF: request path %.2f us, writer %.2f us, total %.2f us CPU/request;"
                                    + " %.0f B/request (load average %.2f)%n",
                            result[0][0] - result[0][2], result[0][1] - result[0][3],
                            result[0][0] + result[0][1] - result[0][2] - result[0][3],
                            result[1][0] + result[1][1] - result[1][2] - result[1][3],
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        }
    }

    /**
     * Thread CPU time and bytes allocated per request of both halves, measured on this thread after a warm-up:
     * figures that hold on a loaded machine. Args: seconds of warm-up (default 15), seconds measured (default 10),
     * the parts, comma-separated (default {@code executionLog,writer}; also {@code insertOnly}: the request-log blocks alone,
     * {@code rowsOnly}: the former one row per request, {@code writerNoLog}; {@code served}: {@link #served}, the
     * whole cost per served request, everything on and off).
     */
    public static void main(String[] args) throws IOException {
        long warm = args.length > 0 ? Long.parseLong(args[0]) : 15;
        long measured = args.length > 1 ? Long.parseLong(args[1]) : 10;
        if (args.length > 2 && args[2].equals("served")) {
            served(warm, measured);
            return;
        }
        ObserveBenchmarks b = new ObserveBenchmarks();
        b.setUp();
        try {
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            List<String> ops = args.length > 2 ? List.of(args[2].split(",")) : List.of("executionLog", "writer");
            for (String which : ops) {
                Runnable op = switch (which) {
                    case "writer" -> b::writerPerRequest;
                    case "insertOnly" -> b::insertOnly;
                    case "rowsOnly" -> b::rowsOnly;
                    case "writerNoLog" -> b::writerNoLog;
                    default -> b::executionLogOfAProxyRequest;
                };
                int perOp = which.equals("executionLog") ? 1 : BATCH;
                long until = System.nanoTime() + warm * 1_000_000_000L;
                while (System.nanoTime() < until) op.run();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long bytes0 = threads.getCurrentThreadAllocatedBytes();
                long n = 0;
                until = System.nanoTime() + measured * 1_000_000_000L;
                while (System.nanoTime() < until) {
                    op.run();
                    n += perOp;
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
                double bytes = (double) (threads.getCurrentThreadAllocatedBytes() - bytes0) / n;
                System.out.printf("%-12s %8.2f us CPU/request %9.0f B/request (%d requests)%n", which, cpu, bytes, n);
            }
        } finally {
            b.tearDown();
        }
    }
}
