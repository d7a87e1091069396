package dev.gatehouse.app.sdk;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Export SDK dialog: stage, language (or all languages, or the HTML documentation), package name, version,
 * output folder and base URL, each with its error under it. Export keeps the dialog open: a progress bar runs
 * while the SDK is generated, then a banner shows the zip's path with "Open folder".
 */
public final class SdkExportDialog extends Dialog<Void> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final SdkExportViewModel vm;
    private ComboBox<String> stage;
    private Label stageHint;
    private ComboBox<ExportTarget> target;
    private Label packageLabel;
    private TextField packageName;
    private Label packageError;
    private TextField version;
    private Label versionError;
    private TextField outputFolder;
    private Button browse;
    private Label outputError;
    private TextField baseUrl;
    private Label baseUrlError;
    private ProgressBar progress;
    private Label progressText;
    private VBox busy;
    private Label resultSummary;
    private TextField resultPath;
    private Button openFolder;
    private VBox result;
    private Button export;

    public SdkExportDialog(SdkExportViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    /** Prepares the view model for the selected API and shows the dialog (not blocking). FX thread only. */
    public void open(Window owner) {
        if (getOwner() == null && owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) getDialogPane().getStylesheets().addAll(0, owner.getScene().getStylesheets());
        }
        vm.prepare();
        if (!isShowing()) show();
    }

    private void createParts() {
        stage = new ComboBox<>(vm.stages());
        stage.setId("sdkStage");
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setPromptText("No deployed stage");
        stageHint = hint("sdkStageHint");
        target = new ComboBox<>(vm.targets());
        target.setId("sdkTarget");
        target.setMaxWidth(Double.MAX_VALUE);
        packageLabel = new Label();
        packageName = field("sdkPackage", "e.g. pet-store");
        packageError = error("sdkPackageError");
        version = field("sdkVersion", "1.0.0");
        versionError = error("sdkVersionError");
        outputFolder = field("sdkOutput", "Folder for the SDK's folder and zip");
        browse = new Button("Browse…", new FontIcon(Feather.FOLDER));
        browse.setId("sdkBrowse");
        outputError = error("sdkOutputError");
        baseUrl = field("sdkBaseUrl", "http://127.0.0.1:4010/restapis/{api}/{stage}/_user_request_");
        baseUrlError = error("sdkBaseUrlError");
        progress = new ProgressBar();
        progress.setId("sdkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressText = new Label();
        progressText.setId("sdkProgressText");
        progressText.getStyleClass().add("muted");
        resultSummary = new Label();
        resultSummary.setId("sdkResultSummary");
        resultSummary.setWrapText(true);
        resultSummary.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        resultPath = new TextField();
        resultPath.setId("sdkResultPath");
        resultPath.setEditable(false); // selectable, so the path can be copied
        openFolder = new Button("Open folder", new FontIcon(Feather.FOLDER));
        openFolder.setId("sdkOpenFolder");
    }

    private void layoutParts() {
        setTitle("Export SDK");
        getDialogPane().setId("sdkExportDialog");
        getDialogPane().getStylesheets().add(SdkExportDialog.class.getResource("sdk.css").toExternalForm());
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CLOSE);
        export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("sdkExportOk");
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("sdkClose");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        HBox outputRow = new HBox(6, outputFolder, browse);
        HBox.setHgrow(outputFolder, Priority.ALWAYS);
        int row = 0;
        grid.addRow(row++, new Label("Stage"), stage);
        grid.add(stageHint, 1, row++);
        grid.addRow(row++, new Label("Language"), target);
        grid.addRow(row++, packageLabel, packageName);
        grid.add(packageError, 1, row++);
        grid.addRow(row++, new Label("Version"), version);
        grid.add(versionError, 1, row++);
        grid.addRow(row++, new Label("Output folder"), outputRow);
        grid.add(outputError, 1, row++);
        grid.addRow(row++, new Label("Base URL"), baseUrl);
        grid.add(baseUrlError, 1, row);

        busy = new VBox(6, progress, progressText);
        busy.setId("sdkBusy");
        HBox resultActions = new HBox(6, resultPath, openFolder);
        HBox.setHgrow(resultPath, Priority.ALWAYS);
        result = new VBox(6, resultSummary, resultActions);
        result.setId("sdkResult");
        result.getStyleClass().add("sdk-result");
        // one slot for progress and result, sized for either, so the dialog does not jump
        StackPane status = new StackPane(busy, result);
        status.setMinHeight(76);

        VBox content = new VBox(12, grid, status);
        content.setPrefWidth(600);
        getDialogPane().setContent(content);
        setResultConverter(b -> null);
    }

    private void bind() {
        headerTextProperty().bind(Bindings.concat("Export a client SDK or the documentation of ", vm.apiNameProperty()));
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        stage.disableProperty().bind(Bindings.isEmpty(vm.stages()).or(vm.exportingProperty()));
        stageHint.textProperty().bind(vm.stageHintProperty());
        showWhenNotEmpty(stageHint, vm.stageHintProperty());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.disableProperty().bind(vm.exportingProperty());
        packageLabel.textProperty().bind(Bindings.when(vm.packageLabelProperty().isEmpty()).then("Package name")
                .otherwise(Bindings.createStringBinding(() -> capitalised(vm.packageLabelProperty().get()), vm.packageLabelProperty())));
        packageName.textProperty().bindBidirectional(vm.packageNameProperty());
        packageName.disableProperty().bind(vm.packageLabelProperty().isEmpty().or(vm.exportingProperty()));
        packageError.textProperty().bind(Bindings.createStringBinding(() -> {
            ExportTarget t = vm.targetProperty().get();
            if (t != null && t.kind() == ExportTarget.Kind.ALL_SDKS) return "Each SDK gets its language's default package name";
            return vm.packageErrorProperty().get();
        }, vm.packageErrorProperty(), vm.targetProperty()));
        version.textProperty().bindBidirectional(vm.versionProperty());
        version.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.targetProperty().get() == null || !vm.targetProperty().get().isSdk(), vm.targetProperty()).or(vm.exportingProperty()));
        versionError.textProperty().bind(vm.versionErrorProperty());
        outputFolder.textProperty().bindBidirectional(vm.outputFolderProperty());
        outputFolder.disableProperty().bind(vm.exportingProperty());
        browse.disableProperty().bind(vm.exportingProperty());
        outputError.textProperty().bind(vm.outputErrorProperty());
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrl.disableProperty().bind(vm.exportingProperty());
        baseUrlError.textProperty().bind(vm.baseUrlErrorProperty());
        markInvalid(packageName, vm.packageErrorProperty());
        markInvalid(version, vm.versionErrorProperty());
        markInvalid(outputFolder, vm.outputErrorProperty());
        markInvalid(baseUrl, vm.baseUrlErrorProperty());

        export.disableProperty().bind(vm.canExportProperty().not());
        progress.progressProperty().bind(vm.progressProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        busy.visibleProperty().bind(vm.exportingProperty());
        result.visibleProperty().bind(vm.lastExportProperty().isNotNull());
        resultSummary.textProperty().bind(Bindings.createStringBinding(
                () -> vm.lastExportProperty().get() == null ? "" : vm.lastExportProperty().get().summary(), vm.lastExportProperty()));
        resultPath.textProperty().bind(Bindings.createStringBinding(
                () -> vm.lastExportProperty().get() == null ? "" : vm.lastExportProperty().get().location().toString(), vm.lastExportProperty()));
        openFolder.setVisible(vm.canOpenFolders());
        openFolder.setManaged(vm.canOpenFolders());
    }

    private void wireEvents() {
        // Export must not close the dialog: the banner with the result shows in it when the generation is done
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.export();
        });
        browse.setOnAction(e -> vm.chooseOutputFolder());
        openFolder.setOnAction(e -> vm.openFolder());
        setOnShown(e -> target.requestFocus());
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label error(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("validation-error");
        label.setWrapText(true);
        return label;
    }

    private static Label hint(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void markInvalid(TextField field, ObservableStringValue error) {
        error.addListener((obs, old, e) -> field.pseudoClassStateChanged(INVALID, !e.isEmpty()));
        field.pseudoClassStateChanged(INVALID, !error.get().isEmpty());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
