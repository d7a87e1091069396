package dev.gatehouse.engine.access.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS UpdateUsage ({@code replace /remaining}) with the quota counters in one real {@code redis-server} (started
 * here) shared by two engines: the remaining quota one engine sets is what both enforce on their next requests, it
 * outlives both engines, and while Redis is away it is refused (nothing half-changed). Expected answers: AWS's 429
 * {"message":"Limit Exceeded"} (aws-reference §1.11); counts hand-computed from the plan (quota 100 per DAY).
 */
class SharedRedisQuotaResetTest {

    private static final String OK = "200 {\"ok\":\"quota\"}";
    private static final String LIMIT_EXCEEDED = "429 {\"message\":\"Limit Exceeded\"}";

    @TempDir Path dir;
    private RedisServerProcess redis;
    private KeyedApi api;
    private final HttpClient http = KeyedApi.client();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startRedisAndCreateTheWorkspace() throws Exception {
        redis = RedisServerProcess.start();
        api = KeyedApi.create(dir, 0.001, 10);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        if (redis != null) redis.close(); // null: skipped before it started (no redis-server)
        http.close();
    }

    private KeyedApi.Engine engine(boolean readOnly) {
        KeyedApi.Engine e = new KeyedApi.Engine(dir, readOnly, new StateOptions(redis.url(), FailurePolicy.DEFAULT), api.apiId);
        open.add(e);
        return e;
    }

    /** {@code count} GETs of /quota with the plan's key, alternating between the engines; answers by kind. */
    private Map<String, Long> send(List<KeyedApi.Engine> engines, int count) throws Exception {
        Map<String, Long> seen = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            seen.merge(KeyedApi.get(http, engines.get(i % engines.size()).base + "/quota", KeyedApi.KEY), 1L, Long::sum);
        }
        return seen;
    }

    @Test
    void aRemainingQuotaSetOnOneEngineIsEnforcedByBothAndOutlivesThem() throws Exception {
        KeyedApi.Engine a = engine(false);
        KeyedApi.Engine b = engine(true);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(send(List.of(a, b), 102)).isEqualTo(Map.of(OK, 100L, LIMIT_EXCEEDED, 2L));

        var report = b.gateway.updateUsage("quota100", "k1", 7);
        assertThat(report.values()).as("today's [used, remaining]").isEqualTo(Map.of("k1", List.of(List.of(100L, 7L))));
        assertThat(a.gateway.usage("quota100", "k1", today, today).values())
                .as("the other engine reads the same remaining quota").isEqualTo(Map.of("k1", List.of(List.of(100L, 7L))));
        assertThat(send(List.of(a, b), 10)).isEqualTo(Map.of(OK, 7L, LIMIT_EXCEEDED, 3L));

        a.gateway.updateUsage("quota100", "k1", 2);
        for (AutoCloseable c : open.reversed()) c.close();
        open.clear();
        KeyedApi.Engine c = engine(true);
        assertThat(c.gateway.usage("quota100", "k1", today, today).values()).isEqualTo(Map.of("k1", List.of(List.of(107L, 2L))));
        assertThat(send(List.of(c), 3)).as("the correction lives in Redis, not in an engine")
                .isEqualTo(Map.of(OK, 2L, LIMIT_EXCEEDED, 1L));
    }

    @Test
    void whileRedisIsAwayTheRemainingQuotaCannotBeChangedAndSaysWhy() throws Exception {
        KeyedApi.Engine a = engine(false);
        redis.stop();
        assertThatThrownBy(() -> a.gateway.updateUsage("quota100", "k1", 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read now").hasMessageContaining(redis.url().toString().replace("redis://", ""));
    }
}
