package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServedStagesReportTest {

    private static final ServedStagesReport.Names NAMES = new ServedStagesReport.Names() {
        @Override public String apiName(String apiId) {
            return apiId.equals("api1") ? "Demo" : apiId;
        }

        @Override public String urls(String apiId, String stageName) {
            return "http://h/" + apiId + "/" + stageName;
        }
    };

    /** A plan serving each "apiId/stage=deploymentId" given. */
    private static RuntimePlan plan(String... stages) {
        Map<String, Map<String, StagePlan>> byApi = new HashMap<>();
        RouteTable<MethodPlan> noRoutes = RouteTable.<MethodPlan>builder().build();
        for (String s : stages) {
            String api = s.substring(0, s.indexOf('/'));
            String stage = s.substring(s.indexOf('/') + 1, s.indexOf('='));
            String deployment = s.substring(s.indexOf('=') + 1);
            byApi.computeIfAbsent(api, k -> new HashMap<>()).put(stage, new StagePlan(stage, deployment, Map.of(), noRoutes));
        }
        Map<String, ApiPlan> apis = new HashMap<>();
        byApi.forEach((api, st) -> apis.put(api, new ApiPlan(api, null, st)));
        return new RuntimePlan(apis, null, null);
    }

    @Test
    void aStageDeployedAfterTheStartIsAnnouncedWithItsUrls() {
        ServedStagesReport report = new ServedStagesReport(NAMES, RuntimePlan.EMPTY, Map.of());

        assertThat(report.update(plan("api1/dev=d1"), Map.of()))
                .containsExactly("Demo / dev:  http://h/api1/dev   now served");
    }

    @Test
    void aRedeployNamesTheNewAndTheFormerDeployment() {
        ServedStagesReport report = new ServedStagesReport(NAMES, plan("api1/dev=d1", "api1/prod=p1"), Map.of());

        assertThat(report.update(plan("api1/dev=d2", "api1/prod=p1"), Map.of()))
                .containsExactly("Demo / dev:  deployment d2 now served (was d1)");
    }

    @Test
    void aDeletedStageIsNoLongerServed() {
        ServedStagesReport report = new ServedStagesReport(NAMES, plan("api1/dev=d1", "other/v1=x"), Map.of());

        assertThat(report.update(plan("other/v1=x"), Map.of())).containsExactly("Demo / dev:  no longer served");
    }

    @Test
    void aStageThatStopsCompilingIsReportedOnceWithItsReason() {
        ServedStagesReport report = new ServedStagesReport(NAMES, plan("api1/dev=d1"), Map.of());

        Map<String, String> problems = Map.of("api1/dev", "the template of GET /x does not parse");
        assertThat(report.update(plan(), problems))
                .containsExactly("not served: api1/dev: the template of GET /x does not parse");
        assertThat(report.update(plan(), problems)).isEmpty();
    }

    @Test
    void anUnchangedPlanSaysNothing() {
        ServedStagesReport report = new ServedStagesReport(NAMES, plan("api1/dev=d1"), Map.of());

        assertThat(report.update(plan("api1/dev=d1"), Map.of())).isEmpty();
    }
}
