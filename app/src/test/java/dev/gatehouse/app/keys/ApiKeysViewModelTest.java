package dev.gatehouse.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeysViewModelTest {
    private final Harness ws = Harness.sample();
    private final ApiKeysViewModel vm = new ApiKeysViewModel(ws.workbench);

    @AfterEach
    void close() {
        ws.close();
    }

    private ApiKey stored(String name) {
        return ws.session().traffic().apiKeys().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGeneratedKeyHas40LettersAndDigitsAndIsShownMaskedUntilAsked() {
        // given a named key with a generated value
        vm.newNameProperty().set("partner");

        // when it is created
        assertThat(vm.create()).isTrue();

        // then it is stored, selected, and its value masked but for the last four characters
        String value = stored("partner").value();
        assertThat(value).matches("[A-Za-z0-9]{40}");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("partner");
        assertThat(vm.valueProperty().get()).isEqualTo("•".repeat(36) + value.substring(36));
        vm.showValueProperty().set(true);
        assertThat(vm.valueProperty().get()).isEqualTo(value);
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Create API key partner");
    }

    @Test
    void anImportedValueNeedsAtLeast20CharactersAsAwsSays() {
        vm.newNameProperty().set("imported");
        vm.newGeneratedProperty().set(false);
        vm.newValueProperty().set("x".repeat(19));
        assertThat(vm.newProblemProperty().get()).isEqualTo("API Key value should be at least 20 characters (it has 19)");
        assertThat(vm.create()).isFalse();

        vm.newValueProperty().set("x".repeat(20));
        assertThat(vm.newProblemProperty().get()).isEmpty();
        assertThat(vm.create()).isTrue();
        assertThat(stored("imported").value()).isEqualTo("x".repeat(20));
    }

    @Test
    void disablingAndDeletingAreUndoableEdits() {
        vm.newNameProperty().set("k");
        vm.create();
        vm.setEnabled(false);
        assertThat(stored("k").enabled()).isFalse();
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Disable API key k");

        vm.delete();
        assertThat(ws.dialogs.lastConfirmMessage).startsWith("Delete API key k?");
        assertThat(ws.session().traffic().apiKeys()).isEmpty();
        ws.session().undo();
        assertThat(stored("k").enabled()).isFalse();
    }
}
