package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceEditHistoryTest {
    @TempDir Path dir;
    Workspace ws;
    EditHistory history;
    ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 2);

    @BeforeEach
    void workspaceWithOneApi() {
        ws = Workspace.create(dir, "demo");
        ws.apply(Edit.createApi(api));
        history = new EditHistory(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void undoAndRedoWalkThroughTheEditsWithTheirDescriptions() {
        ApiDefinition withPets = api.addResource(api.root().id(), "pets", null);
        history.apply(Edit.replaceApi(withPets).describedAs("Create resource /pets"));
        assertThat(history.undoDescription()).contains("Create resource /pets");
        assertThat(history.canRedo()).isFalse();

        AppliedEdit undone = history.undo();

        assertThat(undone.description()).isEqualTo("Undo Create resource /pets");
        assertThat(ws.api(api.id())).contains(api);
        assertThat(history.canUndo()).isFalse();
        assertThat(history.redoDescription()).contains("Create resource /pets");

        history.redo();

        assertThat(ws.api(api.id())).contains(withPets);
        assertThat(history.undoDescription()).contains("Create resource /pets");
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void undoRestoresTheFilesByteForByte() {
        Map<String, byte[]> before = WorkspaceFixtures.files(dir);
        history.apply(Edit.replaceApi(api.withRestApi(api.restApi().withName("Renamed"))));
        history.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("key0000001", "alice")));

        history.undo();
        history.undo();

        assertThat(WorkspaceFixtures.files(dir)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void undoingADeployMovesTheStageBackButKeepsTheDeploymentFile() {
        history.apply(Edit.deployDraft(api.id(), new Deployment("dep001", null, 1L), "prod", NOW));
        ApiDefinition v2 = api.withRestApi(api.restApi().withDescription("v2"));
        history.apply(Edit.replaceApi(v2));
        history.apply(Edit.deployDraft(api.id(), new Deployment("dep002", null, 2L), "prod", NOW));
        assertThat(history.undoDescription()).contains("Deploy to prod");

        history.undo();

        assertThat(ws.stage(api.id(), "prod").orElseThrow().deploymentId()).isEqualTo("dep001");
        assertThat(ws.deployment(api.id(), "dep002")).isPresent();
        assertThat(dir.resolve("apis/petstore01/deployments/dep002.json")).exists();

        history.redo();

        assertThat(ws.stage(api.id(), "prod").orElseThrow().deploymentId()).isEqualTo("dep002");
    }

    @Test
    void describingADeploymentChangesOnlyItsDescriptionAndUndoBringsTheOldOneBack() {
        history.apply(Edit.deployDraft(api.id(), new Deployment("dep001", "first", 1L), "prod", NOW));
        ApiDefinition frozen = ws.deployment(api.id(), "dep001").orElseThrow().api();
        history.apply(Edit.replaceApi(api.withRestApi(api.restApi().withDescription("draft moved on"))));

        history.apply(Edit.describeDeployment(api.id(), "dep001", "release 1"));

        assertThat(history.undoDescription()).contains("Describe deployment dep001");
        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().deployment()).isEqualTo(new Deployment("dep001", "release 1", 1L));
        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().api()).isEqualTo(frozen);
        assertThat(WorkspaceFixtures.read(dir.resolve("apis/petstore01/deployments/dep001.json"))).contains("release 1");

        history.undo();

        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().deployment().description()).isEqualTo("first");
        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().api()).isEqualTo(frozen);
    }

    @Test
    void aDeploymentsFrozenApiCannotBeRewrittenAndAnUnknownOneCannotBeDescribed() {
        history.apply(Edit.deployDraft(api.id(), new Deployment("dep001", "first", 1L), "prod", NOW));
        DocKey.DeploymentDoc key = new DocKey.DeploymentDoc(api.id(), "dep001");
        Edit rewrite = new Edit() {
            @Override public String description() {
                return "Rewrite deployment";
            }

            @Override public java.util.List<Change<?>> plan(WorkspaceState state) {
                var before = state.get(key);
                var after = new dev.gatehouse.engine.model.DeploymentSnapshot(before.deployment(),
                        before.api().withRestApi(before.api().restApi().withDescription("changed")));
                return java.util.List.of(Change.of(key, before, after));
            }
        };

        assertThatThrownBy(() -> ws.apply(rewrite)).isInstanceOf(WorkspaceException.class).hasMessageContaining("is immutable");
        assertThatThrownBy(() -> ws.apply(Edit.describeDeployment(api.id(), "nosuch", "x")))
                .hasMessage("Invalid Deployment identifier specified");
        assertThat(ws.deployment(api.id(), "dep001").orElseThrow().api().restApi().description()).isNotEqualTo("changed");
    }

    @Test
    void undoingAnApiDeletionBringsBackItsStagesAndDeployments() {
        history.apply(Edit.deployDraft(api.id(), new Deployment("dep001", null, 1L), "prod", NOW));
        Map<String, byte[]> before = WorkspaceFixtures.files(dir);
        history.apply(Edit.deleteApi(api.id()));

        history.undo();

        assertThat(WorkspaceFixtures.files(dir)).usingRecursiveComparison().isEqualTo(before);
        assertThat(ws.stage(api.id(), "prod")).isPresent();
        assertThat(ws.deployment(api.id(), "dep001")).isPresent();

        history.redo();

        assertThat(dir.resolve("apis/petstore01")).doesNotExist();
    }

    @Test
    void undoOverSomeoneElsesChangeFailsNamingTheFileAndKeepsTheHistory() {
        history.apply(Edit.replaceApi(api.withRestApi(api.restApi().withName("Mine"))));
        ws.apply(Edit.replaceApi(api.withRestApi(api.restApi().withName("Theirs"))));

        assertThatThrownBy(history::undo)
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("apis/petstore01/api.json".replace('/', java.io.File.separatorChar))
                .hasMessageContaining("was changed since");

        assertThat(ws.api(api.id()).orElseThrow().name()).isEqualTo("Theirs");
        assertThat(history.canUndo()).isTrue();
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void aNewEditClearsRedo() {
        history.apply(Edit.setDefaultApi(api.id()));
        history.undo();
        assertThat(history.canRedo()).isTrue();

        history.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("key0000001", "alice")));

        assertThat(history.canRedo()).isFalse();
        assertThat(history.undoDescription()).contains("Save API key alice");
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        history.apply(Edit.replaceApi(api));

        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void theHistoryKeepsOnlyItsLimit() {
        EditHistory small = new EditHistory(ws, 2);
        small.apply(Edit.setDefaultApi(api.id()));
        small.apply(Edit.setDefaultApi(null));
        small.apply(Edit.setDefaultApi(api.id()));

        small.undo();
        small.undo();

        assertThat(small.canUndo()).isFalse();
        assertThat(ws.defaultApiId()).contains(api.id());
        assertThatThrownBy(small::undo).isInstanceOf(IllegalStateException.class).hasMessage("Nothing to undo");
    }
}
