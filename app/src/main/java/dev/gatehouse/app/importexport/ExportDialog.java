package dev.gatehouse.app.importexport;

import dev.gatehouse.app.theme.ThemeManager;
import dev.gatehouse.engine.openapi.ExportFormat;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Export options (document type, extensions, JSON or YAML) before the save dialog. Ids: {@code exportFormat},
 * {@code exportExtensions}, {@code exportYaml}.
 */
final class ExportDialog {
    private static final ButtonType EXPORT = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);

    private final ExportViewModel vm;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private ComboBox<ExportFormat> format;
    private CheckBox extensions;
    private CheckBox yaml;

    ExportDialog(ExportViewModel vm, Window owner) {
        this.vm = vm;
        createParts();
        layoutParts(owner);
        bind();
    }

    private void createParts() {
        format = new ComboBox<>(FXCollections.observableArrayList(ExportFormat.values()));
        format.setId("exportFormat");
        javafx.util.Callback<javafx.scene.control.ListView<ExportFormat>, ListCell<ExportFormat>> cells = lv -> new ListCell<>() {
            @Override protected void updateItem(ExportFormat f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f == ExportFormat.OAS30 ? "OpenAPI 3.0" : "Swagger 2.0");
            }
        };
        format.setCellFactory(cells);
        format.setButtonCell(cells.call(null));
        extensions = new CheckBox("Include API Gateway extensions (x-amazon-apigateway-*)");
        extensions.setId("exportExtensions");
        yaml = new CheckBox("YAML instead of JSON");
        yaml.setId("exportYaml");
    }

    private void layoutParts(Window owner) {
        dialog.setTitle("Export API");
        dialog.setHeaderText("Export the selected API as an OpenAPI document");
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(ThemeManager.consoleStylesheet());
        dialog.getDialogPane().setId("exportDialog");
        dialog.getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(EXPORT).setId("exportOk");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Format"), format);
        grid.add(extensions, 1, 1);
        grid.add(yaml, 1, 2);
        dialog.getDialogPane().setContent(grid);
    }

    private void bind() {
        format.valueProperty().bindBidirectional(vm.formatProperty());
        extensions.selectedProperty().bindBidirectional(vm.extensionsProperty());
        yaml.selectedProperty().bindBidirectional(vm.yamlProperty());
    }

    /** Shows the options; Export asks for the file and writes it. */
    void open() {
        if (!vm.canExport()) return;
        dialog.showAndWait().filter(EXPORT::equals).ifPresent(b -> vm.chooseAndExport());
    }
}
