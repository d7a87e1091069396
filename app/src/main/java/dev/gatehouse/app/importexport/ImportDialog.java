package dev.gatehouse.app.importexport;

import dev.gatehouse.app.theme.ThemeManager;
import dev.gatehouse.engine.openapi.FidelityReport;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The import report: the file, where it goes (new API, overwrite, merge), the fidelity report (severity,
 * JSON pointer, message) and Apply. Shown while {@link ImportViewModel#openProperty()} is true; Apply keeps it
 * open until the edit is stored. Ids: {@code importSummary}, {@code importTarget}, {@code importReport},
 * {@code importApply}, {@code importCancel}.
 */
final class ImportDialog {
    private static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private final ImportViewModel vm;
    private final Dialog<Void> dialog = new Dialog<>();
    private Label file;
    private Label summary;
    private ComboBox<ImportViewModel.Target> target;
    private TableView<FidelityReport.Entry> report;
    private ProgressIndicator busy;
    private Button apply;
    private Button cancel;

    ImportDialog(ImportViewModel vm, Window owner) {
        this.vm = vm;
        createParts();
        layoutParts(owner);
        bind();
        wireEvents();
    }

    private void createParts() {
        file = new Label();
        file.getStyleClass().add("section-title");
        summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        target = new ComboBox<>();
        target.setId("importTarget");
        report = new TableView<>(vm.entries());
        report.setId("importReport");
        report.setPlaceholder(new Label("Nothing to report"));
        TableColumn<FidelityReport.Entry, String> severity = column("Severity", 96, e -> e.severity().name());
        severity.setMinWidth(96); // "Warning" in full: the flexible column gives way, never this one
        severity.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT));
                getStyleClass().removeAll("severity-ERROR", "severity-WARNING", "severity-INFO");
                if (!empty && s != null) getStyleClass().add("severity-" + s);
            }
        });
        TableColumn<FidelityReport.Entry, String> pointer = column("Pointer", 240, FidelityReport.Entry::pointer);
        TableColumn<FidelityReport.Entry, String> message = column("Message", 420, FidelityReport.Entry::message);
        pointer.setCellFactory(c -> new WrappingCell());
        message.setCellFactory(c -> new WrappingCell());
        report.getColumns().setAll(List.of(severity, pointer, message));
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
    }

    /** A cell whose text wraps to the column's width, so a long message is read in full, never cut to "…". */
    private static final class WrappingCell extends TableCell<FidelityReport.Entry, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(widthProperty().subtract(14));
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
        }

        @Override protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            text.setText(empty || s == null ? "" : s);
            setGraphic(empty ? null : text);
            setText(null);
        }
    }

    private static TableColumn<FidelityReport.Entry, String> column(String title, double width,
                                                                   java.util.function.Function<FidelityReport.Entry, String> value) {
        TableColumn<FidelityReport.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void layoutParts(Window owner) {
        dialog.setTitle("Import OpenAPI");
        dialog.setHeaderText("Review the import before applying it");
        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().addAll(ThemeManager.consoleStylesheet(),
                ImportDialog.class.getResource("importexport.css").toExternalForm());
        dialog.getDialogPane().setId("importDialog");
        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        apply = (Button) dialog.getDialogPane().lookupButton(APPLY);
        apply.setId("importApply");
        cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("importCancel");
        HBox targetRow = new HBox(8, new Label("Import"), target, busy);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        Label reportHeading = new Label("Fidelity report");
        reportHeading.getStyleClass().add("section-title");
        VBox content = new VBox(8, file, targetRow, summary, reportHeading, report);
        VBox.setVgrow(report, Priority.ALWAYS);
        content.setPrefSize(820, 460);
        dialog.getDialogPane().setContent(content);
    }

    private void bind() {
        file.textProperty().bind(vm.sourceProperty().map(p -> p.getFileName().toString()).orElse(""));
        summary.textProperty().bind(vm.summaryProperty());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        apply.disableProperty().bind(vm.canApplyProperty().not());
        vm.openProperty().addListener((obs, old, open) -> {
            if (open) show();
            else if (dialog.isShowing()) dialog.close();
        });
    }

    private void wireEvents() {
        // Apply stores the edit in the background; the dialog closes when the view-model says it is done
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.apply();
        });
        dialog.setOnCloseRequest(e -> {
            if (vm.openProperty().get()) vm.cancel();
        });
    }

    /** Shows the dialog if a document is loaded (the view creates the dialog on the first load). */
    void showIfOpen() {
        if (vm.openProperty().get()) show();
    }

    private void show() {
        List<ImportViewModel.Target> targets = vm.hasSelectedApi() ? List.of(ImportViewModel.Target.values())
                : List.of(ImportViewModel.Target.NEW_API);
        target.getItems().setAll(targets);
        if (!targets.contains(vm.targetProperty().get())) vm.targetProperty().set(ImportViewModel.Target.NEW_API);
        if (!dialog.isShowing()) dialog.show();
    }
}
