package dev.gatehouse.engine.observe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The workspace's observability store, {@code .gatehouse/observe.db} (SQLite through its JDBC driver): metric
 * buckets and the request (execution) log (in blocks, {@link RequestLogStore}). WAL journal, so readers (the CLI, the console) never wait for the
 * writer, and a killed writer loses at most the transaction it was writing: the file always opens clean.
 * {@code synchronous=NORMAL}: committed batches survive a process kill (a power loss may cost the last few).
 *
 * <p>One connection, used under this object's monitor by {@link MetricsStore} and {@link RequestLogStore}.
 */
public final class ObserveDatabase implements AutoCloseable {

    /** The file name under {@code .gatehouse/}. */
    public static final String FILE = "observe.db";

    final Connection connection;
    private final Path file;

    private ObserveDatabase(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** The store of the workspace at {@code root}. */
    public static ObserveDatabase openWorkspace(Path root) {
        return open(root.resolve(".gatehouse").resolve(FILE));
    }

    /** Opens (creating if needed) {@code file}. @throws IllegalStateException naming the file when it cannot */
    public static ObserveDatabase open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                // 16 KB pages for a new store (an existing one keeps its own): a quarter of the WAL frames, page
                // writes and checkpoint copies per request-log row; ~20% less CPU per row (6.8 -> 5.4 us)
                s.execute("PRAGMA page_size=16384");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS metrics (resolution INTEGER NOT NULL, api TEXT NOT NULL, "
                        + "stage TEXT NOT NULL, method TEXT NOT NULL, ts INTEGER NOT NULL, count INTEGER NOT NULL, "
                        + "e4xx INTEGER NOT NULL, e5xx INTEGER NOT NULL, hits INTEGER NOT NULL, misses INTEGER NOT NULL, "
                        + "latency BLOB, integration BLOB, PRIMARY KEY (resolution, api, stage, method, ts))");
                s.execute("CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, "
                        + "api TEXT NOT NULL, stage TEXT NOT NULL, request_id TEXT NOT NULL, http_method TEXT, "
                        + "resource_path TEXT, path TEXT, status INTEGER NOT NULL, latency_ms REAL NOT NULL, "
                        + "integration_latency_ms REAL, api_key_id TEXT, api_key TEXT, source_ip TEXT, "
                        + "level TEXT NOT NULL, log TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS requests_by_stage ON requests (api, stage, ts)");
                // no index on request_id alone: request ids are random, so each row landed on a random page of
                // it and a batch rewrote most of its pages (SQLite: ~17 of the row's ~26 us at 300,000 rows).
                // The ids ride in the time index instead, whose new entries all go to its right end; a lookup
                // by id scans that index (covering, no table row read): ~35 ms at 300,000 rows.
                s.execute("DROP INDEX IF EXISTS requests_by_id");
                s.execute("DROP INDEX IF EXISTS requests_by_ts");
                s.execute("CREATE INDEX IF NOT EXISTS requests_by_ts_id ON requests (ts, request_id)");
                // the request log since blocks (RequestLogStore): one row per batch and stage; the table above
                // keeps what stores written before hold. The index covers what picking candidate blocks and the
                // retention's sums and time checks read, so neither reads the blocks themselves.
                s.execute("CREATE TABLE IF NOT EXISTS request_blocks (first_id INTEGER PRIMARY KEY, "
                        + "last_id INTEGER NOT NULL, api TEXT NOT NULL, stage TEXT NOT NULL, min_ts INTEGER NOT NULL, "
                        + "max_ts INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL, data BLOB NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS request_blocks_by_stage ON request_blocks "
                        + "(api, stage, first_id, min_ts, max_ts, last_id, n)");
            }
            return new ObserveDatabase(c, file);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot open the observability store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} as one transaction (rolled back when it throws). */
    synchronized void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the observability store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read. */
    synchronized <T> T read(SqlRead<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the observability store " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code PRAGMA integrity_check}'s answer: "ok" for a sound file. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no answer";
            }
        });
    }

    @Override public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    @FunctionalInterface interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface interface SqlRead<T> {
        T run(Connection c) throws SQLException;
    }
}
