package dev.gatehouse.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.routing.RouteMatch;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private final AtomicInteger compiledMethods = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    private final PlanBuilder builder = new PlanBuilder(new DeploymentCompiler((api, resource, method) -> {
        compiledMethods.incrementAndGet();
        String label = api.restApi().description();
        return List.of((request, chain) -> GatewayResponse.of(200, Headers.empty(), label));
    }), nanos::get);

    @Test
    void deploymentsNoStageOrCanaryReferencesAreEvictedOnceTheyAreNoLongerFresh() {
        Map<String, DeploymentSnapshot> deployments = Map.of("d1", snapshot("d1", "one"), "d2", snapshot("d2", "two"),
                "d3", snapshot("d3", "three"));
        Stage prod = Stage.of("prod", "d1", 1).withCanarySettings(new Stage.CanarySettings(10.0, "d2", Map.of(), false), 1);
        builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(prod), deployments::get)),
                null, List.of(), (s, e) -> { throw e; });
        builder.compiled("api0000001", deployments.get("d3")); // a deploy compiling before its edit lands
        assertThat(builder.cachedDeployments()).isEqualTo(3);

        nanos.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(31));
        Stage rolledForward = Stage.of("prod", "d2", 2);
        builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(rolledForward), deployments::get)),
                null, List.of(), (s, e) -> { throw e; });
        // only d2 is referenced now: d1 (old main) and d3 (never deployed) are gone, d2 was not compiled again
        assertThat(builder.cachedDeployments()).isEqualTo(1);
        assertThat(compiledMethods).hasValue(3);
    }

    @Test
    void aDeploymentCompiledMomentsAgoSurvivesARebuildThatDoesNotReferenceItYet() {
        Map<String, DeploymentSnapshot> deployments = Map.of("d1", snapshot("d1", "one"), "d2", snapshot("d2", "two"));
        builder.compiled("api0000001", deployments.get("d2"));
        builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(Stage.of("prod", "d1", 1)), deployments::get)),
                null, List.of(), (s, e) -> { throw e; });
        assertThat(builder.cachedDeployments()).isEqualTo(2);
    }

    private static DeploymentSnapshot snapshot(String deploymentId, String label) {
        ApiDefinition api = ApiDefinition.create("api0000001", "Demo", Instant.EPOCH);
        api = api.withRestApi(api.restApi().withDescription(label)).addResource(api.root().id(), "pets", null);
        String pets = api.resourceByPath("/pets").orElseThrow().id();
        api = api.updateResource(pets, r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
        return new DeploymentSnapshot(new Deployment(deploymentId, label, 1L), api);
    }

    @Test
    void aDeploymentIsCompiledOnceAndSharedByStages() {
        DeploymentSnapshot d1 = snapshot("d1", "one");
        Stage dev = Stage.of("dev", "d1", 1);
        Stage prod = Stage.of("prod", "d1", 1);
        RuntimePlan plan = builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(dev, prod), id -> d1)),
                null, List.of(), (s, e) -> { throw e; });
        assertThat(plan.apis().get("api0000001").stages()).containsOnlyKeys("dev", "prod");
        assertThat(compiledMethods).hasValue(1);
        assertThat(plan.defaultApiId()).isEqualTo("api0000001");
    }

    @Test
    void stageVariablesReachThePlanAndTheCanaryGetsItsOverrides() {
        Map<String, DeploymentSnapshot> deployments = Map.of("d1", snapshot("d1", "one"), "d2", snapshot("d2", "two"));
        Stage stage = Stage.of("prod", "d1", 1).withVariables(Map.of("host", "a", "mode", "x"), 1)
                .withCanarySettings(new Stage.CanarySettings(25.0, "d2", Map.of("host", "b"), false), 1);
        StagePlan plan = builder.stagePlan("api0000001", stage, deployments::get);
        assertThat(plan.stageVariables()).containsEntry("host", "a");
        assertThat(plan.canary().stageVariables()).containsEntry("host", "b").containsEntry("mode", "x");
        assertThat(plan.canary().deploymentId()).isEqualTo("d2");
        assertThat(plan.pick(10.0)).isSameAs(plan.canary());
        assertThat(plan.pick(30.0)).isSameAs(plan);
    }

    @Test
    void routesServeTheDeployedSnapshotNotTheDraft() {
        StagePlan plan = builder.stagePlan("api0000001", Stage.of("dev", "d1", 1), id -> snapshot("d1", "frozen"));
        RouteMatch<MethodPlan> match = plan.routes().match("GET", "/pets");
        GatewayResponse response = match.target().filters().get(0).filter(null, null);
        assertThat(response.bodyText()).isEqualTo("frozen");
    }

    @Test
    void aMethodWithoutIntegrationFailsTheDeployWithAwsMessage() {
        ApiDefinition api = ApiDefinition.create("api0000001", "Demo", Instant.EPOCH);
        ApiDefinition broken = api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET")));
        DeploymentSnapshot s = new DeploymentSnapshot(new Deployment("d9", null, 1L), broken);
        assertThatThrownBy(() -> builder.compiled("api0000001", s))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("No integration defined for method");
    }

    @Test
    void aStageThatCannotCompileIsReportedAndTheOthersStillServe() {
        List<String> errors = new ArrayList<>();
        Stage good = Stage.of("dev", "d1", 1);
        Stage bad = Stage.of("old", "missing", 1);
        RuntimePlan plan = builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(good, bad),
                id -> "d1".equals(id) ? snapshot("d1", "one") : null)), null, List.of(), (s, e) -> errors.add(s));
        assertThat(plan.apis().get("api0000001").stages()).containsOnlyKeys("dev");
        assertThat(errors).containsExactly("api0000001/old");
    }

    @Test
    void customDomainsMapOntoApiStages() {
        DomainName domain = new DomainName("api.example.com", null, null, null, null, null, null, null, null, null,
                List.of(new DomainName.BasePathMapping("v1", "api0000001", "dev")));
        RuntimePlan plan = builder.build(List.of(new PlanBuilder.ApiStages("api0000001", List.of(Stage.of("dev", "d1", 1)),
                id -> snapshot("d1", "one"))), null, List.of(domain), (s, e) -> { throw e; });
        var address = plan.address("API.example.com:4010", "/v1/pets");
        assertThat(address.apiId()).isEqualTo("api0000001");
        assertThat(address.stage()).isEqualTo("dev");
        assertThat(address.path()).isEqualTo("/pets");
    }
}
