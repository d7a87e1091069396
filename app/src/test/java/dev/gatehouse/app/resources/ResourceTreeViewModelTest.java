package dev.gatehouse.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import org.junit.jupiter.api.Test;

class ResourceTreeViewModelTest {
    private final Harness h = Harness.petStore();
    private final ResourceTreeViewModel vm = new ResourceTreeViewModel(h.workbench);

    private ApiDefinition api() {
        return h.workbench.selectedApi().orElseThrow();
    }

    @Test
    void treeShowsResourcesWithTheirMethodsUnderTheRoot() {
        TreeEntry root = vm.rootProperty().get();

        assertThat(root.path()).isEqualTo("/");
        TreeEntry pets = root.children().getFirst();
        assertThat(pets.label()).isEqualTo("/pets");
        assertThat(pets.children()).extracting(TreeEntry::toString).containsExactly("GET /pets", "/pets/{petId}");
        assertThat(pets.children().getFirst().integrationType()).isEqualTo(IntegrationType.MOCK);
    }

    @Test
    void filterKeepsMatchingMethodsAndTheirAncestors() {
        vm.filterProperty().set("get pets");

        TreeEntry pets = vm.rootProperty().get().children().getFirst();
        assertThat(pets.children()).extracting(TreeEntry::toString).containsExactly("GET /pets");

        vm.filterProperty().set("petId");
        assertThat(vm.rootProperty().get().children().getFirst().children()).extracting(TreeEntry::path).containsExactly("/pets/{petId}");
    }

    @Test
    void pathPartProblemsUseAwsMessages() {
        String petsId = api().resourceByPath("/pets").orElseThrow().id();

        assertThat(vm.pathPartProblem(petsId, "bad part", null)).get().asString().startsWith("Resource's path part only allow");
        assertThat(vm.pathPartProblem(petsId, "{other}", null)).get().asString().contains("only one is allowed");
        assertThat(vm.pathPartProblem(petsId, "toys", null)).isEmpty();
        assertThat(vm.childPath(petsId, "toys")).isEqualTo("/pets/toys");
    }

    @Test
    void createChildIsOneUndoableEditAndSelectsTheNewResource() {
        String rootId = api().root().id();

        vm.createChild(rootId, "toys");

        String toysId = api().resourceByPath("/toys").orElseThrow().id();
        assertThat(h.workbench.selectionProperty().get()).isEqualTo(Selection.resource(toysId));
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Create resource /toys");
    }

    @Test
    void addMethodCreatesAMockMethodThatAnswers200() {
        String petsId = api().resourceByPath("/pets").orElseThrow().id();

        vm.addMethod(petsId, "post");

        Method post = api().resource(petsId).orElseThrow().method("POST");
        assertThat(post.methodIntegration().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(post.methodIntegration().requestTemplates()).containsEntry("application/json", "{\"statusCode\": 200}");
        assertThat(post.methodIntegration().integrationResponses()).containsKey("200");
        assertThat(post.methodResponses()).containsKey("200");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Create method POST /pets");
        assertThat(vm.canAddMethod(petsId, "POST")).isFalse();
    }

    @Test
    void renameMovesDescendantPaths() {
        String petsId = api().resourceByPath("/pets").orElseThrow().id();

        vm.rename(petsId, "animals");

        assertThat(api().resourceByPath("/animals/{petId}")).isPresent();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Rename resource /pets to animals");
    }

    @Test
    void deleteAsksFirstAndDoesNothingWhenCancelled() {
        String petsId = api().resourceByPath("/pets").orElseThrow().id();
        h.dialogs.confirmAnswer = false;

        vm.delete(petsId);
        assertThat(api().resourceByPath("/pets")).isPresent();

        h.dialogs.confirmAnswer = true;
        vm.delete(petsId);
        assertThat(api().resourceByPath("/pets")).isEmpty();
        assertThat(api().resourceByPath("/pets/{petId}")).isEmpty();
    }

    @Test
    void deletingAResourceNamesItsChildResourcesAndMethodsAndDeletingAMethodAsksToo() {
        String petsId = api().resourceByPath("/pets").orElseThrow().id();
        h.dialogs.confirmAnswer = false;

        vm.delete(petsId);
        assertThat(h.dialogs.lastConfirmMessage).startsWith("Delete resource /pets?")
                .contains("Child resource /pets/{petId}").contains("Method GET /pets")
                .contains("You can undo this");

        vm.deleteMethod(petsId, "GET");
        assertThat(h.dialogs.lastConfirmMessage).startsWith("Delete method GET /pets?");
        assertThat(api().resourceByPath("/pets").orElseThrow().method("GET")).isNotNull();
    }
}
