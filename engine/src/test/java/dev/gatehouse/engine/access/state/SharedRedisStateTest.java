package dev.gatehouse.engine.access.state;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two engines serving one workspace, their throttle and quota state in one real {@code redis-server} (started
 * here): they enforce one quota and one throttle together, and when Redis goes away they keep serving by the
 * failure policy, log the outage once, and recover when it is back. Expected answers are AWS's (aws-reference
 * §1.11): 429 {"message":"Too Many Requests"} and 429 {"message":"Limit Exceeded"}; the counts are hand-computed
 * from the plan (quota 100 per DAY) and the stage throttle (burst 10, a refill of 0.001 rps: none during a test).
 */
class SharedRedisStateTest {

    private static final String OK_QUOTA = "200 {\"ok\":\"quota\"}";
    private static final String OK_LIMITED = "200 {\"ok\":\"limited\"}";
    private static final String LIMIT_EXCEEDED = "429 {\"message\":\"Limit Exceeded\"}";
    private static final String TOO_MANY = "429 {\"message\":\"Too Many Requests\"}";

    @TempDir Path dir;
    private RedisServerProcess redis;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = KeyedApi.client();
    private KeyedApi api;
    private ListAppender<ILoggingEvent> log;
    private Logger policed;

    @BeforeEach
    void startRedisAndCreateTheWorkspace() throws Exception {
        redis = RedisServerProcess.start();
        api = KeyedApi.create(dir, 0.001, 10);
        policed = (Logger) LoggerFactory.getLogger(PolicedState.class);
        log = new ListAppender<>();
        log.start();
        policed.addAppender(log);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (policed != null) policed.detachAppender(log); // null: skipped before it was set (no redis-server)
        for (AutoCloseable c : open.reversed()) c.close();
        if (redis != null) redis.close();
        http.close();
    }

    private KeyedApi.Engine engine(boolean readOnly, FailurePolicy policy) {
        KeyedApi.Engine e = new KeyedApi.Engine(dir, readOnly, new StateOptions(redis.url(), policy), api.apiId);
        open.add(e);
        return e;
    }

    /** Sends {@code count} GETs of {@code path}, alternating between the engines, from 8 threads; answers by kind. */
    private Map<String, Long> spread(List<KeyedApi.Engine> engines, String path, String key, int count) throws Exception {
        Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String url = engines.get(i % engines.size()).base + path;
                all.add(pool.submit(() -> {
                    seen.computeIfAbsent(KeyedApi.get(http, url, key), k -> new AtomicLong()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        }
        Map<String, Long> out = new java.util.TreeMap<>();
        seen.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Test
    void twoEnginesSharingOneRedisAdmitExactlyOneQuotaBetweenThem() throws Exception {
        KeyedApi.Engine a = engine(false, FailurePolicy.DEFAULT);
        KeyedApi.Engine b = engine(true, FailurePolicy.DEFAULT);

        assertThat(spread(List.of(a, b), "/quota", KeyedApi.KEY, 150))
                .isEqualTo(Map.of(OK_QUOTA, 100L, LIMIT_EXCEEDED, 50L));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // GetUsage from either engine: [used, remaining] for today
        assertThat(a.gateway.usage("quota100", null, today, today).values()).isEqualTo(Map.of("k1", List.of(List.of(100L, 0L))));
        assertThat(b.gateway.usage("quota100", null, today, today).values()).isEqualTo(Map.of("k1", List.of(List.of(100L, 0L))));
    }

    @Test
    void twoEnginesSharingOneRedisShareOneStageThrottleBucket() throws Exception {
        KeyedApi.Engine a = engine(false, FailurePolicy.DEFAULT);
        KeyedApi.Engine b = engine(true, FailurePolicy.DEFAULT);

        assertThat(spread(List.of(a, b), "/limited", null, 30)).isEqualTo(Map.of(OK_LIMITED, 10L, TOO_MANY, 20L));
    }

    @Test
    void whenRedisStopsThrottlesFailOpenAndQuotasFailClosedLoggedOnceThenItRecovers() throws Exception {
        KeyedApi.Engine a = engine(false, FailurePolicy.DEFAULT);
        assertThat(spread(List.of(a), "/limited", null, 11)).isEqualTo(Map.of(OK_LIMITED, 10L, TOO_MANY, 1L));
        assertThat(KeyedApi.get(http, a.base + "/quota", KeyedApi.KEY)).isEqualTo(OK_QUOTA);

        redis.stop();
        assertThat(spread(List.of(a), "/limited", null, 20)).as("throttle fails open: the empty bucket no longer refuses")
                .isEqualTo(Map.of(OK_LIMITED, 20L));
        assertThat(spread(List.of(a), "/quota", KeyedApi.KEY, 20)).as("quota fails closed")
                .isEqualTo(Map.of(LIMIT_EXCEEDED, 20L));
        assertThat(warnings("did not answer")).as("one line per outage, not per request").hasSize(1);
        assertThat(warnings("did not answer").get(0)).contains(redis.url().toString().replace("redis://", ""))
                .contains("throttles fail open and quotas fail closed");

        redis.startAgain(); // empty: no persistence, so the buckets and counters start afresh
        assertThat(awaitAnswer(a.base + "/quota", KeyedApi.KEY, OK_QUOTA)).as("recovers once Redis is back").isTrue();
        assertThat(warnings("answers again after")).hasSize(1);
        assertThat(spread(List.of(a), "/limited", null, 11)).as("the throttle is enforced again")
                .isEqualTo(Map.of(OK_LIMITED, 10L, TOO_MANY, 1L));
        assertThat(warnings("did not answer")).hasSize(1);
    }

    @Test
    void theFailurePolicyCanCloseThrottlesAndOpenQuotas() throws Exception {
        KeyedApi.Engine a = engine(false, FailurePolicy.parse("throttle=closed,quota=open"));
        assertThat(KeyedApi.get(http, a.base + "/limited", null)).isEqualTo(OK_LIMITED);

        redis.stop();
        assertThat(spread(List.of(a), "/limited", null, 5)).isEqualTo(Map.of(TOO_MANY, 5L));
        assertThat(spread(List.of(a), "/quota", KeyedApi.KEY, 5)).isEqualTo(Map.of(OK_QUOTA, 5L));
        assertThat(warnings("did not answer")).hasSize(1);
        assertThat(warnings("did not answer").get(0)).contains("throttles fail closed and quotas fail open");
    }

    /** Retries for up to 10 s until {@code url} answers {@code expected}. */
    private boolean awaitAnswer(String url, String key, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (KeyedApi.get(http, url, key).equals(expected)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    private List<String> warnings(String containing) {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(containing)).toList();
    }
}
