package dev.gatehouse.engine.observe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request (execution) log in the {@link ObserveDatabase}, searchable by time, status, method, path, request
 * id, API key and latency. API keys are stored masked; the text is stored in {@link ExecutionLog#storedText()}'s
 * compact form and read back as text. Thread-safe through the database's monitor.
 *
 * <p>Stored in blocks: the writer keeps each batch's entries of one stage as one row of {@code request_blocks}
 * ({@link RequestLogBlock}: entries one after another, each log as its lines against the previous one's), with the
 * block's stage, id range ({@code first_id..last_id}), time range ({@code min_ts..max_ts}), entry count and its
 * request ids unpacked; one
 * row and two index entries per batch instead of per request (what a logged request cost the writer). A search
 * picks the candidate blocks by stage and time range (and request id) in SQL and applies every filter to the
 * decoded entries. Entries get increasing ids in batch order, each block a run of its own; ids never overlap
 * between blocks, so newest first is blocks by {@code first_id} descending.
 *
 * <p>Stores written before blocks keep their one-row-per-request table {@code requests}: its rows are searched
 * (with the same SQL as before) and merged by id, counted and retired by the same limits until retention empties it;
 * new entries get ids above its rows'.
 */
public final class RequestLogStore {

    private final ObserveDatabase db;

    public RequestLogStore(ObserveDatabase db) {
        this.db = db;
    }

    /** All but the last 4 characters of an API key replaced by {@code *}. */
    public static String maskApiKey(String key) {
        if (key == null) return null;
        int keep = Math.min(4, key.length());
        return "*".repeat(key.length() - keep) + key.substring(key.length() - keep);
    }

    /**
     * One request the writer logs: the record, the level it was logged at and the execution log as stored, or
     * (when {@code log} is null) the captured trace whose stored log the block encoder writes itself.
     */
    record Pending(RequestRecord record, String level, String log, ExecutionTrace trace, boolean data) {
        Pending(RequestRecord record, String level, String log) {
            this(record, level, log, null, true);
        }

        Pending(RequestRecord record, String level, String log, ExecutionTrace trace) {
            this(record, level, log, trace, true);
        }
    }

    /**
     * Writer: the batch's logged requests as one block per stage, in the order their stages first appear (inside
     * the caller's transaction). Ids continue after the store's highest.
     */
    static void insertBlocks(Connection c, RequestLogBlock.Encoder encoder, List<Pending> logged) throws SQLException {
        if (logged.isEmpty()) return;
        Map<String, List<Pending>> byStage = new LinkedHashMap<>();
        Pending single = logged.get(0);
        boolean oneStage = true;
        for (Pending p : logged) {
            if (!p.record().apiId().equals(single.record().apiId()) || !p.record().stage().equals(single.record().stage())) {
                oneStage = false;
                break;
            }
        }
        if (oneStage) {
            byStage.put("", logged);
        } else {
            for (Pending p : logged) {
                byStage.computeIfAbsent(p.record().apiId() + "/" + p.record().stage(), k -> new ArrayList<>()).add(p);
            }
        }
        long next = nextId(c);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO request_blocks (first_id, last_id, api, stage, "
                + "min_ts, max_ts, n, ids, data) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (List<Pending> entries : byStage.values()) {
                long minTs = Long.MAX_VALUE;
                for (Pending p : entries) minTs = Math.min(minTs, p.record().requestTimeMillis());
                encoder.start(next, minTs);
                for (Pending p : entries) {
                    RequestRecord r = p.record();
                    encoder.add(next++, r.requestTimeMillis(), r.requestId(), r.httpMethod(), r.resourcePath(), r.path(),
                            r.status(), r.latencyMicros(), r.integrationMicros(), r.apiKeyId(), maskApiKey(r.apiKey()),
                            r.sourceIp(), p.level(), p.log(), p.trace(), p.data());
                }
                RequestRecord first = entries.get(0).record();
                bind(insert, encoder, first.apiId(), first.stage());
                insert.executeUpdate();
            }
        }
    }

    /**
     * A block the writer encoded ahead of its commit, its entries numbered from 0 (a block stores ids relative to
     * its {@code first_id}, so its bytes do not depend on the ids it gets); {@code minTs} is its encoding's base.
     */
    record Encoded(String api, String stage, int count, long minTs, long maxTs, byte[] ids, byte[] data) { }

    /** Writer: blocks encoded ahead, in order, each given the next run of ids (inside the caller's transaction). */
    static void insertEncoded(Connection c, List<Encoded> blocks) throws SQLException {
        if (blocks.isEmpty()) return;
        long next = nextId(c);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO request_blocks (first_id, last_id, api, stage, "
                + "min_ts, max_ts, n, ids, data) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (Encoded b : blocks) {
                p.setLong(1, next);
                p.setLong(2, next + b.count() - 1);
                p.setString(3, b.api());
                p.setString(4, b.stage());
                p.setLong(5, b.minTs());
                p.setLong(6, b.maxTs());
                p.setInt(7, b.count());
                p.setBytes(8, b.ids());
                p.setBytes(9, b.data());
                p.executeUpdate();
                next += b.count();
            }
        }
    }

    private static void bind(PreparedStatement p, RequestLogBlock.Encoder e, String api, String stage) throws SQLException {
        p.setLong(1, e.firstId);
        p.setLong(2, e.lastId);
        p.setString(3, api);
        p.setString(4, stage);
        p.setLong(5, e.minTs);
        p.setLong(6, e.maxTs);
        p.setInt(7, e.count);
        p.setBytes(8, e.ids());
        p.setBytes(9, e.data());
    }

    /** The id after the highest stored, in blocks or in the former table. */
    private static long nextId(Connection c) throws SQLException {
        long max = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT last_id FROM request_blocks ORDER BY first_id DESC LIMIT 1");
             ResultSet r = p.executeQuery()) {
            if (r.next()) max = r.getLong(1);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(id) FROM requests"); ResultSet r = p.executeQuery()) {
            if (r.next()) max = Math.max(max, r.getLong(1));
        }
        return max + 1;
    }

    /** Former layout, one row per request (inside the caller's transaction): stores written before blocks, tests. */
    static void insert(PreparedStatement p, RequestRecord r, String level, String log) throws SQLException {
        p.setLong(1, r.requestTimeMillis());
        p.setString(2, r.apiId());
        p.setString(3, r.stage());
        p.setString(4, r.requestId());
        p.setString(5, r.httpMethod());
        p.setString(6, r.resourcePath());
        p.setString(7, r.path());
        p.setInt(8, r.status());
        p.setDouble(9, r.latencyMicros() / 1000.0);
        if (r.integrationMicros() < 0) p.setNull(10, Types.REAL);
        else p.setDouble(10, r.integrationMicros() / 1000.0);
        p.setString(11, r.apiKeyId());
        p.setString(12, maskApiKey(r.apiKey()));
        p.setString(13, r.sourceIp());
        p.setString(14, level);
        p.setString(15, log);
        p.addBatch();
    }

    /** Former layout's insert statement (see {@link #insert}). */
    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO requests (ts, api, stage, request_id, http_method, resource_path, path, "
                + "status, latency_ms, integration_latency_ms, api_key_id, api_key, source_ip, level, log) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }

    /** Entries matching {@code q}: newest first, or oldest first after {@code q.afterId()}. */
    public List<RequestLogEntry> search(RequestLogQuery q) {
        return db.read(c -> {
            boolean ascending = q.afterId() != null;
            List<RequestLogEntry> out = new ArrayList<>(searchBlocks(c, q));
            out.addAll(searchRows(c, q));
            Comparator<RequestLogEntry> byId = Comparator.comparingLong(RequestLogEntry::id);
            out.sort(ascending ? byId : byId.reversed());
            return out.size() > q.limit() ? new ArrayList<>(out.subList(0, q.limit())) : out;
        });
    }

    /** Up to {@code q.limit()} matching entries of the blocks, in the search's order. */
    private static List<RequestLogEntry> searchBlocks(Connection c, RequestLogQuery q) throws SQLException {
        boolean ascending = q.afterId() != null;
        StringBuilder sql = new StringBuilder("SELECT first_id, api, stage, min_ts FROM request_blocks WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.apiId() != null) { sql.append(" AND api=?"); args.add(q.apiId()); }
        if (q.stage() != null) { sql.append(" AND stage=?"); args.add(q.stage()); }
        if (q.fromMillis() != null) { sql.append(" AND max_ts>=?"); args.add(q.fromMillis()); }
        if (q.toMillis() != null) { sql.append(" AND min_ts<?"); args.add(q.toMillis()); }
        if (q.requestId() != null) {
            // the unpacked ids: only blocks holding the id are decoded
            sql.append(" AND instr(ids, ?)>0");
            args.add((q.requestId() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (q.afterId() != null) { sql.append(" AND last_id>?"); args.add(q.afterId()); }
        sql.append(ascending ? " ORDER BY first_id ASC" : " ORDER BY first_id DESC");
        Filter filter = new Filter(q);
        List<RequestLogEntry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql.toString());
             PreparedStatement data = c.prepareStatement("SELECT data FROM request_blocks WHERE first_id=?")) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof byte[] b) p.setBytes(i + 1, b);
                else p.setObject(i + 1, args.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                // blocks hold disjoint id runs: once enough entries are found, later blocks only hold worse ones
                while (out.size() < q.limit() && r.next()) {
                    long firstId = r.getLong(1);
                    String api = r.getString(2);
                    String stage = r.getString(3);
                    long minTs = r.getLong(4);
                    data.setLong(1, firstId);
                    byte[] stored;
                    try (ResultSet d = data.executeQuery()) {
                        if (!d.next()) continue;
                        stored = d.getBytes(1);
                    }
                    List<RequestLogEntry> found = new ArrayList<>();
                    RequestLogBlock.Cursor e = new RequestLogBlock.Cursor(stored, firstId, minTs);
                    while (e.next()) {
                        if (filter.matches(e, stage)) found.add(entry(e, api, stage));
                    }
                    if (!ascending) java.util.Collections.reverse(found);
                    out.addAll(found);
                }
            }
        }
        return out.size() > q.limit() ? new ArrayList<>(out.subList(0, q.limit())) : out;
    }

    private static RequestLogEntry entry(RequestLogBlock.Cursor e, String api, String stage) {
        return new RequestLogEntry(e.id, e.ts, api, stage, e.requestId(), e.httpMethod(), e.resourcePath(), e.path(),
                e.status, e.latencyMicros / 1000.0, e.integrationMicros < 0 ? null : e.integrationMicros / 1000.0,
                e.apiKeyId(), e.apiKey(), e.sourceIp(), e.level(), ExecutionLogText.expand(e.storedLog()));
    }

    /**
     * A query's conditions on one decoded entry, as the former table's SQL states them ({@link #searchRows}):
     * same comparisons, same NULL behaviour (a null column matches no condition on it), SQLite's GLOB.
     */
    private static final class Filter {
        private final RequestLogQuery q;
        private final int statusFrom;
        private final int statusTo;
        private final String maskedKey;

        Filter(RequestLogQuery q) {
            this.q = q;
            if (q.status() == null) {
                statusFrom = Integer.MIN_VALUE;
                statusTo = Integer.MAX_VALUE;
            } else if (q.status().endsWith("xx")) {
                int cls = q.status().charAt(0) - '0';
                statusFrom = cls * 100;
                statusTo = cls * 100 + 99;
            } else {
                statusFrom = Integer.parseInt(q.status());
                statusTo = statusFrom;
            }
            this.maskedKey = maskApiKey(q.apiKey());
        }

        boolean matches(RequestLogBlock.Cursor e, String stage) {
            if (q.fromMillis() != null && e.ts < q.fromMillis()) return false;
            if (q.toMillis() != null && e.ts >= q.toMillis()) return false;
            if (e.status < statusFrom || e.status > statusTo) return false;
            if (q.method() != null && !q.method().equals(e.httpMethod())) return false;
            if (q.pathGlob() != null && !(Glob.matches(q.pathGlob(), e.path())
                    || Glob.matches(q.pathGlob(), e.resourcePath())
                    || Glob.matches(q.pathGlob(), withoutStage(e.path(), stage)))) return false;
            if (q.requestId() != null && !q.requestId().equals(e.requestId())) return false;
            if (q.apiKey() != null && !(maskedKey.equals(e.apiKey()) || q.apiKey().equals(e.apiKeyId()))) return false;
            double latencyMs = e.latencyMicros / 1000.0;
            if (q.minLatencyMs() != null && !(latencyMs >= q.minLatencyMs())) return false;
            if (q.maxLatencyMs() != null && !(latencyMs <= q.maxLatencyMs())) return false;
            if (q.afterId() != null && e.id <= q.afterId()) return false;
            return true;
        }

        /** SQL's {@code substr(path, length(stage) + 2)}: the path after {@code /stage}, in characters. */
        private static String withoutStage(String path, String stage) {
            if (path == null) return null;
            int skip = stage.codePointCount(0, stage.length()) + 1;
            int cps = path.codePointCount(0, path.length());
            if (skip >= cps) return "";
            return path.substring(path.offsetByCodePoints(0, skip));
        }
    }

    /** The matching rows of the former one-row-per-request table (stores written before blocks). */
    private static List<RequestLogEntry> searchRows(Connection c, RequestLogQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM requests WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.apiId() != null) { sql.append(" AND api=?"); args.add(q.apiId()); }
        if (q.stage() != null) { sql.append(" AND stage=?"); args.add(q.stage()); }
        if (q.fromMillis() != null) { sql.append(" AND ts>=?"); args.add(q.fromMillis()); }
        if (q.toMillis() != null) { sql.append(" AND ts<?"); args.add(q.toMillis()); }
        if (q.status() != null) {
            if (q.status().endsWith("xx")) {
                int cls = q.status().charAt(0) - '0';
                sql.append(" AND status>=? AND status<?");
                args.add(cls * 100);
                args.add(cls * 100 + 100);
            } else {
                sql.append(" AND status=?");
                args.add(Integer.parseInt(q.status()));
            }
        }
        if (q.method() != null) { sql.append(" AND http_method=?"); args.add(q.method()); }
        if (q.pathGlob() != null) {
            sql.append(" AND (path GLOB ? OR resource_path GLOB ? OR substr(path, length(stage) + 2) GLOB ?)");
            args.add(q.pathGlob());
            args.add(q.pathGlob());
            args.add(q.pathGlob());
        }
        if (q.requestId() != null) {
            // the ids are found by scanning the (ts, request_id) index, not the table nor a stage's rows
            sql.append(" AND id IN (SELECT id FROM requests INDEXED BY requests_by_ts_id WHERE ts>=? AND request_id=?)");
            args.add(q.fromMillis() != null ? q.fromMillis() : Long.MIN_VALUE);
            args.add(q.requestId());
        }
        if (q.apiKey() != null) {
            sql.append(" AND (api_key=? OR api_key_id=?)");
            args.add(maskApiKey(q.apiKey()));
            args.add(q.apiKey());
        }
        if (q.minLatencyMs() != null) { sql.append(" AND latency_ms>=?"); args.add(q.minLatencyMs()); }
        if (q.maxLatencyMs() != null) { sql.append(" AND latency_ms<=?"); args.add(q.maxLatencyMs()); }
        if (q.afterId() != null) {
            sql.append(" AND id>? ORDER BY id ASC");
            args.add(q.afterId());
        } else {
            sql.append(" ORDER BY id DESC");
        }
        sql.append(" LIMIT ?");
        args.add(q.limit());
        {
            List<RequestLogEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        double integration = r.getDouble("integration_latency_ms");
                        Double il = r.wasNull() ? null : integration;
                        out.add(new RequestLogEntry(r.getLong("id"), r.getLong("ts"), r.getString("api"),
                                r.getString("stage"), r.getString("request_id"), r.getString("http_method"),
                                r.getString("resource_path"), r.getString("path"), r.getInt("status"),
                                r.getDouble("latency_ms"), il, r.getString("api_key_id"), r.getString("api_key"),
                                r.getString("source_ip"), r.getString("level"),
                                ExecutionLogText.expand(r.getString("log"))));
                    }
                }
            }
            return out;
        }
    }

    /**
     * Writer: drops entries older than {@code beforeMillis} and all but the newest {@code maxRows} (inside the
     * caller's transaction); returns how many went. Whole blocks go by their newest time or their place; a block
     * the limit cuts through is rewritten with the entries it keeps (one a minute at most: the retention's pace).
     */
    static long enforceRetention(Connection c, long beforeMillis, long maxRows) throws SQLException {
        long n;
        try (PreparedStatement p = c.prepareStatement("DELETE FROM requests WHERE ts<?")) {
            p.setLong(1, beforeMillis);
            n = p.executeUpdate();
        }
        n += sum(c, "SELECT COALESCE(SUM(n), 0) FROM request_blocks WHERE max_ts<?", beforeMillis);
        try (PreparedStatement p = c.prepareStatement("DELETE FROM request_blocks WHERE max_ts<?")) {
            p.setLong(1, beforeMillis);
            p.executeUpdate();
        }
        List<long[]> straddling = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT first_id FROM request_blocks WHERE min_ts<?")) {
            p.setLong(1, beforeMillis);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) straddling.add(new long[] {r.getLong(1)});
            }
        }
        for (long[] b : straddling) n += rewrite(c, b[0], e -> e.ts >= beforeMillis);

        // the row limit: the oldest entries go, the former table's rows (older than every block) first
        long legacy = sum(c, "SELECT COUNT(*) FROM requests", null);
        long excess = legacy + sum(c, "SELECT COALESCE(SUM(n), 0) FROM request_blocks", null) - maxRows;
        if (excess <= 0) return n;
        if (legacy > 0) {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM requests WHERE id IN (SELECT id FROM requests ORDER BY id LIMIT ?)")) {
                p.setLong(1, Math.min(excess, legacy));
                int gone = p.executeUpdate();
                n += gone;
                excess -= gone;
            }
        }
        List<long[]> oldest = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT first_id, n FROM request_blocks ORDER BY first_id");
             ResultSet r = p.executeQuery()) {
            long left = excess;
            while (left > 0 && r.next()) {
                oldest.add(new long[] {r.getLong(1), r.getLong(2)});
                left -= r.getLong(2);
            }
        }
        for (long[] b : oldest) {
            if (excess <= 0) break;
            if (b[1] <= excess) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM request_blocks WHERE first_id=?")) {
                    p.setLong(1, b[0]);
                    p.executeUpdate();
                }
                n += b[1];
                excess -= b[1];
            } else {
                long[] dropped = {0};
                long drop = excess;
                n += rewrite(c, b[0], e -> dropped[0]++ >= drop); // entries are in id order: the first ones go
                excess = 0;
            }
        }
        return n;
    }

    private static long sum(Connection c, String sql, Long arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (arg != null) p.setLong(1, arg);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** Rewrites block {@code firstId} with the entries {@code keep} accepts (deletes it when none); how many went. */
    private static long rewrite(Connection c, long firstId, java.util.function.Predicate<RequestLogBlock.Cursor> keep)
            throws SQLException {
        String api;
        String stage;
        long minTs;
        byte[] stored;
        try (PreparedStatement p = c.prepareStatement("SELECT api, stage, min_ts, data FROM request_blocks WHERE first_id=?")) {
            p.setLong(1, firstId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return 0;
                api = r.getString(1);
                stage = r.getString(2);
                minTs = r.getLong(3);
                stored = r.getBytes(4);
            }
        }
        record Kept(long id, long ts, String requestId, String httpMethod, String resourcePath, String path, int status,
                    long latencyMicros, long integrationMicros, String apiKeyId, String apiKey, String sourceIp,
                    String level, String log) { }
        List<Kept> kept = new ArrayList<>();
        int total = 0;
        RequestLogBlock.Cursor e = new RequestLogBlock.Cursor(stored, firstId, minTs);
        while (e.next()) {
            total++;
            if (keep.test(e)) {
                kept.add(new Kept(e.id, e.ts, e.requestId(), e.httpMethod(), e.resourcePath(), e.path(), e.status,
                        e.latencyMicros, e.integrationMicros, e.apiKeyId(), e.apiKey(), e.sourceIp(), e.level(),
                        e.storedLog()));
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM request_blocks WHERE first_id=?")) {
            p.setLong(1, firstId);
            p.executeUpdate();
        }
        if (!kept.isEmpty()) {
            RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();
            encoder.start(kept.get(0).id(), kept.stream().mapToLong(Kept::ts).min().orElseThrow());
            for (Kept k : kept) {
                encoder.add(k.id(), k.ts(), k.requestId(), k.httpMethod(), k.resourcePath(), k.path(), k.status(),
                        k.latencyMicros(), k.integrationMicros(), k.apiKeyId(), k.apiKey(), k.sourceIp(), k.level(), k.log());
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO request_blocks (first_id, last_id, api, stage, "
                    + "min_ts, max_ts, n, ids, data) VALUES (?,?,?,?,?,?,?,?,?)")) {
                bind(p, encoder, api, stage);
                p.executeUpdate();
            }
        }
        return total - kept.size();
    }

    /** Entries stored (diagnostics, tests). */
    public long rows() {
        return db.read(c -> sum(c, "SELECT (SELECT COUNT(*) FROM requests) + "
                + "(SELECT COALESCE(SUM(n), 0) FROM request_blocks)", null));
    }

    /** Blocks stored (diagnostics, tests). */
    long blocks() {
        return db.read(c -> sum(c, "SELECT COUNT(*) FROM request_blocks", null));
    }
}
