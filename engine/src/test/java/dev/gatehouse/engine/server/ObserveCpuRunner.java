package dev.gatehouse.engine.server;

import dev.gatehouse.engine.integration.NginxLikeBackend;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.observe.AccessLogFormat;
import dev.gatehouse.engine.observe.Observability;
import dev.gatehouse.engine.observe.ObserveOptions;
import dev.gatehouse.engine.observe.StageObserveSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where observability's CPU goes per proxied request, in one server: {@link ProxyCpuRunner}'s setup (one event loop,
 * the HTTP_PROXY route, the nginx-like backend, keep-alive clients, all in this JVM) with a real
 * {@link Observability} (store, writer thread, access-log files in a temporary workspace) as the server's listener,
 * its stage switched between bench/dataplane.sh's observe OFF (nothing but the stage's own metrics) and ON
 * ({@code *}{@code /*} metricsEnabled, loggingLevel INFO, dataTraceEnabled, a CLF access log), round by round.
 * Every thread of the process is counted from {@code /proc/self/task/*}{@code /schedstat} (nanoseconds on a CPU, so
 * not the wall clock a loaded machine stretches) and grouped by its name: the event loop and request threads, the
 * observe writer, the GC threads, the JIT compilers, the benchmark's own ({@code bench-}: clients and backend),
 * the rest. ON − OFF per group says where the extra of a logged request is spent. Not run by surefire.
 *
 * <p>{@code java -Xmn48m -XX:+UseG1GC --add-opens java.base/java.lang=ALL-UNNAMED -cp <test classpath>
 * dev.gatehouse.engine.server.ObserveCpuRunner [warmupSeconds=20] [roundPairs=5] [roundSeconds=4] [connections=8]}
 */
public final class ObserveCpuRunner {

    private static final String[] GROUPS = {"loop", "writer", "gc", "jit", "other", "bench"};

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double roundSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 8;

        Path dir = Files.createTempDirectory("observe-cpu");
        NginxLikeBackend backend = NginxLikeBackend.start();
        ProxyCpuRunner.Served served = ProxyCpuRunner.servedApi(backend.port());
        Observability observability = new Observability(dir, ObserveOptions.DEFAULTS, Clock.systemUTC());
        observability.start();
        set(observability, served.apiId(), false);
        DataPlaneServer server = DataPlaneServer.start(DataPlaneOptions.defaults(0).withEventLoops(1),
                () -> served.handler(), observability.listener());
        byte[] request = ("GET /prod/proxy/prod/hello HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> ProxyCpuRunner.drive(server.port(), request), "bench-client-" + i);
            t.start();
            clients.add(t);
        }
        try {
            for (int w = 0; w < 2; w++) { // both modes warm
                set(observability, served.apiId(), w == 0);
                Thread.sleep(warmup * 500L);
            }
            if (ProxyCpuRunner.answered.get() == 0) throw new IllegalStateException("no request answered");
            Map<String, double[]>[] perMode = new Map[] {new LinkedHashMap<>(), new LinkedHashMap<>()};
            for (Map<String, double[]> m : perMode) for (String g : GROUPS) m.put(g, new double[pairs]);
            double[][] rps = new double[2][pairs];
            for (int p = 0; p < pairs; p++) {
                for (int mode = 0; mode < 2; mode++) {
                    boolean on = (p % 2 == 0) == (mode == 1); // alternate which mode goes first
                    set(observability, served.apiId(), on);
                    Thread.sleep(1000); // the writer catches up with the previous mode's records
                    Map<String, Long> before = groups();
                    long n0 = ProxyCpuRunner.answered.get();
                    long t0 = System.nanoTime();
                    Thread.sleep((long) (roundSeconds * 1000));
                    long n = ProxyCpuRunner.answered.get() - n0;
                    long t1 = System.nanoTime();
                    Map<String, Long> after = groups();
                    int k = on ? 1 : 0;
                    rps[k][p] = n * 1e9 / (t1 - t0);
                    StringBuilder line = new StringBuilder();
                    for (String g : GROUPS) {
                        double us = (after.getOrDefault(g, 0L) - before.getOrDefault(g, 0L)) / 1000.0 / n;
                        perMode[k].get(g)[p] = us;
                        line.append(String.format(" %s %.2f", g, us));
                    }
                    System.out.printf("pair %d %-3s %7.0f rps, us CPU/request:%s (load %.2f)%n", p + 1, on ? "ON" : "OFF",
                            rps[k][p], line, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
            System.out.println("median us CPU per proxied request   OFF      ON   ON-OFF");
            double offTotal = 0;
            double onTotal = 0;
            for (String g : GROUPS) {
                double off = median(perMode[0].get(g));
                double on = median(perMode[1].get(g));
                double[] diff = new double[pairs];
                for (int p = 0; p < pairs; p++) diff[p] = perMode[1].get(g)[p] - perMode[0].get(g)[p];
                if (!g.equals("bench")) {
                    offTotal += off;
                    onTotal += on;
                }
                System.out.printf("  %-8s %26.2f %7.2f %8.2f (pairwise median %.2f)%n", g, off, on, on - off, median(diff));
            }
            System.out.printf("  gateway (all but bench) %17.2f %7.2f %8.2f; rps median OFF %.0f ON %.0f; dropped %d;"
                            + " load average %.2f on %d cores%n", offTotal, onTotal, onTotal - offTotal,
                    median(rps[0]), median(rps[1]), observability.dropped(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            ProxyCpuRunner.running = false;
            for (Thread t : clients) t.join(5000);
            server.close(java.time.Duration.ofSeconds(1));
            backend.close();
            observability.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The stage as bench/dataplane.sh's observe leg sets it: everything on, or nothing but the stage's metrics. */
    /**
     * What ON turns on: {@code -Dobserve.on=metrics,log,access} (the default, all three: method metrics, INFO with
     * data trace, a CLF access log); one or two of them place a part's share of the extra.
     */
    private static final List<String> ON_PARTS = List.of(System.getProperty("observe.on", "metrics,log,access").split(","));

    private static void set(Observability observability, String apiId, boolean on) {
        boolean metrics = on && ON_PARTS.contains("metrics");
        boolean log = on && ON_PARTS.contains("log");
        observability.settings().put(new StageObserveSettings(apiId, "dataplane", "prod",
                Map.of("*/*", new Stage.MethodSetting(metrics, log ? LoggingLevel.INFO : LoggingLevel.OFF, log, null, null,
                        null, null, null, null, null)),
                on && ON_PARTS.contains("access") ? AccessLogFormat.CLF : null, false));
    }

    /** Nanoseconds on a CPU of every thread of this process so far, by group (threads that ended are not counted). */
    private static Map<String, Long> groups() throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("schedstat"));
                    long ns = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    out.merge(group(name), ns, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return out;
    }

    private static String group(String name) {
        if (name.startsWith("bench-")) return "bench";
        if (name.startsWith("gatehouse-obser")) return "writer";
        if (name.startsWith("vert.x-eventloo") || name.startsWith("gatehouse-") || name.startsWith("ForkJoinPool")) return "loop";
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) return "gc";
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) return "jit";
        return "other";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
