package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who changed what, when, with the before/after difference, written once per edit and only appended to. */
class AuditTrailTest {

    @TempDir Path dir;

    @Test
    void editsDeploysAndKeyChangesAreRecordedWithTheirActorAndDifference() throws Exception {
        try (Gateway gateway = Gateway.of(Workspace.create(dir, "audited"))) {
            ApiDefinition api = ApiDefinition.create("audapi0001", "Audited", Instant.EPOCH);
            ApiDefinition withGet = api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            AuditActor.callAs("console:tester", () -> gateway.history().apply(Edit.createApi(withGet)));
            AuditActor.callAs("cli:tester", () -> gateway.deploy("audapi0001", "prod", "first"));
            Stage stage = gateway.workspace().stage("audapi0001", "prod").orElseThrow();
            AuditActor.callAs("control-plane:AKIDEXAMPLE", () -> gateway.history().apply(Edit.putStage("audapi0001",
                    stage.withMethodSettings(Map.of("*/*", new Stage.MethodSetting(null, LoggingLevel.INFO, null, null,
                            null, null, null, null, null, null)), 0))));
            AuditActor.callAs("cli:tester", () -> gateway.history().apply(Edit.putApiKey(new ApiKey("key0001", "s3cretValue0123456789",
                    "k", null, null, true, null, null, null, null))));
        }
        List<JsonNode> trail = AuditTrail.ofWorkspace(dir).read(null);
        assertThat(trail).extracting(e -> e.path("eventName").asText()).containsExactly(
                "CreateRestApi", "CreateDeployment", "CreateStage", "UpdateStage", "CreateApiKey");
        assertThat(trail.get(0).path("userIdentity").asText()).isEqualTo("console:tester");
        assertThat(trail.get(0).path("eventSource").asText()).isEqualTo("console");
        assertThat(trail.get(1).path("userIdentity").asText()).isEqualTo("cli:tester");
        assertThat(trail.get(1).path("resource").asText()).startsWith("audapi0001/deployments/");
        JsonNode update = trail.get(3);
        assertThat(update.path("userIdentity").asText()).isEqualTo("control-plane:AKIDEXAMPLE");
        assertThat(update.path("resource").asText()).isEqualTo("audapi0001/stages/prod");
        assertThat(update.path("changes")).anySatisfy(c -> {
            assertThat(c.path("path").asText()).isEqualTo("/methodSettings"); // the stage had none before
            assertThat(c.path("before").isNull()).isTrue();
            assertThat(c.path("after").path("*/*").path("loggingLevel").asText()).isEqualTo("INFO");
        });
        String keyEntry = trail.get(4).toString();
        assertThat(keyEntry).doesNotContain("s3cretValue0123456789").contains("*****************6789");
        assertThat(Instant.parse(trail.get(4).path("eventTime").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aDeploymentsNewDescriptionIsRecordedAsUpdateDeploymentWithTheDifference() throws Exception {
        try (Gateway gateway = Gateway.of(Workspace.create(dir, "audited"))) {
            ApiDefinition api = ApiDefinition.create("audapi0003", "Audited", Instant.EPOCH);
            gateway.history().apply(Edit.createApi(api.updateResource(api.root().id(),
                    r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())))));
            String id = gateway.deploy("audapi0003", "prod", "first").deployment().id();
            AuditActor.callAs("control-plane:AKIDEXAMPLE",
                    () -> gateway.history().apply(Edit.describeDeployment("audapi0003", id, "release 1")));
        }
        JsonNode last = AuditTrail.ofWorkspace(dir).read(null).getLast();
        assertThat(last.path("eventName").asText()).isEqualTo("UpdateDeployment");
        assertThat(last.path("resource").asText()).startsWith("audapi0003/deployments/");
        assertThat(last.path("changes")).anySatisfy(c -> {
            assertThat(c.path("path").asText()).isEqualTo("/description");
            assertThat(c.path("before").asText()).isEqualTo("first");
            assertThat(c.path("after").asText()).isEqualTo("release 1");
        });
    }

    @Test
    void aChangeAnotherProcessMadeIsRecordedOnceByItAndNotAgainByAProcessFollowingTheDisk() throws Exception {
        try (Gateway setup = Gateway.of(Workspace.create(dir, "audited"))) {
            ApiDefinition api = ApiDefinition.create("audapi0002", "A", Instant.EPOCH);
            setup.history().apply(Edit.createApi(api));
        }
        Path file = dir.resolve(".gatehouse").resolve(AuditTrail.FILE);
        try (Gateway follower = Gateway.open(dir)) {
            follower.followDisk(Duration.ofMillis(50));
            try (Gateway writer = Gateway.open(dir)) {
                ApiDefinition before = writer.workspace().api("audapi0002").orElseThrow();
                writer.history().apply(Edit.replaceApi(before.withRestApi(before.restApi().withDescription("changed"))));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!"changed".equals(follower.workspace().api("audapi0002").orElseThrow().restApi().description())) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        List<JsonNode> trail = AuditTrail.ofWorkspace(dir).read(null);
        assertThat(trail).extracting(e -> e.path("eventName").asText()).containsExactly("CreateRestApi", "UpdateRestApi");
        assertThat(trail.get(1).path("changes")).singleElement().satisfies(c -> {
            assertThat(c.path("path").asText()).isEqualTo("/restApi/description");
            assertThat(c.path("after").asText()).isEqualTo("changed");
        });
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
