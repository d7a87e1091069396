package dev.gatehouse.engine.integration;

import com.sun.management.ThreadMXBean;
import dev.gatehouse.engine.pipeline.Headers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and allocation per backend exchange alone: the HTTP backend the server makes per event loop
 * ({@code LoopHttpBackend}, or {@code VertxHttpBackend} before it: the class is found by name so the same runner
 * measures either build), called from virtual threads as the integrations call it, against a Netty backend that
 * answers nginx's bytes. Counted: every thread but the backend's and this one ({@code bench-}), i.e. the client's
 * event loop and the virtual threads' carriers. Not run by surefire.
 *
 * <p>{@code java -cp <test classpath> dev.gatehouse.engine.integration.ExchangeCpuRunner [warmupSeconds=15]
 * [rounds=8] [roundSeconds=3] [callers=8]}
 */
public final class ExchangeCpuRunner {

    private static final AtomicLong done = new AtomicLong();
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double roundSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int callers = args.length > 3 ? Integer.parseInt(args[3]) : 8;

        NginxLikeBackend backend = NginxLikeBackend.start();
        int port = backend.port();

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Context loop = vertx.getOrCreateContext();
        Class<?> type = backendClass();
        java.util.concurrent.CompletableFuture<HttpBackend> made = new java.util.concurrent.CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                made.complete((HttpBackend) type.getConstructor(Vertx.class, Context.class, BackendOptions.class)
                        .newInstance(vertx, loop, BackendOptions.DEFAULTS));
            } catch (ReflectiveOperationException e) {
                made.completeExceptionally(e);
            }
        });
        HttpBackend client = made.get();
        // what HTTP_PROXY sends for wrk's GET: the gateway's three headers and the client's (none but Host)
        Headers headers = Headers.of("X-Amzn-Apigateway-Api-Id", "a1b2c3", "User-Agent", "AmazonAPIGateway_a1b2c3",
                "X-Amzn-Trace-Id", "Root=1-6756f2a0-0123456789abcdef01234567");
        BackendRequest request = new BackendRequest("GET", URI.create("http://127.0.0.1:" + port + "/prod/hello"),
                headers, new byte[0], Duration.ofSeconds(29));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (running) {
                    if (client.exchange(request).status() != 200) throw new IllegalStateException("not 200");
                    done.incrementAndGet();
                }
            }));
        }
        try {
            Thread.sleep(warmup * 1000L);
            double[] cpu = new double[rounds];
            double[] alloc = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Map<Long, long[]> before = counted();
                long n0 = done.get();
                Thread.sleep((long) (roundSeconds * 1000));
                long n = done.get() - n0;
                Map<Long, long[]> after = counted();
                long c = 0;
                long b = 0;
                for (Map.Entry<Long, long[]> e : after.entrySet()) {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    c += e.getValue()[0] - was[0];
                    b += e.getValue()[1] - was[1];
                }
                cpu[r] = c / 1000.0 / n;
                alloc[r] = (double) b / n;
            }
            System.out.printf("%s.exchange: CPU %s us, allocated %s bytes per exchange (%d rounds of %.1f s after %d s"
                            + " warm-up, %d virtual-thread callers; load average %.2f on %d cores)%n",
                    type.getSimpleName(), stats(cpu), stats(alloc), rounds, roundSeconds, warmup, callers,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            running = false;
            for (Thread t : threads) t.join(5000);
            vertx.close().toCompletionStage().toCompletableFuture().get();
            backend.close();
        }
    }

    private static Class<?> backendClass() throws ClassNotFoundException {
        try {
            return Class.forName("dev.gatehouse.engine.integration.LoopHttpBackend");
        } catch (ClassNotFoundException e) {
            return Class.forName("dev.gatehouse.engine.integration.VertxHttpBackend");
        }
    }

    private static Map<Long, long[]> counted() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, long[]> out = new HashMap<>();
        long self = Thread.currentThread().threadId();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || info.getThreadId() == self || info.getThreadName().startsWith("bench-")) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            long bytes = threads.getThreadAllocatedBytes(info.getThreadId());
            if (cpu >= 0 && bytes >= 0) out.put(info.getThreadId(), new long[] {cpu, bytes});
        }
        return out;
    }

    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("median %.1f (min %.1f)", s[s.length / 2], s[0]);
    }
}
