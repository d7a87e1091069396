package dev.gatehouse.engine.observe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long request-log searches take over a full store: {@code entries} logged HTTP_PROXY requests (default
 * 1,000,000, {@link ObserveOptions#DEFAULTS}' row limit) of one stage over the last {@code minutes} minutes, written
 * as the writer writes them (blocks of {@link ObserveWriter#MAX_BLOCK_ENTRIES}, each with the execution log of
 * {@link ObserveBenchmarks#executionLogOfAProxyRequest}), 2% answered 4xx and 1% 5xx, one in 1,000 on another path;
 * then each search of {@code gatehouse logs} and the console's Logs page, timed (the searching thread's CPU time,
 * which a loaded machine does not stretch, and the wall clock; median of {@code runs} after one untimed run), on a
 * real SQLite file. Not run by surefire.
 *
 * <p>{@code java -cp <test classpath> dev.gatehouse.engine.observe.RequestLogSearchRunner [entries=1000000]
 * [minutes=60] [runs=5]}
 */
public final class RequestLogSearchRunner {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("log-search");
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("observe.db"))) {
            long now = System.currentTimeMillis();
            long start = now - minutes * 60_000L;
            String log = new ObserveBenchmarks().executionLogOfAProxyRequest();
            RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();
            String oldId = null;
            String recentId = null;
            long t0 = System.nanoTime();
            for (int i = 0; i < entries; ) {
                List<RequestLogStore.Pending> block = new ArrayList<>(ObserveWriter.MAX_BLOCK_ENTRIES);
                for (int k = 0; k < ObserveWriter.MAX_BLOCK_ENTRIES && i < entries; k++, i++) {
                    long ts = start + (long) i * (now - start) / entries;
                    int status = i % 100 == 37 ? 502 : i % 50 == 11 ? 404 : 200;
                    String path = i % 1000 == 500 ? "/prod/orders/" + i : "/prod/proxy/prod/hello";
                    String resource = i % 1000 == 500 ? "/orders/{id}" : "/proxy/{proxy+}";
                    String id = "c0ffee00-1111-2222-3333-" + (100000000000L + i);
                    if (i == entries / 100) oldId = id;
                    if (i == entries - 10) recentId = id;
                    RequestRecord r = new RequestRecord(ts, id, "Ab1Cd2Ef3Gh=", "a1b2c3d4e5", "prod", "d1", "r1", resource,
                            "GET", path, "HTTP/1.1", "127.0.0.1", null, "127.0.0.1", "127", null, null, null, null, status,
                            27, 900 + i % 5000, 600 + i % 5000, status, null, null, null, false, true, status >= 500, log);
                    block.add(new RequestLogStore.Pending(r, "INFO", log));
                }
                db.inTransaction(c -> RequestLogStore.insertBlocks(c, encoder, block));
            }
            System.out.printf("wrote %,d entries in %.1f s; store file %,d bytes%n", entries,
                    (System.nanoTime() - t0) / 1e9, Files.size(dir.resolve("observe.db")));

            RequestLogStore store = new RequestLogStore(db);
            RequestLogQuery stage = RequestLogQuery.stage("a1b2c3d4e5", "prod");
            time("newest 100 of the stage", runs, () -> store.search(stage));
            time("--since 10m (newest 100)", runs, () -> store.search(stage.withSince(now - 600_000)));
            time("--status 5xx (1%: newest 100)", runs, () -> store.search(stage.withStatus("5xx")));
            time("--status 503 (none: every entry read)", runs, () -> store.search(stage.withStatus("503")));
            RequestLogQuery recent = withRequestId(stage, recentId);
            RequestLogQuery old = withRequestId(stage, oldId);
            time("request id, recent", runs, () -> store.search(recent));
            time("request id, an hour old", runs, () -> store.search(old));
            time("--path '/orders/*' (0.1%: newest 100)", runs, () -> store.search(withPath(stage, "/orders/*")));
            time("--path '/nothing/*' (none: every entry read)", runs, () -> store.search(withPath(stage, "/nothing/*")));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RequestLogQuery withRequestId(RequestLogQuery q, String id) {
        return new RequestLogQuery(q.apiId(), q.stage(), null, null, null, null, null, id, null, null, null, null, q.limit());
    }

    private static RequestLogQuery withPath(RequestLogQuery q, String glob) {
        return new RequestLogQuery(q.apiId(), q.stage(), null, null, null, null, glob, null, null, null, null, null, q.limit());
    }

    private static void time(String what, int runs, Supplier<List<RequestLogEntry>> search) {
        int found = search.get().size(); // untimed: classes loaded, pages cached
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            search.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-48s %4d found   CPU median %8.1f ms   wall median %8.1f ms, worst %8.1f ms%n", what, found,
                cpu[runs / 2], ms[runs / 2], ms[runs - 1]);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
}
