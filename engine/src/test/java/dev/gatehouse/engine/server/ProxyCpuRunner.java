package dev.gatehouse.engine.server;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.access.AuthorizerFunctions;
import dev.gatehouse.engine.caching.StageCaches;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.integration.NginxLikeBackend;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.observe.ConsoleTraces;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and allocation per proxied request through the real data plane: a {@link DataPlaneServer} (one event
 * loop) serving bench/dataplane-api.json's HTTP_PROXY route {@code GET /prod/proxy/prod/hello}, compiled as a
 * deploy compiles it, in front of a tiny Netty backend that answers what nginx answers bench/dataplane.sh, driven
 * by keep-alive client connections, all in this JVM. The figures count only the gateway's threads (event loop,
 * virtual-thread carriers, Vert.x's own): the backend and the clients run on threads named {@code bench-} and are
 * left out, as are GC and JIT threads (not Java threads); the process total is printed beside them. CPU time
 * and bytes do not depend on how loaded the machine is the way requests per second do. Not run by surefire.
 *
 * <p>Per round it prints the gateway threads' CPU split into user and kernel time (the kernel part is mostly the
 * socket reads and writes: on loopback the sender's {@code write} also delivers the bytes to the peer). With
 * {@code -Dbench.syscalls=true} and Linux {@code perf} on the path (root or {@code perf_event_paranoid} ≤ 1), each round
 * is timed by {@code perf stat} counting the event-loop threads' system calls, printed per request by name.
 *
 * <p>{@code java --add-opens java.base/java.lang=ALL-UNNAMED -cp <test classpath>
 * dev.gatehouse.engine.server.ProxyCpuRunner [warmupSeconds=20] [rounds=8] [roundSeconds=3] [connections=8]
 * [route=proxy|orders|proxypost|mock]}: {@code orders} drives bench/dataplane.sh's POST leg ({@code POST /prod/orders},
 * the order of bench/post-order.lua) instead; {@code proxypost} POSTs the same order to the HTTP_PROXY route, as that
 * leg's other half does; {@code mock} its MOCK leg ({@code GET /prod/hello}: the same inbound server, no backend
 * exchange), to set a proxied request's profile beside.
 */
public final class ProxyCpuRunner {

    static final AtomicLong answered = new AtomicLong();
    static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double roundSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String route = args.length > 4 ? args[4] : "proxy";

        DataPlaneBenchmarks.apiFile(); // fails here, before the backend's non-daemon thread would keep the JVM alive
        NginxLikeBackend backend = NginxLikeBackend.start();
        int backendPort = backend.port();

