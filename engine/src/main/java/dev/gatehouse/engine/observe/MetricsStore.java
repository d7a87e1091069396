package dev.gatehouse.engine.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metric buckets in the {@link ObserveDatabase}: one row per resolution (1 s or 60 s), API, stage, method
 * ({@code ""} for the stage as a whole, AWS's {@code ApiName, Stage} dimensions; {@code "GET /pets"} for a method)
 * and bucket start. The writer replaces a bucket's row with its whole state; readers merge rows into series and
 * summaries. Thread-safe through the database's monitor.
 */
public final class MetricsStore {

    /** The two resolutions kept, in seconds. */
    public static final int SECOND = 1;
    public static final int MINUTE = 60;

    /** One bucket's identity. {@code method} is "" for the stage. */
    public record Key(int resolution, String api, String stage, String method, long ts) { }

    private final ObserveDatabase db;

    public MetricsStore(ObserveDatabase db) {
        this.db = db;
    }

    /** Writer: stores each bucket's whole state (inside the caller's transaction). */
    static void write(Connection c, Map<Key, MetricBucket> buckets) throws SQLException {
        if (buckets.isEmpty()) return;
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO metrics (resolution, api, stage, method, "
                + "ts, count, e4xx, e5xx, hits, misses, latency, integration) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<Key, MetricBucket> e : buckets.entrySet()) {
                Key k = e.getKey();
                MetricBucket b = e.getValue();
                p.setInt(1, k.resolution());
                p.setString(2, k.api());
                p.setString(3, k.stage());
                p.setString(4, k.method());
                p.setLong(5, k.ts());
                p.setLong(6, b.count);
                p.setLong(7, b.errors4xx);
                p.setLong(8, b.errors5xx);
                p.setLong(9, b.cacheHits);
                p.setLong(10, b.cacheMisses);
                p.setBytes(11, MetricBucket.encode(b.latency));
                p.setBytes(12, MetricBucket.encode(b.integration));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Writer: a bucket written earlier (a late request for a bucket no longer in memory), or null. */
    MetricBucket load(Key k) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT count, e4xx, e5xx, hits, misses, latency, integration "
                    + "FROM metrics WHERE resolution=? AND api=? AND stage=? AND method=? AND ts=?")) {
                p.setInt(1, k.resolution());
                p.setString(2, k.api());
                p.setString(3, k.stage());
                p.setString(4, k.method());
                p.setLong(5, k.ts());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? bucket(r) : null;
                }
            }
        });
    }

    private static MetricBucket bucket(ResultSet r) throws SQLException {
        return MetricBucket.of(r.getLong("count"), r.getLong("e4xx"), r.getLong("e5xx"), r.getLong("hits"),
                r.getLong("misses"), r.getBytes("latency"), r.getBytes("integration"));
    }

    /**
     * The buckets of a stage ({@code method} null or "") or one method from {@code fromSecond} (inclusive) to
     * {@code toSecond} (exclusive), oldest first, at {@code resolution}; buckets without requests are absent.
     */
    public List<MetricPoint> series(String api, String stage, String method, long fromSecond, long toSecond, int resolution) {
        return db.read(c -> {
            List<MetricPoint> out = new ArrayList<>();
            try (PreparedStatement p = rangeQuery(c, api, stage, method, fromSecond, toSecond, resolution);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(bucket(r).point(r.getLong("ts")));
            }
            return out;
        });
    }

    /** All buckets of the range merged into one point (percentiles over every request in it). */
    public MetricPoint summary(String api, String stage, String method, long fromSecond, long toSecond, int resolution) {
        return db.read(c -> {
            MetricBucket total = new MetricBucket();
            try (PreparedStatement p = rangeQuery(c, api, stage, method, fromSecond, toSecond, resolution);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) total.merge(bucket(r));
            }
            return total.point(fromSecond);
        });
    }

    /** The methods with stored buckets of a stage in the range ({@code "GET /pets"}, sorted). */
    public List<String> methods(String api, String stage, long fromSecond, long toSecond, int resolution) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT method FROM metrics WHERE resolution=? "
                    + "AND api=? AND stage=? AND method<>'' AND ts>=? AND ts<? ORDER BY method")) {
                p.setInt(1, resolution);
                p.setString(2, api);
                p.setString(3, stage);
                p.setLong(4, fromSecond);
                p.setLong(5, toSecond);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    private static PreparedStatement rangeQuery(Connection c, String api, String stage, String method, long from,
                                                long to, int resolution) throws SQLException {
        PreparedStatement p = c.prepareStatement("SELECT ts, count, e4xx, e5xx, hits, misses, latency, integration "
                + "FROM metrics WHERE resolution=? AND api=? AND stage=? AND method=? AND ts>=? AND ts<? ORDER BY ts");
        p.setInt(1, resolution);
        p.setString(2, api);
        p.setString(3, stage);
        p.setString(4, method == null ? "" : method);
        p.setLong(5, from);
        p.setLong(6, to);
        return p;
    }

    /** Writer: drops buckets older than their resolution keeps them (inside the caller's transaction). */
    static int enforceRetention(Connection c, long secondsBefore, long minutesBefore) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM metrics WHERE (resolution=? AND ts<?) OR (resolution=? AND ts<?)")) {
            p.setInt(1, SECOND);
            p.setLong(2, secondsBefore);
            p.setInt(3, MINUTE);
            p.setLong(4, minutesBefore);
            return p.executeUpdate();
        }
    }

    /** Rows stored at a resolution (diagnostics, tests). */
    public long rows(int resolution) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM metrics WHERE resolution=?")) {
                p.setInt(1, resolution);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }
}
