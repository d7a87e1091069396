package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionLogTest {

    @TempDir Path dir;

    /** One invocation's lines as a worker writes them: START, output, END, REPORT (about 300 bytes). */
    private static void invocation(FunctionLog log, int i) {
        String id = String.format("%08d-0000-4000-8000-000000000000", i);
        log.add("START RequestId: " + id + " Version: $LATEST");
        log.add("2026-12-02T14:00:00.000Z\t" + id + "\tINFO\thandled request number " + i);
        log.add("END RequestId: " + id);
        log.add("REPORT RequestId: " + id + "\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t");
    }

    @Test
    void theLogOnDiskStaysBoundedAndKeepsTheNewestInvocations() throws Exception {
        FunctionLog log = new FunctionLog(dir.resolve("fn.log"));
        int n = 20_000; // ~6 MB of lines: three times what is kept
        for (int i = 0; i < n; i++) invocation(log, i);
        log.close();

        long onDisk = Files.size(dir.resolve("fn.log")) + Files.size(dir.resolve("fn.log.1"));
        // rotated when past MAX_FILE_BYTES, checked after each REPORT: at most two files of that size plus one invocation
        assertThat(onDisk).isLessThanOrEqualTo(2 * FunctionLog.MAX_FILE_BYTES + 1024);
        List<String> kept = FunctionLog.readFile(dir, "fn");
        assertThat(kept.getLast()).startsWith("REPORT RequestId: " + String.format("%08d", n - 1));
        assertThat(kept.getFirst()).startsWith("START RequestId: "); // rotation happens between invocations only
        assertThat(log.recent()).hasSize(FunctionLog.MAX_LINES);
    }

    @Test
    void theFirstReportIsOnDiskAtOnceAndLaterOnesAtTheLatestWhenTheTimerFlushes() throws Exception {
        Path file = dir.resolve("fn.log");
        FunctionLog log = new FunctionLog(file);
        invocation(log, 1);
        assertThat(Files.readAllLines(file)).hasSize(4);

        invocation(log, 2); // within the flush interval of the first: may stay buffered until the timer's flush
        log.flush();
        assertThat(Files.readAllLines(file)).hasSize(8).last().asString().startsWith("REPORT RequestId: 00000002");
        log.close();
    }

    /**
     * Not an assertion about speed: prints what one invocation's four lines cost in the rotating file and as rows of
     * the embedded SQLite store (WAL, as {@code SqliteUsageStore} opens it; one transaction per invocation), the
     * figures behind keeping function logs in a file (BENCHMARKS.md, Local functions).
     */
    @Test
    void printsTheCostOfAnInvocationsLogInTheFileAndInSqlite() throws Exception {
        int n = 5_000;
        FunctionLog log = new FunctionLog(dir.resolve("timed.log"));
        for (int i = 0; i < 500; i++) invocation(log, i); // warm-up
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) invocation(log, i);
        double fileMicros = (System.nanoTime() - t0) / 1e3 / n;
        log.close();

        double sqliteMicros;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("logs.db").toAbsolutePath())) {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE log (fn TEXT, seq INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO log (fn, line) VALUES ('fn', ?)")) {
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    for (int l = 0; l < 4; l++) {
                        insert.setString(1, "line " + l + " of invocation " + i + " ".repeat(60));
                        insert.executeUpdate();
                    }
                    c.commit();
                }
                sqliteMicros = (System.nanoTime() - t1) / 1e3 / n;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "function log, one invocation (4 lines): rotating file %.1f µs, "
                + "SQLite WAL one transaction %.1f µs (%d invocations)%n", fileMicros, sqliteMicros, n);
        assertThat(fileMicros).isPositive();
    }
}
