package dev.gatehouse.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import org.junit.jupiter.api.Test;

class ModelsViewModelTest {
    private final Harness h = Harness.petStore();
    private final ModelsViewModel vm = new ModelsViewModel(h.workbench);

    @Test
    void listsTheApiModelsAndLoadsThePrettySchema() {
        assertThat(vm.names()).containsExactly("Empty", "Error");
        assertThat(vm.selectedProperty().get()).isEqualTo("Empty");
        assertThat(vm.loadedProperty().get().schema()).contains("\n  \"title\" : \"Empty Schema\"");
    }

    @Test
    void invalidJsonIsFlaggedAndCannotBeSaved() {
        vm.setEditedSchema("{\"type\": ");

        assertThat(vm.schemaProblemProperty().get()).contains("line 1");
        vm.save();
        assertThat(h.dialogs.errors).singleElement().asString().contains("not valid JSON");
        assertThat(h.workbench.canUndoProperty().get()).isFalse();
    }

    @Test
    void createdModelIsSelectedAndItsSchemaEditIsUndoable() {
        assertThat(vm.nameProblem("Toy Box")).isNotNull();
        vm.create("Toy");
        assertThat(vm.selectedProperty().get()).isEqualTo("Toy");

        vm.setEditedSchema("{\"type\": \"object\", \"required\": [\"name\"]}");
        vm.save();

        assertThat(h.workbench.selectedApi().orElseThrow().model("Toy").orElseThrow().schema()).contains("required");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Update model Toy");
    }

    @Test
    void modelUsedByAMethodCannotBeDeleted() {
        String petsId = h.workbench.selectedApi().orElseThrow().resourceByPath("/pets").orElseThrow().id();
        new dev.gatehouse.app.resources.ResourceTreeViewModel(h.workbench).addMethod(petsId, "PUT");
        vm.selectedProperty().set("Empty");

        vm.deleteSelected();

        assertThat(h.dialogs.errors).singleElement().asString().contains("is referenced in method response 200: /pets/PUT");
        assertThat(vm.names()).contains("Empty");
    }
}
