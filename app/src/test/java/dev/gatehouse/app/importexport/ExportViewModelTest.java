package dev.gatehouse.app.importexport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.openapi.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExportViewModelTest {
    private final Harness h = Harness.sample();
    private final ExportViewModel vm = new ExportViewModel(h.workbench);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void exportsOpenApi30JsonWithExtensionsToTheChosenFile() throws IOException {
        Path file = Files.createTempDirectory("export").resolve("out.json");
        h.dialogs.saveFileAnswer = file;

        vm.chooseAndExport();

        String text = Files.readString(file);
        assertThat(text).startsWith("{").contains("\"openapi\" : \"3.0.1\"").contains("x-amazon-apigateway-integration");
        assertThat(vm.statusProperty().get()).startsWith("Exported PetStore to");
    }

    @Test
    void exportsSwaggerYamlWithoutExtensions() throws IOException {
        Path file = Files.createTempDirectory("export").resolve("out.yaml");
        vm.formatProperty().set(ExportFormat.SWAGGER);
        vm.yamlProperty().set(true);
        vm.extensionsProperty().set(false);

        vm.export(file);

        String text = Files.readString(file);
        assertThat(text).contains("swagger: \"2.0\"").doesNotContain("x-amazon-apigateway-integration");
    }

    @Test
    void theSuggestedNameFollowsTheApiAndOptions() {
        assertThat(vm.suggestedFileName()).isEqualTo("petstore-oas30.json");
        vm.formatProperty().set(ExportFormat.SWAGGER);
        vm.yamlProperty().set(true);
        assertThat(vm.suggestedFileName()).isEqualTo("petstore-swagger.yaml");
    }
}
