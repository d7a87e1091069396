package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceEditTest {
    @TempDir Path dir;
    Workspace ws;
    ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 4);

    @BeforeEach
    void workspaceWithOneDeployedApi() {
        ws = Workspace.create(dir, "demo");
        ws.apply(Edit.createApi(api));
        ws.apply(Edit.deployDraft(api.id(), new Deployment("dep001", null, 1L), "prod", NOW));
        ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("key0000001", "alice")));
        ws.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("plan01", api.id(), "prod", List.of("key0000001"))));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aFailedEditChangesNothingOnDiskOrInMemory() {
        ApiDefinition invalid = api.updateResource(api.resourceByPath("/items0").orElseThrow().id(),
                r -> new Resource(r.id(), r.parentId(), "items 0", r.path(), r.resourceMethods()));
        assertUnchangedAfterFailure(() -> ws.apply(Edit.createApi(api)), DefinitionException.class, "API already exists");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.replaceApi(invalid)), DefinitionException.class, "path part");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.replaceApi(WorkspaceFixtures.api("nope000001", "X", 1))),
                DefinitionException.class, "Invalid API identifier specified nope000001");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.putStage(api.id(), WorkspaceFixtures.stage("beta", "nodeploy"))),
                DefinitionException.class, "Invalid Deployment identifier specified");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.putStage(api.id(), WorkspaceFixtures.stage("bad name", "dep001"))),
                DefinitionException.class, "Stage name");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.deleteStage(api.id(), "nope")), DefinitionException.class,
                "Invalid stage identifier specified");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.all("Two steps, second fails", List.of(
                        Edit.putStage(api.id(), WorkspaceFixtures.stage("beta", "dep001")),
                        Edit.deleteApiKey("nope")))),
                DefinitionException.class, "Invalid API Key identifier specified");
        assertUnchangedAfterFailure(() -> ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("../../etc", "evil"))),
                DefinitionException.class, "Invalid API key id");
    }

    @Test
    void aWriteFailingHalfwayRestoresTheFilesAlreadyWritten() throws Exception {
        ws.apply(Edit.createApi(WorkspaceFixtures.api("orders0001", "Orders", 1)));
        // a file where the stages folder should be: the deployment is written, then the stage fails
        Files.writeString(dir.resolve("apis/orders0001/stages"), "in the way");
        Map<String, byte[]> before = WorkspaceFixtures.files(dir);
        WorkspaceState state = ws.state();

        assertThatThrownBy(() -> ws.apply(Edit.deployDraft("orders0001", new Deployment("dep002", null, 2L), "beta", NOW)))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("Could not deploy to beta: writing")
                .hasMessageContaining("beta.json");

        assertThat(dir.resolve("apis/orders0001/deployments/dep002.json")).doesNotExist();
        assertThat(WorkspaceFixtures.files(dir)).usingRecursiveComparison().isEqualTo(before);
        assertThat(ws.state()).isSameAs(state);
    }

    @Test
    void aFileChangedOnDiskBehindTheWorkspaceIsNotOverwritten() throws Exception {
        Path file = dir.resolve("apis/petstore01/api.json");
        String byHand = Files.readString(file).replace("\"name\" : \"PetStore\"", "\"name\" : \"Edited by hand\"");
        Files.writeString(file, byHand);
        Path stageByHand = dir.resolve("apis/petstore01/stages/beta.json");
        Files.writeString(stageByHand, "{}");

        assertThatThrownBy(() -> ws.apply(Edit.replaceApi(api.withRestApi(api.restApi().withDescription("mine")))))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("was changed on disk");
        assertThatThrownBy(() -> ws.apply(Edit.putStage(api.id(), WorkspaceFixtures.stage("beta", "dep001"))))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(stageByHand.toString());

        assertThat(Files.readString(file)).isEqualTo(byHand);
        assertThat(Files.readString(stageByHand)).isEqualTo("{}");
        ws.close();
        try (Workspace reopened = Workspace.open(dir)) {
            assertThat(reopened.api(api.id()).orElseThrow().name()).isEqualTo("Edited by hand");
        }
    }

    @Test
    void deletingAnApiRemovesItsFolderAndItsDefaultMark() {
        ws.apply(Edit.setDefaultApi(api.id()));

        AppliedEdit applied = ws.apply(Edit.deleteApi(api.id()));

        assertThat(applied.description()).isEqualTo("Delete API petstore01");
        assertThat(dir.resolve("apis/petstore01")).doesNotExist();
        assertThat(ws.apis()).isEmpty();
        assertThat(ws.stages(api.id())).isEmpty();
        assertThat(ws.deployments(api.id())).isEmpty();
        assertThat(ws.defaultApiId()).isEmpty();
    }

    @Test
    void renamingAStageKeepsItsSettings() {
        AppliedEdit applied = ws.apply(Edit.renameStage(api.id(), "prod", "live", NOW.plusSeconds(60)));

        assertThat(applied.description()).isEqualTo("Rename stage prod to live");
        assertThat(ws.stage(api.id(), "prod")).isEmpty();
        assertThat(ws.stage(api.id(), "live").orElseThrow().deploymentId()).isEqualTo("dep001");
        assertThat(dir.resolve("apis/petstore01/stages/prod.json")).doesNotExist();
        assertThat(dir.resolve("apis/petstore01/stages/live.json")).exists();
        assertThatThrownBy(() -> ws.apply(Edit.renameStage(api.id(), "live", "live", NOW)))
                .isInstanceOf(DefinitionException.class).hasMessage("Stage already exists");
    }

    @Test
    void deployingTheDraftFreezesItAndPointsTheStageAtIt() {
        ApiDefinition changed = api.withRestApi(api.restApi().withDescription("v2"));
        ws.apply(Edit.replaceApi(changed).describedAs("Change description"));

        AppliedEdit applied = ws.apply(Edit.deployDraft(api.id(), new Deployment("dep002", "v2", 2L), "prod", NOW));

        assertThat(applied.description()).isEqualTo("Deploy to prod");
        assertThat(ws.deployment(api.id(), "dep002").orElseThrow().api()).isEqualTo(changed);
        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().api()).isEqualTo(api);
        assertThat(ws.stage(api.id(), "prod").orElseThrow().deploymentId()).isEqualTo("dep002");
    }

    @Test
    void aDeploymentIsNeverReplaced() {
        assertThatThrownBy(() -> ws.apply(Edit.deploy(api.id(), WorkspaceFixtures.deployment(api, "dep001", 9), null)))
                .isInstanceOf(DefinitionException.class).hasMessage("Deployment already exists: dep001");
    }

    @Test
    void deletingAnApiKeyTakesItOutOfItsUsagePlans() {
        ws.apply(Edit.deleteApiKey("key0000001"));

        assertThat(ws.apiKeys()).isEmpty();
        assertThat(ws.state().usagePlan("plan01").orElseThrow().keyIds()).isEmpty();
    }

    @Test
    void twoApiKeysCannotShareAValue() {
        var copy = WorkspaceFixtures.apiKey("key0000002", "bob");
        var sameValue = new dev.gatehouse.engine.model.ApiKey(copy.id(), "key-value-of-key0000001-0123456789", copy.name(),
                null, null, true, 1L, 1L, List.of(), Map.of());
        assertThatThrownBy(() -> ws.apply(Edit.putApiKey(sameValue)))
                .isInstanceOf(DefinitionException.class).hasMessage("API Key value already exists");
    }

    @Test
    void editsCombinedWithAllAreOneStepWithOneRevision() {
        long revision = ws.revision();

        AppliedEdit applied = ws.apply(Edit.all("Import Orders", List.of(
                Edit.createApi(WorkspaceFixtures.api("orders0001", "Orders", 2)),
                Edit.deployDraft("orders0001", new Deployment("ord001", null, 3L), "prod", NOW),
                Edit.setDefaultApi("orders0001"))));

        assertThat(applied.revision()).isEqualTo(revision + 1);
        assertThat(applied.changes()).hasSize(4);
        assertThat(ws.stage("orders0001", "prod")).isPresent();
        assertThat(ws.defaultApiId()).contains("orders0001");
    }

    @Test
    void aUsagePlanMustNameExistingStagesAndKeys() {
        assertThatThrownBy(() -> ws.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("plan02", api.id(), "nostage", List.of()))))
                .isInstanceOf(DefinitionException.class).hasMessage("Invalid stage identifier specified");
        assertThatThrownBy(() -> ws.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("plan02", api.id(), "prod", List.of("nokey")))))
                .isInstanceOf(DefinitionException.class).hasMessage("Invalid API Key identifier specified");
    }

    @Test
    void aReadOnlyWorkspaceRefusesEdits() {
        try (Workspace readOnly = Workspace.openReadOnly(dir)) {
            assertThat(readOnly.isReadOnly()).isTrue();
            assertThat(readOnly.api(api.id())).contains(api);
            assertThatThrownBy(() -> readOnly.apply(Edit.setDefaultApi(api.id())))
                    .isInstanceOf(WorkspaceException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void aClosedWorkspaceRefusesEditsButStillAnswersQueries() {
        ws.close();
        assertThat(ws.api(api.id())).contains(api);
        assertThatThrownBy(() -> ws.apply(Edit.setDefaultApi(api.id()))).isInstanceOf(IllegalStateException.class);
    }

    private void assertUnchangedAfterFailure(ThrowingCallable edit, Class<? extends Exception> type, String message) {
        Map<String, byte[]> files = WorkspaceFixtures.files(dir);
        WorkspaceState state = ws.state();
        long revision = ws.revision();

        assertThatThrownBy(edit).isInstanceOf(type).hasMessageContaining(message);

        assertThat(WorkspaceFixtures.files(dir)).usingRecursiveComparison().isEqualTo(files);
        assertThat(ws.state()).isSameAs(state);
        assertThat(ws.revision()).isEqualTo(revision);
    }
}
