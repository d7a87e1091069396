package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.workspace.Edit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's canary takes its share of real HTTP traffic, with its stage-variable overrides. */
class DataPlaneCanaryTest {

    private static final String TEMPLATE = "{\"deployment\":\"%s\",\"flavour\":\"$stageVariables.flavour\"}";

    @TempDir Path dir;

    @Test
    void thirtyPercentCanaryGetsThirtyPercentOfTenThousandRequestsWithinThreePoints() throws Exception {
        try (GatewayHarness gh = new GatewayHarness(dir)) {
            // given: prod serves deployment "main"; a second deployment "canary" exists without a stage
            ApiDefinition api = gh.createApi("canary", a -> withMethod(a, "/who", mock(TEMPLATE.formatted("main"))));
            gh.gateway.deploy(api.id(), "prod", "main", Map.of("flavour", "plain"));
            gh.changeApi(api.id(), a -> withMethod(a, "/who", mock(TEMPLATE.formatted("canary"))));
            DeploymentSnapshot canary = gh.gateway.deploy(api.id(), null, "canary");
            Stage prod = gh.gateway.workspace().stage(api.id(), "prod").orElseThrow();
            gh.gateway.history().apply(Edit.putStage(api.id(), prod.withCanarySettings(new Stage.CanarySettings(
                    30.0, canary.deployment().id(), Map.of("flavour", "spicy"), false),
                    Instant.now().getEpochSecond())));

            // when: 10,000 requests from 16 keep-alive clients
            Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 10_000 / 16 + (10_000 % 16 > 0 ? 1 : 0); i++) {
                        try (Response r = gh.get("/prod/who")) {
                            String key = r.code() + " " + r.body().string();
                            bodies.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            clients.shutdown();

            // then: only the two expected bodies, split 70/30 within ±3 points
            String main = "200 " + "{\"deployment\":\"main\",\"flavour\":\"plain\"}";
            String spicy = "200 " + "{\"deployment\":\"canary\",\"flavour\":\"spicy\"}";
            assertThat(bodies.keySet()).containsExactlyInAnyOrder(main, spicy);
            int total = bodies.values().stream().mapToInt(AtomicInteger::get).sum();
            double canaryShare = 100.0 * bodies.get(spicy).get() / total;
            assertThat(total).isGreaterThanOrEqualTo(10_000);
            assertThat(canaryShare).isBetween(27.0, 33.0);
        }
    }
}
