package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys, usage plans (throttle and quota per key) and stage throttles on a deployed stage over real HTTP.
 * Expected statuses and bodies are AWS's (aws-reference §1.11 and §8): a missing, unknown or disabled key or a key
 * in no plan of the stage → 403 {"message":"Forbidden"}; throttled → 429 {"message":"Too Many Requests"}; quota
 * used up → 429 {"message":"Limit Exceeded"}. Buckets use a negligible refill rate so counts are exact.
 */
class DataPlaneApiKeysAndThrottlingTest {

    private static final String GOOD = "good-key-0123456789abcdef";
    private static final String QUOTA = "quota-key-0123456789abcdef";
    private static final String THROTTLED = "throttled-key-0123456789ab";
    private static final String OUTSIDE = "outside-key-0123456789abcd";

    @TempDir Path dir;
    private GatewayHarness gh;
    private ApiDefinition api;

    @BeforeEach
    void deployAKeyRequiredMethodWithPlans() {
        gh = new GatewayHarness(dir);
        api = gh.createApi("keyed", a -> {
            ApiDefinition x = withMethod(a, "/items", mock("{\"items\":[]}").withApiKeyRequired(true));
            return withMethod(x, "/open", mock("{\"open\":true}"));
        });
        gh.gateway.deploy(api.id(), "prod", null);
        gh.gateway.deploy(api.id(), "beta", null);
        key("k1", GOOD, true);
        key("k2", QUOTA, true);
        key("k3", THROTTLED, true);
        key("k4", OUTSIDE, true);
        plan("plana", "prod", null, new UsagePlan.QuotaSettings(3, 0, QuotaPeriod.DAY), List.of("k2"));
        plan("planb", "prod", new UsagePlan.ThrottleSettings(2, 0.001), null, List.of("k1", "k3"));
        plan("planc", "beta", null, null, List.of("k4"));
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private void key(String id, String value, boolean enabled) {
        gh.gateway.history().apply(Edit.putApiKey(new ApiKey(id, value, id, null, null, enabled, 0L, 0L, List.of(), Map.of())));
    }

    private void plan(String id, String stage, UsagePlan.ThrottleSettings throttle, UsagePlan.QuotaSettings quota,
                      List<String> keys) {
        gh.gateway.history().apply(Edit.putUsagePlan(new UsagePlan(id, id, null,
                List.of(new UsagePlan.ApiStage(api.id(), stage, null)), throttle, quota, null, Map.of(), keys)));
    }

    private Response call(String stage, String path, String key) throws IOException {
        Request.Builder b = new Request.Builder().url(gh.gateway.invokeUrl(api.id(), stage) + path);
        if (key != null) b.header("x-api-key", key);
        return gh.http.newCall(b.build()).execute();
    }

    private String status(String stage, String path, String key) throws IOException {
        try (Response r = call(stage, path, key)) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void aKeyInAPlanOfTheStageIsServedAndEveryOtherKeyIsForbidden() throws IOException {
        // planb's bucket holds 2 for k1: one call here
        assertThat(status("prod", "/items", GOOD)).isEqualTo("200 {\"items\":[]}");
        assertThat(status("prod", "/items", null)).isEqualTo("403 {\"message\":\"Forbidden\"}");
        assertThat(status("prod", "/items", "no-such-key-0123456789")).isEqualTo("403 {\"message\":\"Forbidden\"}");
        assertThat(status("prod", "/items", OUTSIDE)).as("k4's plan covers beta only").isEqualTo("403 {\"message\":\"Forbidden\"}");
        assertThat(status("beta", "/items", OUTSIDE)).isEqualTo("200 {\"items\":[]}");
        assertThat(status("prod", "/open", null)).as("a method without apiKeyRequired needs none").isEqualTo("200 {\"open\":true}");
    }

    @Test
    void disablingAKeyTakesEffectWithoutARedeploy() throws IOException {
        assertThat(status("prod", "/items", GOOD)).startsWith("200");
        key("k1", GOOD, false);
        assertThat(status("prod", "/items", GOOD)).isEqualTo("403 {\"message\":\"Forbidden\"}");
    }

    @Test
    void aPlanThrottleAdmitsItsBurstPerKeyThenAnswersTooManyRequests() throws IOException {
        assertThat(status("prod", "/items", THROTTLED)).startsWith("200");
        assertThat(status("prod", "/items", THROTTLED)).startsWith("200");
        try (Response r = call("prod", "/items", THROTTLED)) {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
        }
        assertThat(status("prod", "/items", GOOD)).as("k1 has a bucket of its own in the same plan").startsWith("200");
    }

    @Test
    void aQuotaAdmitsExactlyItsLimitThenAnswersLimitExceeded() throws IOException {
        for (int i = 0; i < 3; i++) assertThat(status("prod", "/items", QUOTA)).startsWith("200");
        try (Response r = call("prod", "/items", QUOTA)) {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("LimitExceededException");
        }
    }

    @Test
    void quotaUseIsReportedPerKeyAndDayAndSurvivesARestart() throws IOException {
        for (int i = 0; i < 2; i++) assertThat(status("prod", "/items", QUOTA)).startsWith("200");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // AWS GetUsage: [used, remaining] per day; quota 3 per DAY, 2 used
        assertThat(gh.gateway.usage("plana", null, today, today).values()).isEqualTo(Map.of("k2", List.of(List.of(2L, 1L))));

        gh.close();
        gh = new GatewayHarness(dir, false);
        assertThat(status("prod", "/items", QUOTA)).as("the third of three").startsWith("200");
        assertThat(status("prod", "/items", QUOTA)).as("counted before the restart too")
                .isEqualTo("429 {\"message\":\"Limit Exceeded\"}");
    }

    @Test
    void aStageThrottleLimitsEachMethodOfTheStage() throws IOException {
        Stage prod = gh.gateway.workspace().stage(api.id(), "prod").orElseThrow();
        Stage.MethodSetting oneAtATime = new Stage.MethodSetting(null, null, null, 1, 0.001, null, null, null, null, null);
        gh.gateway.history().apply(Edit.putStage(api.id(), prod.withMethodSettings(Map.of("*/*", oneAtATime), 1L)));
        assertThat(status("prod", "/open", null)).startsWith("200");
        assertThat(status("prod", "/open", null)).isEqualTo("429 {\"message\":\"Too Many Requests\"}");
        assertThat(status("prod", "/items", GOOD)).as("each method has its own stage bucket").startsWith("200");
        assertThat(status("beta", "/open", null)).as("other stages are not limited").startsWith("200");
    }

    @Test
    void testInvokeSkipsKeysAndThrottlesAsAwsDoes() {
        String items = api.resourceByPath("/items").orElseThrow().id();
        var result = gh.gateway.testInvoke(api.id(), items, "GET",
                new dev.gatehouse.engine.invoke.TestInvokeRequest("/items", null, null, null, null));
        assertThat(result.status()).isEqualTo(200);
    }
}
