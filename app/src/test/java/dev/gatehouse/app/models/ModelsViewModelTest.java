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
    void jsonThatIsNotADraft4SchemaIsFlaggedWithThePathAndCannotBeSaved() {
        vm.setEditedSchema("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": 5}}}");

        assertThat(vm.schemaProblemProperty().get()).contains("draft 4").contains("$.properties.id.type");
        vm.save();
        assertThat(h.dialogs.errors).singleElement().asString().contains("not valid JSON Schema");
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

    @Test
    void schemaGeneratedFromAnExampleIsShownDirtyAndStoredOnlyWhenSaved() {
        vm.create("Item");

        boolean generated = vm.generateFromExample("{\"id\": 1, \"name\": \"x\"}");

        assertThat(generated).isTrue();
        String schema = vm.generatedProperty().get().schema();
        assertThat(schema).contains("\"required\"").contains("\"integer\"").contains("\"title\" : \"Item\"");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.schemaProblemProperty().get()).isEmpty();
        assertThat(h.workbench.selectedApi().orElseThrow().model("Item").orElseThrow().schema()).doesNotContain("required");

        vm.save();

        assertThat(h.workbench.selectedApi().orElseThrow().model("Item").orElseThrow().schema()).contains("required", "integer");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Update model Item");
    }

    @Test
    void invalidExampleIsExplainedWithItsPositionAndLeavesTheSchemaAlone() {
        String before = vm.loadedProperty().get().schema();

        boolean generated = vm.generateFromExample("{\"id\": 1,\n \"name\" \"x\"}");

        assertThat(generated).isFalse();
        assertThat(vm.exampleProblemProperty().get()).contains("not valid JSON").contains("line 2");
        assertThat(vm.generatedProperty().get()).isNull();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.loadedProperty().get().schema()).isEqualTo(before);
    }
}
