package dev.gatehouse.app.importexport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.FidelityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportViewModelTest {
    private static final Path PETSTORE = Harness.repo().resolve("tests/src/test/resources/openapi/aws/petstore-getexport-style.oas30.json");

    private final Harness h = Harness.sample();
    private final ImportViewModel vm = new ImportViewModel(h.workbench);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void loadingShowsTheReportAndChangesNothingUntilApplied() {
        int before = h.workbench.apisProperty().size();

        vm.load(PETSTORE);

        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("resources").contains("methods");
        assertThat(h.workbench.apisProperty()).hasSize(before);
    }

    @Test
    void applyingAsANewApiStoresOneUndoableEditAndSelectsIt() {
        int before = h.workbench.apisProperty().size();
        vm.load(PETSTORE);
        ApiDefinition preview = vm.previewProperty().get();

        vm.apply();

        assertThat(h.workbench.apisProperty()).hasSize(before + 1);
        assertThat(h.api().id()).isEqualTo(preview.id());
        assertThat(h.api().resourceByPath("/pets")).isPresent();
        assertThat(vm.openProperty().get()).isFalse();
        assertThat(h.gateway().history().undoDescription()).hasValueSatisfying(d -> assertThat(d).startsWith("Import API"));
        h.workbench.undo();
        assertThat(h.workbench.apisProperty()).hasSize(before);
    }

    @Test
    void mergingIntoTheSelectedApiKeepsItsIdAndItsOwnResources() {
        ApiDefinition selected = h.api();
        vm.load(PETSTORE);

        vm.targetProperty().set(ImportViewModel.Target.MERGE);
        vm.apply();

        ApiDefinition merged = h.api();
        assertThat(merged.id()).isEqualTo(selected.id());
        assertThat(merged.resources().size()).isGreaterThanOrEqualTo(selected.resources().size());
        assertThat(h.gateway().history().undoDescription()).hasValueSatisfying(d ->
                assertThat(d).startsWith("Import petstore-getexport-style.oas30.json into").endsWith("(merge)"));
    }

    @Test
    void aBrokenDocumentShowsWhyAndCannotBeApplied() throws IOException {
        Path broken = Files.createTempFile("broken", ".json");
        Files.writeString(broken, "{\"openapi\": \"3.0.1\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"$ref\": \"other.json#/x\"}}}}}}");

        vm.load(broken);

        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith("Cannot import");
        assertThat(vm.entries()).extracting(FidelityReport.Entry::severity).contains(FidelityReport.Severity.ERROR);
    }

    @Test
    void cancellingDropsTheDocument() {
        vm.load(PETSTORE);

        vm.cancel();

        assertThat(vm.openProperty().get()).isFalse();
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.sourceProperty().get()).isNull();
    }

    @Test
    void onlyJsonAndYamlFilesAreAcceptedByDragAndDrop() {
        assertThat(ImportViewModel.accepts(Path.of("a.yaml"))).isTrue();
        assertThat(ImportViewModel.accepts(Path.of("a.YML"))).isTrue();
        assertThat(ImportViewModel.accepts(Path.of("a.json"))).isTrue();
        assertThat(ImportViewModel.accepts(Path.of("a.txt"))).isFalse();
    }
}
