package dev.gatehouse.app.sdk;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Export SDK dialog: stage, language (or all languages, or the HTML documentation), package name, version,
 * output folder and base URL, each with a message line under it (the error, else a hint). Export keeps the dialog
 * open: a progress bar runs while the SDK is generated, then a banner shows the zip's path with "Open folder".
 */
public final class SdkExportDialog extends Dialog<Void> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
    private static final String ERROR_STYLE = "validation-error";
    private static final String HINT_STYLE = "muted";

    private final SdkExportViewModel vm;
    private ComboBox<String> stage;
    private ComboBox<ExportTarget> target;
    private TextField packageName;
    private TextField version;
    private TextField outputFolder;
    private Button browse;
    private TextField baseUrl;
    private Label stageMessage;
    private Label targetMessage;
    private Label packageMessage;
    private Label versionMessage;
    private Label outputMessage;
    private Label baseUrlMessage;
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
        target = new ComboBox<>(vm.targets());
        target.setId("sdkTarget");
        target.setMaxWidth(Double.MAX_VALUE);
        packageName = field("sdkPackage", "e.g. pet-store");
        version = field("sdkVersion", "1.0.0");
        outputFolder = field("sdkOutput", "Folder for the SDK's folder and zip");
        browse = new Button("Browse…", new FontIcon(Feather.FOLDER));
        browse.setId("sdkBrowse");
        baseUrl = field("sdkBaseUrl", "http://127.0.0.1:4010/restapis/{api}/{stage}/_user_request_");
        stageMessage = message("sdkStageHint");
        targetMessage = message("sdkTargetHint");
        packageMessage = message("sdkPackageMessage");
        versionMessage = message("sdkVersionMessage");
        outputMessage = message("sdkOutputMessage");
        baseUrlMessage = message("sdkBaseUrlMessage");
        progress = new ProgressBar();
        progress.setId("sdkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressText = new Label();
        progressText.setId("sdkProgressText");
        progressText.getStyleClass().add(HINT_STYLE);
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
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // never "Output fol…"
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        HBox outputRow = new HBox(6, outputFolder, browse);
        HBox.setHgrow(outputFolder, Priority.ALWAYS);
        int row = 0;
        row = addField(grid, row, "Stage", stage, stageMessage);
        row = addField(grid, row, "Language", target, targetMessage);
        row = addField(grid, row, "Package name", packageName, packageMessage);
        row = addField(grid, row, "Version", version, versionMessage);
        row = addField(grid, row, "Output folder", outputRow, outputMessage);
        addField(grid, row, "Base URL", baseUrl, baseUrlMessage);

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

        VBox content = new VBox(10, grid, status);
        content.setPrefWidth(600);
        getDialogPane().setContent(content);
        setResultConverter(b -> null);
    }

    private void bind() {
        headerTextProperty().bind(Bindings.concat("Export a client SDK or the documentation of ", vm.apiNameProperty()));
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        packageName.textProperty().bindBidirectional(vm.packageNameProperty());
        version.textProperty().bindBidirectional(vm.versionProperty());
        outputFolder.textProperty().bindBidirectional(vm.outputFolderProperty());
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());

        stage.disableProperty().bind(Bindings.isEmpty(vm.stages()).or(vm.exportingProperty()));
        target.disableProperty().bind(vm.exportingProperty());
        packageName.disableProperty().bind(vm.packageLabelProperty().isEmpty().or(vm.exportingProperty()));
        version.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.targetProperty().get() == null || !vm.targetProperty().get().isSdk(), vm.targetProperty()).or(vm.exportingProperty()));
        outputFolder.disableProperty().bind(vm.exportingProperty());
        browse.disableProperty().bind(vm.exportingProperty());
        baseUrl.disableProperty().bind(vm.exportingProperty());

        showMessage(stageMessage, null, Bindings.createStringBinding(() -> vm.stageHintProperty().get().isEmpty()
                ? "Generated from the stage's deployment, not from the draft" : vm.stageHintProperty().get(), vm.stageHintProperty()));
        showMessage(targetMessage, null, Bindings.createStringBinding(this::targetHint, vm.targetProperty(), vm.apiNameProperty(), vm.stageProperty()));
        showMessage(packageMessage, vm.packageErrorProperty(), Bindings.createStringBinding(this::packageHint, vm.targetProperty()));
        showMessage(versionMessage, vm.versionErrorProperty(), Bindings.createStringBinding(
                () -> vm.targetProperty().get() != null && !vm.targetProperty().get().isSdk() ? "Not used for the documentation"
                        : "MAJOR.MINOR.PATCH, optionally with a -suffix",
                vm.targetProperty()));
        showMessage(outputMessage, vm.outputErrorProperty(), Bindings.createStringBinding(() -> "Created when missing"));
        showMessage(baseUrlMessage, vm.baseUrlErrorProperty(), Bindings.createStringBinding(() -> "Where the generated clients send requests"));
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
        // a message that wraps to more lines must not push the buttons out of the window
        for (Label message : List.of(stageMessage, targetMessage, packageMessage, versionMessage, outputMessage, baseUrlMessage)) {
            message.textProperty().addListener((obs, old, text) -> Platform.runLater(this::growToFit));
        }
        setOnShown(e -> target.requestFocus());
    }

    private String targetHint() {
        ExportTarget t = vm.targetProperty().get();
        if (t == null) return "";
        return switch (t.kind()) {
            case SDK -> "A folder with a README and its zip, in the output folder";
            case ALL_SDKS -> "One folder and zip per language, in the output folder";
            case DOCUMENTATION -> "index.html and openapi.json in "
                    + (vm.stageProperty().get() == null ? "a folder of their own"
                    : SdkExportJob.docsFolderName(vm.apiNameProperty().get(), vm.stageProperty().get()));
        };
    }

    private String packageHint() {
        ExportTarget t = vm.targetProperty().get();
        if (t == null) return "";
        return switch (t.kind()) {
            case SDK -> "The " + t.language().packageNameLabel();
            case ALL_SDKS -> "Each SDK gets its language's default package name";
            case DOCUMENTATION -> "Not used for the documentation";
        };
    }

    private void growToFit() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) return;
        if (getDialogPane().prefHeight(getDialogPane().getWidth()) > getDialogPane().getHeight() + 0.5) window.sizeToScene();
    }

    private static int addField(GridPane grid, int row, String label, javafx.scene.Node field, Label message) {
        grid.addRow(row, new Label(label), field);
        grid.add(message, 1, row + 1);
        return row + 2;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label message(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(HINT_STYLE);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // a two-line reason is shown whole
        return label;
    }

    /** The error when there is one (in the error colour), else the hint; either may be null. */
    private static void showMessage(Label label, ObservableStringValue error, ObservableStringValue hint) {
        StringBinding text = Bindings.createStringBinding(() -> {
            String e = error == null ? "" : error.get();
            return e != null && !e.isEmpty() ? e : hint == null || hint.get() == null ? "" : hint.get();
        }, Stream.of(error, hint).filter(Objects::nonNull).toArray(Observable[]::new));
        label.textProperty().bind(text);
        Runnable style = () -> {
            boolean isError = error != null && error.get() != null && !error.get().isEmpty();
            label.getStyleClass().removeAll(ERROR_STYLE, HINT_STYLE);
            label.getStyleClass().add(isError ? ERROR_STYLE : HINT_STYLE);
        };
        if (error != null) error.addListener((obs, old, e) -> style.run());
        style.run();
    }

    private static void markInvalid(TextField field, ObservableStringValue error) {
        error.addListener((obs, old, e) -> field.pseudoClassStateChanged(INVALID, !e.isEmpty()));
        field.pseudoClassStateChanged(INVALID, !error.get().isEmpty());
    }
}
