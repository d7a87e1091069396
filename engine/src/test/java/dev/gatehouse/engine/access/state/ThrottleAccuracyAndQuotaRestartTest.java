package dev.gatehouse.engine.access.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token bucket's accuracy on real HTTP and the quota's exactness across an engine restart, for both state
 * stores. Expected values are hand-computed from AWS's token-bucket definition (DG api-gateway-request-throttling:
 * rate = tokens refilled per second, burst = bucket size, a new bucket starts full): a method limited to R rps with
 * burst B, called faster than R for t seconds, admits R·t + B requests.
 */
class ThrottleAccuracyAndQuotaRestartTest {

    private static final double RATE = 50;
    private static final int BURST = 20;
    private static final int CLIENTS = 16;
    private static final long SECONDS = 10;

    @TempDir Path dir;
    private RedisServerProcess redis;
    private final HttpClient http = KeyedApi.client();

    @AfterEach
    void stop() throws Exception {
        if (redis != null) redis.close();
        http.close();
    }

    private StateOptions state(String store) throws Exception {
        if (store.equals("in-process")) return StateOptions.IN_PROCESS;
        redis = RedisServerProcess.start();
        return new StateOptions(redis.url(), FailurePolicy.DEFAULT);
    }

    @ParameterizedTest(name = "{0} state")
    @ValueSource(strings = {"in-process", "redis"})
    void aMethodLimitedToRrpsAdmitsRTimesTPlusBurstWithin3PercentOver10SecondsFrom16Clients(String store) throws Exception {
        StateOptions state = state(store);
        KeyedApi api = KeyedApi.create(dir, RATE, BURST);
        try (KeyedApi.Engine engine = new KeyedApi.Engine(dir, false, state, api.apiId)) {
            String url = engine.base + "/limited";
            KeyedApi.get(http, engine.base + "/quota", null); // warm the route (a key-less 403), not the bucket
            Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
            // the bucket is created, full, when the first call reaches it: somewhere between t0 and t1
            long t0 = System.nanoTime();
            answers.computeIfAbsent(KeyedApi.get(http, url, null), k -> new AtomicLong()).incrementAndGet();
            long t1 = System.nanoTime();
            long deadline = t1 + SECONDS * 1_000_000_000L;
            // the last admission happened between the sending of its request and the arrival of its answer
            AtomicLong lastAdmittedSent = new AtomicLong(t1);
            AtomicLong lastAdmittedAnswered = new AtomicLong(t1);
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            long sent = System.nanoTime();
                            String answer = KeyedApi.get(http, url, null);
                            answers.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
                            if (answer.startsWith("200")) {
                                lastAdmittedSent.accumulateAndGet(sent, Math::max);
                                lastAdmittedAnswered.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : clients) f.get();
            }
            long admitted = answers.getOrDefault("200 {\"ok\":\"limited\"}", new AtomicLong()).get();
            long refused = answers.getOrDefault("429 {\"message\":\"Too Many Requests\"}", new AtomicLong()).get();
            assertThat(answers.keySet()).as("only admitted or throttled answers")
                    .isSubsetOf("200 {\"ok\":\"limited\"}", "429 {\"message\":\"Too Many Requests\"}");
            // the bucket refilled for at least [t1, last admission sent] and at most [t0, last admission answered]
            double shortest = (lastAdmittedSent.get() - t1) / 1e9;
            double longest = (lastAdmittedAnswered.get() - t0) / 1e9;
            // the formula holds while the bucket is kept empty: callers must offer well above R at every moment. A
            // machine too loaded to send even 4·R on average stalls for longer than the bucket takes to fill, and
            // the count then measures the stalls, not the bucket
            double offered = (admitted + refused) / longest;
            assumeTrue(offered >= 4 * RATE, String.format(java.util.Locale.ROOT, "the clients could offer only "
                    + "%.0f rps (< 4·R = %.0f): this machine is too loaded to measure throttle accuracy", offered, 4 * RATE));
            System.out.printf(java.util.Locale.ROOT, "throttle accuracy (%s state): %d admitted, %d throttled, R·t + B = "
                    + "%.1f..%.1f, offered %.0f rps%n", store, admitted, refused, RATE * shortest + BURST,
                    RATE * longest + BURST, offered);
            assertThat(refused).as("the clients called faster than the rate, so the bucket stayed empty").isPositive();
            assertThat(shortest).as("the clients kept calling for the whole window").isGreaterThan(SECONDS - 0.5);
            assertThat((double) admitted).as("admitted over %.2f..%.2f s (R·t + B = %.1f..%.1f)", shortest, longest,
                            RATE * shortest + BURST, RATE * longest + BURST)
                    .isBetween((RATE * shortest + BURST) * 0.97, (RATE * longest + BURST) * 1.03);
        }
    }

    @ParameterizedTest(name = "{0} state")
    @ValueSource(strings = {"in-process", "redis"})
    void aQuotaIsExactAcrossAnEngineRestartOnTheSameWorkspace(String store) throws Exception {
        StateOptions state = state(store);
        KeyedApi api = KeyedApi.create(dir, 1000, 1000);
        try (KeyedApi.Engine engine = new KeyedApi.Engine(dir, false, state, api.apiId)) {
            assertThat(burst(engine.base + "/quota", 60)).isEqualTo(Map.of("200 {\"ok\":\"quota\"}", 60L));
        }
        try (KeyedApi.Engine restarted = new KeyedApi.Engine(dir, false, state, api.apiId)) {
            // quota 100 per DAY: 60 used before the restart, 40 left
            assertThat(burst(restarted.base + "/quota", 60))
                    .isEqualTo(Map.of("200 {\"ok\":\"quota\"}", 40L, "429 {\"message\":\"Limit Exceeded\"}", 20L));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(restarted.gateway.usage("quota100", null, today, today).values())
                    .isEqualTo(Map.of("k1", List.of(List.of(KeyedApi.QUOTA, 0L))));
        }
    }

    /** {@code count} calls with the plan's key from 8 threads at once; answers by kind. */
    private Map<String, Long> burst(String url, int count) throws Exception {
        Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(pool.submit(() -> {
                    seen.computeIfAbsent(KeyedApi.get(http, url, KeyedApi.KEY), k -> new AtomicLong()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        }
        Map<String, Long> out = new java.util.TreeMap<>();
        seen.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
