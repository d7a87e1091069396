package dev.gatehouse.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Selection;
import org.junit.jupiter.api.Test;

class ResourcesPageViewModelTest {
    private final Harness h = Harness.petStore();
    private final ResourceTreeViewModel tree = new ResourceTreeViewModel(h.workbench);
    private final ResourcesPageViewModel vm = new ResourcesPageViewModel(h.workbench, tree);

    @Test
    void anOpenedApiShowsItsRootResourceAsAwsConsoleOpensIt() {
        // PetStore was opened: its root / (no methods of its own) is selected, every method can be added to it
        assertThat(vm.detailProperty().get()).isEqualTo(ResourcesPageViewModel.Detail.RESOURCE);
        assertThat(vm.resourcePathProperty().get()).isEqualTo("/");
        assertThat(vm.methods()).isEmpty();
        assertThat(vm.addableMethods()).allMatch(ResourcesPageViewModel.AddableMethod::enabled);
    }

    @Test
    void nothingIsShownWhenTheSelectionIsCleared() {
        h.workbench.select(null);

        assertThat(vm.detailProperty().get()).isEqualTo(ResourcesPageViewModel.Detail.NOTHING);
    }

    @Test
    void aSelectedResourceShowsItsPathMethodsAndTheMethodsItCanStillHave() {
        // when /pets (GET, a MOCK) is selected
        h.workbench.select(Selection.resource("r-pets"));

        // then its summary
        assertThat(vm.detailProperty().get()).isEqualTo(ResourcesPageViewModel.Detail.RESOURCE);
        assertThat(vm.resourcePathProperty().get()).isEqualTo("/pets");
        assertThat(vm.resourceInfoProperty().get()).isEqualTo("Resource id r-pets");
        assertThat(vm.methods()).extracting(ResourcesPageViewModel.MethodEntry::httpMethod).containsExactly("GET");
        assertThat(vm.addableMethods()).filteredOn(m -> !m.enabled()).extracting(ResourcesPageViewModel.AddableMethod::httpMethod)
                .containsExactly("GET");
        assertThat(vm.addableMethods()).extracting(ResourcesPageViewModel.AddableMethod::httpMethod)
                .containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
        assertThat(vm.canCreateChildProperty().get()).isTrue();
    }

    @Test
    void addingAMethodShowsItAndOpeningItSwitchesToTheMethodView() {
        h.workbench.select(Selection.resource("r-petid"));

        vm.addMethod("DELETE");

        assertThat(vm.methods()).extracting(ResourcesPageViewModel.MethodEntry::httpMethod).containsExactly("DELETE");
        vm.openMethod("DELETE");
        assertThat(h.workbench.selectionProperty().get()).isEqualTo(Selection.method("r-petid", "DELETE"));
        assertThat(vm.detailProperty().get()).isEqualTo(ResourcesPageViewModel.Detail.METHOD);
    }
}
