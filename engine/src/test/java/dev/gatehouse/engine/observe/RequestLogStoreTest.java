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

/** The request-log table's indexes: what a row costs to insert and how a request is found by its id. */
class RequestLogStoreTest {

    @TempDir Path dir;

    private static void write(ObserveDatabase db, List<RequestRecord> records) {
        db.inTransaction(c -> {
            try (PreparedStatement p = RequestLogStore.prepareInsert(c)) {
                for (RequestRecord r : records) RequestLogStore.insert(p, r, "INFO", r.executionLog());
                p.executeBatch();
            }
        });
    }

    private static List<String> indexes(ObserveDatabase db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='requests' "
                         + "AND sql IS NOT NULL ORDER BY name")) {
                while (r.next()) names.add(r.getString(1));
            }
            return names;
        });
    }

    private static RequestLogQuery byId(String apiId, String stage, Long from, String requestId) {
        return new RequestLogQuery(apiId, stage, from, null, null, null, null, requestId, null, null, null, null, 10);
    }

    @Test
    void aRequestIsFoundByItsIdAmongOthersWithOrWithoutItsStageAndTimeWithoutAnIndexOnTheRandomIdAlone() {
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("observe.db"))) {
            List<RequestRecord> records = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                records.add(Records.at(i % 2 == 0 ? "api1" : "api2", "prod", "GET", "/a", Records.TIME + i, 200, 1000, -1));
            }
            write(db, records);
            RequestLogStore store = new RequestLogStore(db);
            RequestRecord wanted = records.get(301);

            assertThat(store.search(byId(null, null, null, wanted.requestId()))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.apiId()).isEqualTo("api2");
                        assertThat(e.epochMillis()).isEqualTo(Records.TIME + 301);
                    });
            assertThat(store.search(byId("api2", "prod", null, wanted.requestId()))).hasSize(1);
            assertThat(store.search(byId("api2", "prod", Records.TIME + 301, wanted.requestId()))).hasSize(1);
            // the time range and the stage still apply
            assertThat(store.search(byId("api2", "prod", Records.TIME + 302, wanted.requestId()))).isEmpty();
            assertThat(store.search(byId("api1", "prod", null, wanted.requestId()))).isEmpty();
            assertThat(store.search(byId(null, null, null, "no-such-id"))).isEmpty();
            assertThat(indexes(db)).containsExactly("requests_by_stage", "requests_by_ts_id");
        }
    }

    @Test
    void aNewStoreHas16KbPagesAndAnExistingOneKeepsItsOwn() throws Exception {
        try (ObserveDatabase db = ObserveDatabase.open(dir.resolve("new.db"))) {
            assertThat(pageSize(db)).isEqualTo(16384);
        }
        Path old = dir.resolve("existing.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        try (ObserveDatabase db = ObserveDatabase.open(old)) {
            assertThat(pageSize(db)).isEqualTo(4096);
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    private static long pageSize(ObserveDatabase db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_size")) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
    }

    @Test
    void aStoreWithTheOldRequestIdIndexLosesItOnOpenAndKeepsItsRowsFindable() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            // the schema as written before: one index on request_id alone, one on ts alone
            s.execute("CREATE TABLE requests (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, api TEXT NOT NULL, "
                    + "stage TEXT NOT NULL, request_id TEXT NOT NULL, http_method TEXT, resource_path TEXT, path TEXT, "
                    + "status INTEGER NOT NULL, latency_ms REAL NOT NULL, integration_latency_ms REAL, api_key_id TEXT, "
                    + "api_key TEXT, source_ip TEXT, level TEXT NOT NULL, log TEXT)");
            s.execute("CREATE INDEX requests_by_stage ON requests (api, stage, ts)");
            s.execute("CREATE INDEX requests_by_id ON requests (request_id)");
            s.execute("CREATE INDEX requests_by_ts ON requests (ts)");
            s.execute("INSERT INTO requests (ts, api, stage, request_id, status, latency_ms, level, log) VALUES "
                    + "(1000, 'api1', 'prod', 'old-1', 200, 1.5, 'INFO', 'Execution log for request old-1\n')");
        }
        try (ObserveDatabase db = ObserveDatabase.open(file)) {
            assertThat(indexes(db)).containsExactly("requests_by_stage", "requests_by_ts_id");
            assertThat(new RequestLogStore(db).search(byId("api1", "prod", null, "old-1"))).singleElement()
                    .satisfies(e -> assertThat(e.log()).isEqualTo("Execution log for request old-1\n"));
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }
}
