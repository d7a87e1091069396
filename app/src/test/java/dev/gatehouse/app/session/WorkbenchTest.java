package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.FakeSession;
import dev.gatehouse.app.Harness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkbenchTest {

    @Test
    void openingAWorkspaceSelectsItsDefaultApiAndRemembersIt() {
        Harness h = Harness.petStore();

        assertThat(h.workbench.selectedApi()).map(a -> a.name()).contains("PetStore");
        assertThat(h.preferences.recentWorkspaces()).containsExactly(Path.of("/tmp/fake-workspace"));
        assertThat(h.workbench.recentWorkspaces()).hasSize(1);
    }

    @Test
    void undoMenuTextNamesTheEditAndRedoRestoresIt() {
        Harness h = Harness.petStore();
        String rootId = h.workbench.selectedApi().orElseThrow().root().id();

        h.workbench.edit("Create resource /toys", api -> api.addResource(rootId, "toys", null));

        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Create resource /toys");
        assertThat(h.workbench.canUndoProperty().get()).isTrue();
        h.workbench.undo();
        assertThat(h.workbench.selectedApi().orElseThrow().resourceByPath("/toys")).isEmpty();
        assertThat(h.workbench.redoTextProperty().get()).isEqualTo("Redo Create resource /toys");
        h.workbench.redo();
        assertThat(h.workbench.selectedApi().orElseThrow().resourceByPath("/toys")).isPresent();
    }

    @Test
    void aRefusedEditShowsAwsMessageAndChangesNothing() {
        Harness h = Harness.petStore();
        String rootId = h.workbench.selectedApi().orElseThrow().root().id();

        h.workbench.edit("Create resource /pets", api -> api.addResource(rootId, "pets", null));

        assertThat(h.dialogs.errors).singleElement().asString()
                .contains("Another resource with the same parent already has this name: pets");
        assertThat(h.workbench.canUndoProperty().get()).isFalse();
    }

    @Test
    void closingWithUnsavedEditorsAsksAndCanBeRefused() {
        Harness h = Harness.petStore();
        h.workbench.setUnsaved("editor", true);
        h.dialogs.confirmAnswer = false;

        assertThat(h.workbench.close()).isFalse();
        assertThat(h.fake.closed).isFalse();

        h.dialogs.confirmAnswer = true;
        assertThat(h.workbench.close()).isTrue();
        assertThat(h.fake.closed).isTrue();
        assertThat(h.dialogs.confirmations).isEqualTo(2);
    }

    @Test
    void aCreatedApiIsListedAndSelectedEvenWhenTheChangeListenersReReadArrivesLater() {
        // given the app's ordering: work on one worker, callbacks queued for the UI thread in order
        FxOrderRunner runner = new FxOrderRunner();
        FakeSession fake = new FakeSession(FakeSession.petStore());
        Workbench workbench = new Workbench(runner, new dev.gatehouse.app.FakeDialogs(), new Harness.Preferences(), opener(fake));
        workbench.open(fake.root());
        runner.drain();

        // when an API is created
        workbench.createApi("Toys", "toy shop", dev.gatehouse.engine.model.EndpointType.REGIONAL);
        runner.drain();

        // then it is listed and selected, with what the form said
        assertThat(workbench.apisProperty()).extracting(a -> a.name()).contains("Toys");
        assertThat(workbench.selectedApi()).map(a -> a.name()).contains("Toys");
        assertThat(workbench.selectedApi().orElseThrow().restApi().description()).isEqualTo("toy shop");
        assertThat(workbench.selectedApi().orElseThrow().restApi().endpointConfiguration().types())
                .containsExactly(dev.gatehouse.engine.model.EndpointType.REGIONAL);
        assertThat(workbench.undoTextProperty().get()).isEqualTo("Undo Create API Toys");
    }

    @Test
    void aNewApiOpensWithItsRootResourceSelectedAsAwsConsoleDoes() {
        // given the PetStore workspace, opened on its root resource /
        Harness h = Harness.petStore();
        assertThat(h.workbench.selectionProperty().get()).isEqualTo(Selection.resource(h.api().root().id()));

        // when an API is created
        h.workbench.createApi("Toys");

        // then it is shown with its root resource / selected (not a method), so the page is not empty
        Selection selected = h.workbench.selectionProperty().get();
        assertThat(selected).isNotNull();
        assertThat(selected.isMethod()).isFalse();
        assertThat(h.workbench.selectedApi().orElseThrow().resource(selected.resourceId()))
                .map(r -> r.path()).contains("/");
    }

    @Test
    void deletingTheSelectedResourceSelectsTheRootInsteadOfLeavingThePageEmpty() {
        // given /pets/{petId} selected in PetStore
        Harness h = Harness.petStore();
        h.workbench.select(Selection.resource("r-petid"));

        // when it is deleted (another process, or the tree's Delete)
        h.workbench.edit("Delete resource /pets/{petId}", api -> api.removeResource("r-petid"));

        // then the root / is selected
        assertThat(h.workbench.selectionProperty().get()).isEqualTo(Selection.resource(h.api().root().id()));
        assertThat(h.api().root().path()).isEqualTo("/");
    }

    @Test
    void aCloneCopiesEveryResourceUnderNewIdsAndIsSelected() {
        Harness h = Harness.petStore();
        String source = h.api().id();

        h.workbench.cloneApi(source, "PetStore v2", null);

        assertThat(h.api().name()).isEqualTo("PetStore v2");
        assertThat(h.api().id()).isNotEqualTo(source);
        assertThat(h.api().resources()).extracting(r -> r.path()).containsExactly("/", "/pets", "/pets/{petId}");
        assertThat(h.api().resourceByPath("/pets").orElseThrow().method("GET")).isNotNull();
        assertThat(h.api().resourceByPath("/pets").orElseThrow().id()).isNotEqualTo("r-pets");
        assertThat(h.api().resourceByPath("/pets/{petId}").orElseThrow().parentId())
                .isEqualTo(h.api().resourceByPath("/pets").orElseThrow().id());
        assertThat(h.workbench.apisProperty()).hasSize(2);
    }

    @Test
    void deletingTheSelectedApiSelectsAnotherAndUndoBringsItBack() {
        Harness h = Harness.petStore();
        h.workbench.createApi("Toys");
        String toys = h.api().id();

        h.workbench.deleteApi(toys);

        assertThat(h.workbench.apisProperty()).extracting(a -> a.name()).containsExactly("PetStore");
        assertThat(h.api().name()).isEqualTo("PetStore");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Delete API Toys");
        h.workbench.undo();
        assertThat(h.workbench.apisProperty()).extracting(a -> a.name()).contains("Toys");
    }

    private static WorkspaceOpener opener(WorkspaceSession session) {
        return new WorkspaceOpener() {
            @Override public WorkspaceSession open(Path folder) { return session; }

            @Override public WorkspaceSession create(Path folder) { return session; }
        };
    }

    /** Work runs at once, in order (one worker); callbacks wait in a queue, as Platform.runLater does. */
    private static final class FxOrderRunner implements dev.gatehouse.app.core.TaskRunner {
        private final java.util.ArrayDeque<Runnable> work = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();

        @Override
        public <T> void run(java.util.concurrent.Callable<T> task, java.util.function.Consumer<? super T> onSuccess,
                            java.util.function.Consumer<? super Throwable> onFailure) {
            work.add(() -> {
                try {
                    T result = task.call();
                    ui.add(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    ui.add(() -> onFailure.accept(e));
                }
            });
        }

        @Override public void onUiThread(Runnable action) { ui.add(action); }

        void drain() {
            while (!work.isEmpty() || !ui.isEmpty()) {
                while (!work.isEmpty()) work.poll().run();
                if (!ui.isEmpty()) ui.poll().run();
            }
        }
    }
}
