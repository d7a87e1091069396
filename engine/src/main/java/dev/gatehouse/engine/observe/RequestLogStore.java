package dev.gatehouse.engine.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The request (execution) log in the {@link ObserveDatabase}: one row per logged request with its execution-log
 * text, searchable by time, status, method, path, request id, API key and latency. API keys are stored masked;
 * the text is stored in {@link ExecutionLog#storedText()}'s compact form and read back as text.
 * Thread-safe through the database's monitor.
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

    /** Writer: one row (inside the caller's transaction). */
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

    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO requests (ts, api, stage, request_id, http_method, resource_path, path, "
                + "status, latency_ms, integration_latency_ms, api_key_id, api_key, source_ip, level, log) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }

    /** Entries matching {@code q}: newest first, or oldest first after {@code q.afterId()}. */
    public List<RequestLogEntry> search(RequestLogQuery q) {
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
        return db.read(c -> {
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
        });
    }

    /** Writer: drops entries older than {@code beforeMillis} and all but the newest {@code maxRows}. */
    static int enforceRetention(Connection c, long beforeMillis, long maxRows) throws SQLException {
        int n;
        try (PreparedStatement p = c.prepareStatement("DELETE FROM requests WHERE ts<?")) {
            p.setLong(1, beforeMillis);
            n = p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM requests WHERE id <= (SELECT id FROM requests ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
            p.setLong(1, maxRows);
            n += p.executeUpdate();
        }
        return n;
    }

    /** Rows stored (diagnostics, tests). */
    public long rows() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM requests");
                 ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }
}