        RequestHandler served = served(backendPort); // the server asks for the plan on every request: made once
        DataPlaneServer server = DataPlaneServer.start(DataPlaneOptions.defaults(0).withEventLoops(1),
                () -> served, GatewayEventListener.NONE);
        String path = route.equals("mock") ? "/prod/hello" : "/prod/proxy/prod/hello";
        byte[] request = route.equals("orders") ? postRequest("/prod/orders", server.port())
                : route.equals("proxypost") ? postRequest("/prod/proxy/prod/hello", server.port())
                : ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> drive(server.port(), request), "bench-client-" + i);
            t.start();
            clients.add(t);
        }
        try {
            Thread.sleep(warmup * 1000L);
            if (answered.get() == 0) throw new IllegalStateException("no request answered during the warm-up");
            boolean syscalls = Boolean.getBoolean("bench.syscalls");
            double[] cpu = new double[rounds];
            double[] kernel = new double[rounds];
            double[] alloc = new double[rounds];
            double[] process = new double[rounds];
            double[] calls = new double[rounds];
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (int r = 0; r < rounds; r++) {
                SyscallCount window = syscalls ? SyscallCount.ready(roundSeconds) : null;
                if (window != null) window.command("enable");
                Map<Long, long[]> before = gatewayThreads();
                long p0 = processCpu();
                long n0 = answered.get();
                Thread.sleep((long) (roundSeconds * 1000));
                long n = answered.get() - n0;
                long p1 = processCpu();
                Map<Long, long[]> after = gatewayThreads();
                Map<String, Long> counted = null;
                if (window != null) {
                    window.command("disable");
                    counted = window.counts();
                }
                long cpuNanos = 0;
                long userNanos = 0;
                long bytes = 0;
                for (Map.Entry<Long, long[]> e : after.entrySet()) {
                    long[] b = before.getOrDefault(e.getKey(), new long[3]);
                    cpuNanos += e.getValue()[0] - b[0];
                    bytes += e.getValue()[1] - b[1];
                    userNanos += e.getValue()[2] - b[2];
                }
                cpu[r] = cpuNanos / 1000.0 / n;
                kernel[r] = (cpuNanos - userNanos) / 1000.0 / n;
                alloc[r] = (double) bytes / n;
                process[r] = (p1 - p0) / 1000.0 / n;
                System.out.printf("round %d: %d requests, gateway threads %.1f us CPU (%.1f user, %.1f kernel) and %.0f "
                        + "bytes per request, process %.1f us%n", r + 1, n, cpu[r], cpu[r] - kernel[r], kernel[r],
                        alloc[r], process[r]);
                if (counted != null) {
                    StringBuilder line = new StringBuilder("  event-loop syscalls per request:");
                    for (Map.Entry<String, Long> e : counted.entrySet()) {
                        line.append(String.format(" %s %.2f", e.getKey(), (double) e.getValue() / n));
                    }
                    calls[r] = counted.getOrDefault("all", 0L) / (double) n;
                    System.out.println(line);
                }
            }
            System.out.printf("gateway threads: CPU %s us/request (kernel %s), allocated %s bytes/request; whole "
                            + "process (with clients, backend, GC, JIT) %s us/request%s (%d rounds of %.1f s after %d s "
                            + "warm-up, %d connections, transport %s; load average %.2f before, %.2f after, on %d cores)%n",
                    stats(cpu), stats(kernel), stats(alloc), stats(process),
                    syscalls ? "; event-loop syscalls " + stats(calls) + "/request" : "",
                    rounds, roundSeconds, warmup, connections, server.transport(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            running = false;
            for (Thread t : clients) t.join(5000);
            server.close(java.time.Duration.ofSeconds(1));
            backend.close();
        }
    }

    /** bench/dataplane-api.json with its backend on {@code port}, compiled into the served pipeline as a deploy does. */
    private static RequestHandler served(int port) {
        return servedApi(port).handler();
    }

    /** A served pipeline and the id of the API it serves (stage {@code prod}). */
    record Served(RequestHandler handler, String apiId) { }

    /** As {@link #served}, with the API's id (for {@link ObserveCpuRunner}'s stage settings). */
    static Served servedApi(int port) {
        try {
            String json = Files.readString(DataPlaneBenchmarks.apiFile())
                    .replace("http://127.0.0.1:18081", "http://127.0.0.1:" + port);
            ApiDefinition api = new OpenApiImporter().importNew(json.getBytes(StandardCharsets.UTF_8),
                    "dataplane-api.json", ImportOptions.defaults()).api();
            AccessState access = AccessState.inProcess();
            access.setEngineLimit(1e9, 1_000_000_000L); // as bench/dataplane.sh's --throttle-rate
            RequestPipeline pipeline = new RequestPipeline(new TemplateCompiler(), request -> {
                throw new IllegalStateException("the server's own backend should have been used");
            }, access, new StageCaches(), AuthorizerFunctions.none());
            RouteTable.Builder<MethodPlan> b = RouteTable.builder();
            for (Resource resource : api.resources()) {
                for (Method method : resource.resourceMethods().values()) {
                    b.add(resource.path(), method.httpMethod(), pipeline.methodPlan(api, resource, method,
                            RequestPipeline.Mode.SERVED));
                }
            }
            RuntimePlan plan = new RuntimePlan(Map.of(api.id(), new ApiPlan(api.id(), GatewayResponses.builtIn(),
                    Map.of("prod", new StagePlan("prod", "d1", Map.of(), b.build())))), api.id(), null);
            return new Served(new ConsoleTraces().stripping(pipeline.serving(plan)), api.id());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** bench/dataplane.sh's POST leg: bench/post-order.lua's order POSTed to {@code path}. */
    private static byte[] postRequest(String path, int port) {
        byte[] body = dev.gatehouse.engine.mapping.MethodFilterBenchmarks.BODY.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** One keep-alive connection sending the request again as soon as the answer is read, as wrk does. */
    static void drive(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            while (running) {
                out.write(request);
                out.flush();
                int status = readResponse(in);
                if (status != 200) throw new IllegalStateException("the gateway answered " + status);
                answered.incrementAndGet();
            }
        } catch (IOException e) {
            if (running) throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads one response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        int length = 0;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) throw new IOException("closed");
                if (c != '\r') line.append((char) c);
            }
            if (line.isEmpty()) break;
            String l = line.toString();
            if (status < 0) status = Integer.parseInt(l.substring(9, 12));
            else if (l.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(l.substring(15).trim());
        }
        in.readNBytes(length);
        return status;
    }

    /** Syscall tracepoints counted by {@link SyscallCount}: all of them, and the ones a proxied request makes. */
    private static final String[] SYSCALLS = {"read", "write", "writev", "readv", "epoll_wait", "epoll_pwait",
        "epoll_ctl", "futex", "io_uring_enter", "sendto", "recvfrom", "sendmsg", "recvmsg"};

    /**
     * {@code perf stat} counting the system calls of this JVM's event-loop threads ({@code vert.x-eventloop-thread-N},
     * "vert.x-eventloo" in /proc), started with its events disabled and switched on and off through a control FIFO, so
     * that it counts over exactly the window the requests are counted in.
     */
    private static final class SyscallCount {
        private final Process perf;
        private final java.nio.file.Path dir;
        private final OutputStream control;
        private final java.io.BufferedReader acks;

        private SyscallCount(Process perf, java.nio.file.Path dir, OutputStream control, java.io.BufferedReader acks) {
            this.perf = perf;
            this.dir = dir;
            this.control = control;
            this.acks = acks;
        }

        /** perf started and waiting for "enable"; its workload outlasts a window of {@code seconds}. */
        static SyscallCount ready(double seconds) throws IOException, InterruptedException {
            StringBuilder tids = new StringBuilder();
            try (var tasks = Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                    if (Files.readString(t.resolve("comm")).startsWith("vert.x-eventloo")) {
                        if (!tids.isEmpty()) tids.append(',');
                        tids.append(t.getFileName());
                    }
                }
            }
            java.nio.file.Path dir = Files.createTempDirectory("syscalls");
            java.nio.file.Path ctl = dir.resolve("ctl");
            java.nio.file.Path ack = dir.resolve("ack");
            if (new ProcessBuilder("mkfifo", ctl.toString(), ack.toString()).start().waitFor() != 0) {
                throw new IOException("mkfifo failed");
            }
            List<String> command = new ArrayList<>(List.of("perf", "stat", "-x", ",", "-D", "-1", "--control",
                    "fifo:" + ctl + "," + ack, "-o", dir.resolve("out").toString(), "-t", tids.toString(),
                    "-e", "raw_syscalls:sys_enter"));
            for (String name : SYSCALLS) command.addAll(List.of("-e", "syscalls:sys_enter_" + name));
            command.addAll(List.of("--", "sleep", Long.toString((long) Math.ceil(seconds) + 10)));
            Process perf = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log").toFile()).start();
            OutputStream control = new java.io.FileOutputStream(ctl.toFile());
            java.io.BufferedReader acks = new java.io.BufferedReader(new java.io.InputStreamReader(
                    new java.io.FileInputStream(ack.toFile()), StandardCharsets.US_ASCII));
            return new SyscallCount(perf, dir, control, acks);
        }

        /** Sends {@code enable} or {@code disable} and waits for perf's acknowledgement. */
        void command(String what) throws IOException {
            control.write((what + "\n").getBytes(StandardCharsets.US_ASCII));
            control.flush();
            String ack = acks.readLine(); // perf writes "ack\n" and the C string's NUL, which starts the next line
            if (ack == null || !ack.contains("ack")) throw new IOException("perf did not acknowledge " + what);
        }

        /** Ends perf; "all" and each syscall of {@link #SYSCALLS} that was made, counted while enabled. */
        Map<String, Long> counts() throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-INT", Long.toString(perf.pid())).start().waitFor();
            perf.waitFor();
            control.close();
            acks.close();
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(dir.resolve("out"))) {
                String[] f = line.split(",");
                if (f.length < 3 || !f[0].matches("\\d+")) continue;
                String event = f[2];
                counts.put(event.equals("raw_syscalls:sys_enter") ? "all"
                        : event.substring(event.indexOf("enter_") + 6), Long.parseLong(f[0]));
            }
            try (var files = Files.list(dir)) {
                for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) Files.delete(f);
            }
            Files.delete(dir);
            return counts;
        }
    }

    /**
     * CPU nanoseconds, allocated bytes and user-mode CPU nanoseconds of every live thread but the benchmark's own
     * ({@code bench-}, main).
     */
    private static Map<Long, long[]> gatewayThreads() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, long[]> out = new HashMap<>();
        long self = Thread.currentThread().threadId();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || info.getThreadId() == self || info.getThreadName().startsWith("bench-")) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            long bytes = threads.getThreadAllocatedBytes(info.getThreadId());
            long user = threads.getThreadUserTime(info.getThreadId());
            if (cpu >= 0 && bytes >= 0 && user >= 0) out.put(info.getThreadId(), new long[] {cpu, bytes, user});
        }
        return out;
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        return String.format("median %.1f (min %.1f, mean %.1f)", s[s.length / 2], s[0], mean);
    }
}
