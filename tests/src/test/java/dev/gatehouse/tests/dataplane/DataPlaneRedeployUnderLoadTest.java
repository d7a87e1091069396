package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys swap the served plan atomically: under 200 concurrent keep-alive clients, 50 redeploys cause no failed
 * request and no response mixing two deployments. Each generation's MOCK names itself three times (a header and
 * twice in a padded body), so a response built from parts of two plans shows up as a mismatch.
 */
class DataPlaneRedeployUnderLoadTest {

    private static final int CLIENTS = 200;
    private static final int REDEPLOYS = 50;
    private static final Pattern BODY = Pattern.compile("\\{\"gen\":(\\d+),\"pad\":\"x{2000}\",\"again\":(\\d+)}");

    @TempDir Path dir;

    private static ApiDefinition generation(ApiDefinition api, int gen) {
        String body = "{\"gen\":" + gen + ",\"pad\":\"" + "x".repeat(2000) + "\",\"again\":" + gen + "}";
        return withMethod(api, "/gen", mock(body, Map.of("X-Gen", Integer.toString(gen))));
    }

    @Test
    void fiftyRedeploysUnderTwoHundredKeepAliveClientsFailNothingAndMixNothing() throws Exception {
        try (GatewayHarness gh = new GatewayHarness(dir)) {
            ApiDefinition api = gh.createApi("generations", a -> generation(a, 0));
            gh.gateway.deploy(api.id(), "prod", "gen 0");

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong requests = new AtomicLong();
            Queue problems = new Queue();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            CountDownLatch warm = new CountDownLatch(CLIENTS);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                    int last = -1;
                    boolean first = true;
                    while (running.get() || first) {
                        try (Response r = gh.get("/prod/gen")) {
                            String body = r.body().string();
                            Matcher m = BODY.matcher(body);
                            if (r.code() != 200 || !m.matches()) {
                                problems.add("failed: " + r.code() + " " + body);
                            } else {
                                int gen = Integer.parseInt(m.group(1));
                                if (gen != Integer.parseInt(m.group(2)) || !Integer.toString(gen).equals(r.header("X-Gen"))) {
                                    problems.add("mixed: header " + r.header("X-Gen") + " body " + m.group(1) + "/" + m.group(2));
                                }
                                if (gen < last) problems.add("went back from generation " + last + " to " + gen);
                                last = gen;
                                seen.add(gen);
                            }
                        } catch (Exception e) {
                            problems.add("failed: " + e);
                        }
                        requests.incrementAndGet();
                        if (first) warm.countDown();
                        first = false;
                    }
                }));
            }
            assertThat(warm.await(30, TimeUnit.SECONDS)).as("every client made a first request").isTrue();

            long start = System.nanoTime();
            long before = requests.get();
            List<Integer> unseen = new ArrayList<>();
            for (int gen = 1; gen <= REDEPLOYS; gen++) {
                int g = gen;
                gh.changeApi(api.id(), a -> generation(a, g));
                gh.gateway.deploy(api.id(), "prod", "gen " + gen);
                // the next deploy waits until a client has been served this generation: counted, not timed (the
                // deadline is a watchdog; throughput under redeploys is bench/'s business)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!seen.contains(g) && problems.items.isEmpty() && System.nanoTime() < deadline) Thread.sleep(1);
                if (!seen.contains(g)) unseen.add(g);
            }
            long duringDeploys = requests.get() - before;
            long millis = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            for (Thread t : clients) t.join(30_000);

            System.out.printf("redeploy under load: %d redeploys in %d ms, %d requests meanwhile, %d total, %d generations seen%n",
                    REDEPLOYS, millis, duringDeploys, requests.get(), seen.size());
            assertThat(problems.items).as("failed or mixed responses").isEmpty();
            assertThat(unseen).as("generations no client was served within the watchdog's 30 s").isEmpty();
            assertThat(seen).as("generations observed by clients").hasSize(REDEPLOYS + 1);
            assertThat(duringDeploys).as("requests served while redeploying").isGreaterThanOrEqualTo(REDEPLOYS);
            try (Response r = gh.get("/prod/gen")) {
                assertThat(r.header("X-Gen")).isEqualTo(Integer.toString(REDEPLOYS));
            }
        }
    }

    /** The first few problems, for a readable failure message. */
    private static final class Queue {
        final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
        private final AtomicLong count = new AtomicLong();

        void add(String problem) {
            if (count.incrementAndGet() <= 20) items.add(problem);
        }
    }
}
