package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

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
}
