package dev.gatehouse.app.importexport;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.app.session.EngineTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Exporting the selected API: the document type (OpenAPI 3.0 or Swagger 2.0), whether the
 * {@code x-amazon-apigateway-*} extensions are included, JSON or YAML; {@link #export} renders and writes the
 * file in the background. FX thread only.
 */
public final class ExportViewModel {
    private final Workbench workbench;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.OAS30);
    private final BooleanProperty extensions = new SimpleBooleanProperty(this, "extensions", true);
    private final BooleanProperty yaml = new SimpleBooleanProperty(this, "yaml", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ExportViewModel(Workbench workbench) {
        this.workbench = workbench;
    }

    public ObjectProperty<ExportFormat> formatProperty() { return format; }

    /** True to include every API Gateway extension (integrations, authorizers, validators...). */
    public BooleanProperty extensionsProperty() { return extensions; }

    public BooleanProperty yamlProperty() { return yaml; }

    /** "Exported PetStore to /tmp/petstore-oas30.json", or why it failed. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** True when an API is selected. */
    public boolean canExport() { return workbench.selectedApi().isPresent(); }

    /** "petstore-oas30.yaml" for the selected API and the chosen options. */
    public String suggestedFileName() {
        String name = workbench.selectedApi().map(ApiDefinition::name).orElse("api")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (name.isEmpty() ? "api" : name) + "-" + (format.get() == ExportFormat.OAS30 ? "oas30" : "swagger")
                + (yaml.get() ? ".yaml" : ".json");
    }

    /** Asks where to write the file, then exports. */
    public void chooseAndExport() {
        if (!canExport()) return;
        String ext = yaml.get() ? "*.yaml" : "*.json";
        workbench.dialogs().chooseFileToSave("Export " + workbench.selectedApi().orElseThrow().name(), suggestedFileName(),
                yaml.get() ? "YAML documents" : "JSON documents", List.of(ext)).ifPresent(this::export);
    }

    /** Writes the selected API to {@code file} with the chosen options, in the background. */
    public void export(Path file) {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (api == null) return;
        ExportFormat f = format.get();
        ExportOptions options = ExportOptions.json(extensions.get() ? ExportExtensions.APIGATEWAY : ExportExtensions.NONE).withYaml(yaml.get());
        status.set("Exporting " + api.name() + "…");
        workbench.tasks().run(() -> {
            Files.writeString(file, EngineTools.exportOpenApi(api, f, options), StandardCharsets.UTF_8);
            return file;
        }, written -> status.set("Exported " + api.name() + " to " + written), e -> {
            status.set("Export failed: " + e.getMessage());
            workbench.dialogs().showError("Cannot export " + api.name(), e);
        });
    }
}
