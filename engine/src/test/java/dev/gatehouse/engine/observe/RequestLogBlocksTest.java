package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request log kept in blocks (one row per writer batch and stage): what goes in comes back, every search
 * filter returns what the former one-row-per-request table's SQL returned, retention, and stores written before.
 */
class RequestLogBlocksTest {

    @TempDir Path dir;

    /** A request with every stored field chosen. */
    private static RequestRecord record(String api, String stage, String method, String resource, String path,
                                        long millis, int status, long latencyMicros, long integrationMicros,
                                        String apiKeyId, String apiKey, String log) {
        return new RequestRecord(millis, "req-" + api + "-" + millis + "-" + status + "-" + latencyMicros, "x=", api,
                stage, "d1", "r1", resource, method, path, "HTTP/1.1", "10.0.0." + (millis % 7), "t/1", null, null,
                apiKeyId, apiKey, null, null, status, 10, latencyMicros, integrationMicros,
                integrationMicros < 0 ? -1 : 200, null, null, null, false, integrationMicros >= 0, status >= 500, log);
    }

    /** Batches as the writer makes them: each list one transaction; here each of one stage. */
    private static List<List<RequestRecord>> traffic() {
        String[] methods = {"GET", "POST", "DELETE", null};
        String[] resources = {"/pets/{id}", "/pets", "/ünïcode/[x]", null};
        String[] keys = {null, "abcdefghijklmnopqrst1234", "k", "zzzzzzzzzz5678"};
        List<List<RequestRecord>> batches = new ArrayList<>();
        long t = Records.TIME;
        int n = 0;
        for (int b = 0; b < 12; b++) {
            String api = b % 3 == 0 ? "api2" : "api1";
            String stage = b % 4 == 1 ? "beta" : "prod";
            List<RequestRecord> batch = new ArrayList<>();
            for (int i = 0; i < 1 + b * 3; i++, n++) {
                String resource = resources[n % resources.length];
                String path = resource == null ? "/" + stage + "/nowhere/" + n
                        : "/" + stage + resource.replace("{id}", Integer.toString(n));
                int status = new int[] {200, 201, 404, 403, 500, 502, 200, 304}[n % 8];
                // logs of 2 to 4 lines, a last one without a line break, some none (the lines are stored against
                // the previous log's)
                String log = n % 5 == 0 ? null : "Execution log for request req-" + n + "\n\u001e line ü " + n + "\n"
                        + (n % 3 == 0 ? "extra " + n + " of the same\nend" : n % 3 == 1 ? "" : "\n");
                // times not quite in order within a batch, as end order differs from arrival
                batch.add(record(api, stage, methods[n % methods.length], resource, path, t + n * 250L - (i % 3) * 100L,
                        status, 300L * n + 7, n % 3 == 0 ? -1 : 100L * n, n % 4 == 2 ? "key-" + n : null,
                        keys[n % keys.length], log));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static void writeBlocks(ObserveDatabase db, List<List<RequestRecord>> batches) {
        RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();
        for (List<RequestRecord> batch : batches) {
            List<RequestLogStore.Pending> logged = new ArrayList<>();
            for (RequestRecord r : batch) logged.add(new RequestLogStore.Pending(r, r.status() >= 500 ? "ERROR" : "INFO", r.executionLog()));
            db.inTransaction(c -> RequestLogStore.insertBlocks(c, encoder, logged));
        }
    }

    private static void writeRows(ObserveDatabase db, List<List<RequestRecord>> batches) {
        for (List<RequestRecord> batch : batches) {
            db.inTransaction(c -> {
                try (PreparedStatement p = RequestLogStore.prepareInsert(c)) {
                    for (RequestRecord r : batch) RequestLogStore.insert(p, r, r.status() >= 500 ? "ERROR" : "INFO", r.executionLog());
                    p.executeBatch();
                }
            });
        }
    }

    private static RequestLogQuery q(String api, String stage, Long from, Long to, String status, String method,
                                     String glob, String requestId, String apiKey, Double min, Double max, Long after,
                                     int limit) {
        return new RequestLogQuery(api, stage, from, to, status, method, glob, requestId, apiKey, min, max, after, limit);
    }

    @Test
    void everySearchFilterReturnsExactlyWhatTheFormerOneRowPerRequestTableReturned() {
        List<List<RequestRecord>> traffic = traffic();
        long t = Records.TIME;
        String someId = traffic.get(7).get(5).requestId();
        List<RequestLogQuery> queries = List.of(
                q(null, null, null, null, null, null, null, null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, null, null, null, null, null, null, 7),
                q("api1", "prod", null, null, null, null, null, null, null, null, null, null, 1000),
                q("api1", "beta", null, null, null, null, null, null, null, null, null, null, 3),
                q("api2", null, null, null, null, null, null, null, null, null, null, null, 1000),
                q(null, null, t + 5_000, t + 20_000, null, null, null, null, null, null, null, null, 1000),
                q("api1", "prod", t + 5_000, null, null, null, null, null, null, null, null, null, 10),
                q(null, null, null, null, "5xx", null, null, null, null, null, null, null, 1000),
                q(null, null, null, null, "4xx", null, null, null, null, null, null, null, 1000),
                q(null, null, null, null, "404", null, null, null, null, null, null, null, 1000),
                q(null, null, null, null, "3xx", null, null, null, null, null, null, null, 1000),
                q(null, null, null, null, null, "post", null, null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "/pets/*", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "/prod/pets/1?", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "/pets/{id}", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "*[x]*", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "/ü*", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "/nowhere/[0-3]*", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, "*[^0-9]", null, null, null, null, null, 1000),
                q(null, null, null, null, null, null, null, someId, null, null, null, null, 10),
                q("api1", "prod", null, null, null, null, null, someId, null, null, null, null, 10),
                q(null, null, null, null, null, null, null, "req-", null, null, null, null, 10),
                q(null, null, null, null, null, null, null, null, "abcdefghijklmnopqrst1234", null, null, null, 1000),
                q(null, null, null, null, null, null, null, null, "XXXXXXXXXXXXXXXXXXXX1234", null, null, null, 1000),
                q(null, null, null, null, null, null, null, null, "key-6", null, null, null, 1000),
                q(null, null, null, null, null, null, null, null, "k", null, null, null, 1000),
                q(null, null, null, null, null, null, null, null, null, 25.0, null, null, 1000),
                q(null, null, null, null, null, null, null, null, null, 3.607, 30.307, null, 1000),
                q(null, null, null, null, null, null, null, null, null, null, null, 0L, 9),
                q(null, null, null, null, null, null, null, null, null, null, null, 40L, 1000),
                q("api1", "prod", null, null, "2xx", "GET", "/prod/*", null, null, 1.0, null, 20L, 4));
        try (ObserveDatabase blocks = ObserveDatabase.open(dir.resolve("blocks.db"));
             ObserveDatabase rows = ObserveDatabase.open(dir.resolve("rows.db"))) {
            writeBlocks(blocks, traffic);
            writeRows(rows, traffic);
            RequestLogStore b = new RequestLogStore(blocks);
            RequestLogStore r = new RequestLogStore(rows);
            assertThat(b.blocks()).isEqualTo(12);
            assertThat(r.blocks()).isZero();
            int total = traffic.stream().mapToInt(List::size).sum(); // 1 + 4 + ... + 34 = 210
            assertThat(total).isEqualTo(210);
            assertThat(b.rows()).isEqualTo(total);
            for (RequestLogQuery query : queries) {
                assertThat(b.search(query)).as("%s", query).isEqualTo(r.search(query));
            }
            // and the filters did select something (not a comparison of two empty lists)
            assertThat(b.search(queries.get(0))).hasSize(210);
            assertThat(b.search(queries.get(7))).hasSize(52); // 500 and 502 at n % 8 = 4, 5: 26 full cycles of 8 in 0..209
            assertThat(b.search(queries.get(19))).singleElement().satisfies(e -> assertThat(e.requestId()).isEqualTo(someId));
            assertThat(b.search(queries.get(21))).isEmpty(); // a prefix of ids is no id
            assertThat(b.search(queries.get(28))).extracting(RequestLogEntry::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void anEntryComesBackWithEveryFieldAsStoredAndItsApiKeyMasked() {
        RequestRecord r = record("api1", "prod", "PUT", "/pets/{id}", "/prod/pets/ü7", Records.TIME, 502, 12_345,
                10_250, "key789", "abcdefghijklmnopqrst1234", null);
        RequestRecord noBackend = record("api1", "prod", "GET", "/", "/prod/", Records.TIME + 5, 200, 999, -1, null,
                null, "Execution log for request x\n");
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("o.db"))) {
            RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();
            db.inTransaction(c -> RequestLogStore.insertBlocks(c, encoder, List.of(
                    new RequestLogStore.Pending(r, "ERROR", "Execution log for request c0ffee\n"),
                    new RequestLogStore.Pending(noBackend, "INFO", null))));
            List<RequestLogEntry> found = new RequestLogStore(db).search(RequestLogQuery.stage("api1", "prod"));
            assertThat(found).containsExactly(
                    new RequestLogEntry(2, Records.TIME + 5, "api1", "prod", noBackend.requestId(), "GET", "/", "/prod/",
                            200, 0.999, null, null, null, "10.0.0." + ((Records.TIME + 5) % 7), "INFO", null),
                    new RequestLogEntry(1, Records.TIME, "api1", "prod", r.requestId(), "PUT", "/pets/{id}", "/prod/pets/ü7",
                            502, 12.345, 10.25, "key789", "********************1234", "10.0.0." + (Records.TIME % 7), "ERROR",
                            "Execution log for request c0ffee\n"));
        }
    }

    @Test
    void aBatchOfSeveralStagesBecomesOneBlockPerStageWithItsOwnRunOfIds() {
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("o.db"))) {
            List<RequestLogStore.Pending> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(new RequestLogStore.Pending(record(i % 2 == 0 ? "a" : "b", "prod", "GET", "/x", "/prod/x",
                        Records.TIME + i, 200, 1000, -1, null, null, null), "INFO", "log " + i + "\n"));
            }
            db.inTransaction(c -> RequestLogStore.insertBlocks(c, new RequestLogBlock.Encoder(), batch));
            RequestLogStore store = new RequestLogStore(db);
            assertThat(store.blocks()).isEqualTo(2);
            // stage a's entries (batch positions 0, 2, 4) get 1..3, b's 4..6
            assertThat(store.search(RequestLogQuery.stage("a", "prod"))).extracting(RequestLogEntry::id, RequestLogEntry::log)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "log 4\n"),
                            org.assertj.core.groups.Tuple.tuple(2L, "log 2\n"), org.assertj.core.groups.Tuple.tuple(1L, "log 0\n"));
            assertThat(store.search(RequestLogQuery.stage("b", "prod"))).extracting(RequestLogEntry::id)
                    .containsExactly(6L, 5L, 4L);
        }
    }

    @Test
    void retentionDeletesWholeBlocksByAgeRewritesTheOneTheCutoffCrossesAndKeepsTheNewestRows() {
        long day = 86_400_000L;
        long now = Records.TIME;
        List<List<RequestRecord>> batches = List.of(
                times(now - 3 * day, 10, 1),                  // ids 1..10: all older than a day
                straddling(now - day),                         // ids 11..20: 11..14 before the cutoff, 15..20 after
                times(now, 10, 1));                            // ids 21..30
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("o.db"))) {
            writeBlocks(db, batches);
            RequestLogStore store = new RequestLogStore(db);
            assertThat(store.rows()).isEqualTo(30);

            long[] gone = new long[1];
            db.inTransaction(c -> gone[0] = RequestLogStore.enforceRetention(c, now - day, 1000));
            assertThat(gone[0]).isEqualTo(14);
            assertThat(store.blocks()).isEqualTo(2);
            assertThat(ids(store)).containsExactlyElementsOf(range(30, 15));

            db.inTransaction(c -> gone[0] = RequestLogStore.enforceRetention(c, now - day, 13));
            assertThat(gone[0]).isEqualTo(3); // 16 left, 13 kept: 15, 16, 17 go
            assertThat(store.rows()).isEqualTo(13);
            assertThat(ids(store)).containsExactlyElementsOf(range(30, 18));
            // the rewritten block still answers every search: its entries kept their ids, times and logs
            assertThat(store.search(q(null, null, null, null, null, null, null, null, null, null, null, 17L, 100)))
                    .extracting(RequestLogEntry::id).containsExactlyElementsOf(range(18, 30));
            assertThat(store.search(q(null, null, now - day + 3, now - day + 4, null, null, null, null, null, null, null, null, 10)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.id()).isEqualTo(18); // offsets 0, 2, 1, 3: the fourth of the block, 3 ms after
                        assertThat(e.log()).isEqualTo("log " + (now - day + 3) + "\n");
                    });

            db.inTransaction(c -> gone[0] = RequestLogStore.enforceRetention(c, now - day, 10));
            assertThat(gone[0]).isEqualTo(3); // the straddling block's last three: the block goes whole
            assertThat(store.blocks()).isEqualTo(1);
            assertThat(ids(store)).containsExactlyElementsOf(range(30, 21));
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    /**
     * A block of captured logs (as the served path stores them) that the retention cutoff crosses is rewritten with
     * its newer entries, whose logs read back as before: each as {@link ExecutionLog} writes its trace, with and
     * without data.
     */
    @Test
    void retentionRewritesABlockOfCapturedLogsAndTheKeptOnesReadAsBefore() {
        long cutoff = Records.TIME;
        List<RequestLogStore.Pending> logged = new ArrayList<>();
        java.util.Map<String, String> expected = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            long t = cutoff - 5 + i;
            ExecutionTrace trace = new ExecutionTrace();
            trace.requestStart(t, "req-" + i);
            trace.methodRequest(t, "GET", "/a/" + i, java.util.Map.of("id", Integer.toString(i)),
                    dev.gatehouse.engine.pipeline.QueryParams.empty(),
                    dev.gatehouse.engine.pipeline.Headers.of("Host", "h", "Authorization", "Bearer secret-" + i), null);
            trace.requestEnd(t + 1, 200);
            RequestRecord r = new RequestRecord(t, "req-" + i, "x=", "api1", "prod", "d1", "r1", "/a/{id}", "GET", "/prod/a/" + i,
                    "HTTP/1.1", "10.0.0.1", "t/1", null, null, null, null, null, null, 200, 10, 1000, -1, -1, null, null,
                    null, false, false, false, null, trace);
            boolean data = i % 2 == 0;
            logged.add(new RequestLogStore.Pending(r, "INFO", null, trace, data));
            ExecutionLog reference = new ExecutionLog(java.time.Clock.systemUTC()).replay(trace);
            expected.put("req-" + i, ExecutionLogText.expand(data ? reference.storedText() : ExecutionLogText.withoutData(reference.text())));
        }
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("o.db"))) {
            db.inTransaction(c -> RequestLogStore.insertBlocks(c, new RequestLogBlock.Encoder(), logged));
            long[] gone = new long[1];
            db.inTransaction(c -> gone[0] = RequestLogStore.enforceRetention(c, cutoff, 1000));
            assertThat(gone[0]).isEqualTo(5);
            List<RequestLogEntry> kept = new RequestLogStore(db).search(q(null, null, null, null, null, null, null, null,
                    null, null, null, null, 100));
            assertThat(kept).extracting(RequestLogEntry::requestId).containsExactly("req-9", "req-8", "req-7", "req-6", "req-5");
            for (RequestLogEntry e : kept) {
                assertThat(e.log()).as(e.requestId()).isEqualTo(expected.get(e.requestId())).doesNotContain("secret");
            }
            assertThat(kept.get(0).log()).doesNotContain("Method request headers"); // req-9: without data
            assertThat(kept.get(1).log()).contains("Authorization=" + "*".repeat(9) + "cret-8"); // req-8: with data, masked (15 characters)
        }
    }

    /** {@code count} requests from {@code start}, {@code step} ms apart. */
    private static List<RequestRecord> times(long start, int count, long step) {
        List<RequestRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = start + i * step;
            out.add(record("api1", "prod", "GET", "/a", "/prod/a", t, 200, 1000, -1, null, null, "log " + t + "\n"));
        }
        return out;
    }

    /** Ten requests around {@code cutoff}: four before it (-4..-1 ms), six from it on (0..5 ms), ends out of order. */
    private static List<RequestRecord> straddling(long cutoff) {
        List<RequestRecord> out = new ArrayList<>();
        long[] offsets = {-3, -4, -1, -2, 0, 2, 1, 3, 5, 4};
        for (long o : offsets) out.add(times(cutoff + o, 1, 1).get(0));
        return out;
    }

    private static List<Long> ids(RequestLogStore store) {
        return store.search(q(null, null, null, null, null, null, null, null, null, null, null, null, 1000)).stream()
                .map(RequestLogEntry::id).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        if (from <= to) for (long i = from; i <= to; i++) out.add(i);
        else for (long i = from; i >= to; i--) out.add(i);
        return out;
    }

    @Test
    void aStoreWrittenBeforeBlocksKeepsItsRowsSearchableAlongsideNewBlocksAndRetiresThemFirst() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // the schema and rows as the one-row-per-request store wrote them
            s.execute("CREATE TABLE requests (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, api TEXT NOT NULL, "
                    + "stage TEXT NOT NULL, request_id TEXT NOT NULL, http_method TEXT, resource_path TEXT, path TEXT, "
                    + "status INTEGER NOT NULL, latency_ms REAL NOT NULL, integration_latency_ms REAL, api_key_id TEXT, "
                    + "api_key TEXT, source_ip TEXT, level TEXT NOT NULL, log TEXT)");
            s.execute("CREATE INDEX requests_by_stage ON requests (api, stage, ts)");
            s.execute("CREATE INDEX requests_by_ts_id ON requests (ts, request_id)");
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO requests (ts, api, stage, request_id, http_method, resource_path, path, status, "
                        + "latency_ms, level, log) VALUES (" + (Records.TIME + i) + ", 'api1', 'prod', 'old-" + i
                        + "', 'GET', '/a', '/prod/a', " + (i == 3 ? 500 : 200) + ", 1.5, 'INFO', 'old log " + i + "\n')");
            }
        }
        try (ObserveDatabase db = ObserveDatabase.open(file)) {
            writeBlocks(db, List.of(times(Records.TIME + 100, 4, 1)));
            RequestLogStore store = new RequestLogStore(db);
            assertThat(store.rows()).isEqualTo(9);
            assertThat(ids(store)).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(store.search(RequestLogQuery.stage("api1", "prod").withStatus("5xx"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.requestId()).isEqualTo("old-3");
                        assertThat(e.log()).isEqualTo("old log 3\n");
                    });
            assertThat(store.search(q("api1", "prod", null, null, null, null, null, null, null, null, null, 3L, 4)))
                    .extracting(RequestLogEntry::id).containsExactly(4L, 5L, 6L, 7L);

            db.inTransaction(c -> RequestLogStore.enforceRetention(c, 0, 6));
            assertThat(ids(store)).containsExactly(9L, 8L, 7L, 6L, 5L, 4L); // the three oldest rows went
            db.inTransaction(c -> RequestLogStore.enforceRetention(c, 0, 3));
            assertThat(ids(store)).containsExactly(9L, 8L, 7L); // then the rest of them and the block's first
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void globMatchesAsSqliteGlobDoes() throws Exception {
        List<String> patterns = List.of("*", "", "?", "a*", "*a", "a?c", "[abc]", "[^abc]", "[a-c]x", "[]]", "[]a]*",
                "[^]]", "[a-]", "[-a]", "*[0-9]", "/pets/*", "/pets/[!1]", "[", "a[b", "*?*", "**a**", "?ü", "[ü]",
                "a-c", "[z-a]", "*.json", "/prod/*/x?", "[]-a]");
        List<String> strings = List.of("", "a", "abc", "b", "]", "-", "x", "bx", "dx", "a1", "/pets/1", "/pets/!",
                "/pets/12", "üü", "ü", "aa", "a.json", "/prod/y/x1", "A", "[", "a[b", "a-c", "]a");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             PreparedStatement p = c.prepareStatement("SELECT ? GLOB ?")) {
            for (String pattern : patterns) {
                for (String s : strings) {
                    p.setString(1, s);
                    p.setString(2, pattern);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        assertThat(Glob.matches(pattern, s)).as("'%s' GLOB '%s'", s, pattern).isEqualTo(r.getInt(1) == 1);
                    }
                }
            }
        }
        assertThat(Glob.matches("*", null)).isFalse();
    }

    @Test
    void aLogRepeatingThePreviousEntrysLinesCostsAFewBytesAnEntry() {
        long withLogs = blockBytes("Execution log for request \u0001" + "x".repeat(1000) + "\n\u001e line\n");
        long without = blockBytes(null);
        // 400 entries: the first log whole (1,041 bytes), then per entry a line count and 3 varints per line
        assertThat(withLogs - without).isLessThanOrEqualTo(1041 + 7 + 399 * 7);
    }

    private long blockBytes(String log) {
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve(log == null ? "none.db" : "logs.db"))) {
            List<RequestRecord> batch = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                batch.add(record("api1", "prod", "GET", "/a", "/prod/a", Records.TIME + i, 200, 1000, -1, null, null, log));
            }
            writeBlocks(db, List.of(batch));
            assertThat(new RequestLogStore(db).search(RequestLogQuery.stage("api1", "prod"))).hasSize(100) // the default limit
                    .allSatisfy(e -> assertThat(e.log()).isEqualTo(log));
            return db.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT length(data), n FROM request_blocks")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getLong(2)).isEqualTo(400);
                    return r.getLong(1);
                }
            });
        }
    }
}
