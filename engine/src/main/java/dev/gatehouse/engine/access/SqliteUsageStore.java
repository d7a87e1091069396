package dev.gatehouse.engine.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Usage counts in an SQLite file under the workspace's {@code .gatehouse/} (runtime data, not for git; DESIGN
 * "Persistence"), through the SQLite JDBC driver. One connection, used under this object's monitor; WAL mode and a
 * busy timeout so a console and a {@code gatehouse serve} on the same workspace can both add.
 */
public final class SqliteUsageStore implements UsageStore {

    private final Connection connection;

    private SqliteUsageStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) {@code file}. @throws IllegalStateException naming the file when it cannot */
    public static SqliteUsageStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS usage (plan_id TEXT NOT NULL, key_id TEXT NOT NULL, "
                        + "day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (plan_id, key_id, day))");
                s.execute("CREATE TABLE IF NOT EXISTS quota_correction (plan_id TEXT NOT NULL, key_id TEXT NOT NULL, "
                        + "period_start TEXT NOT NULL, correction INTEGER NOT NULL, "
                        + "PRIMARY KEY (plan_id, key_id, period_start))");
            }
            return new SqliteUsageStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot open the usage store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override public synchronized Map<Day, Long> load(LocalDate since) {
        Map<Day, Long> out = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT plan_id, key_id, day, count FROM usage WHERE day >= ?")) {
            q.setString(1, since.toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.put(new Day(r.getString(1), r.getString(2), LocalDate.parse(r.getString(3))), r.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the usage store: " + e.getMessage(), e);
        }
        return out;
    }

    @Override public synchronized void add(Map<Day, Long> deltas) {
        if (deltas.isEmpty()) return;
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO usage (plan_id, key_id, day, count) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, key_id, day) DO UPDATE SET count = count + excluded.count")) {
            connection.setAutoCommit(false);
            for (Map.Entry<Day, Long> e : deltas.entrySet()) {
                upsert.setString(1, e.getKey().planId());
                upsert.setString(2, e.getKey().keyId());
                upsert.setString(3, e.getKey().day().toString());
                upsert.setLong(4, e.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
            throw new IllegalStateException("Cannot write the usage store: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // closing will tell
            }
        }
    }

    @Override public synchronized Map<Period, Long> loadCorrections(LocalDate since) {
        Map<Period, Long> out = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT plan_id, key_id, period_start, correction FROM quota_correction WHERE period_start >= ?")) {
            q.setString(1, since.toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.put(new Period(r.getString(1), r.getString(2), LocalDate.parse(r.getString(3))), r.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the usage store: " + e.getMessage(), e);
        }
        return out;
    }

    @Override public synchronized void correct(Period period, long delta) {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO quota_correction (plan_id, key_id, "
                + "period_start, correction) VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, key_id, period_start) "
                + "DO UPDATE SET correction = correction + excluded.correction")) {
            upsert.setString(1, period.planId());
            upsert.setString(2, period.keyId());
            upsert.setString(3, period.start().toString());
            upsert.setLong(4, delta);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the usage store: " + e.getMessage(), e);
        }
    }

    @Override public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to save: every add committed
        }
    }
}
