package dev.gatehouse.app.keys;

import dev.gatehouse.app.core.MasterDetailPage;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The API Keys page: the keys in a table (name, id, enabled, created, usage plans); for the selected one its value
 * (masked, Show and Copy), Enabled, the description; Create API key… opens a form (generated or imported value).
 * The view builds, binds and forwards to {@link ApiKeysViewModel}.
 */
public final class ApiKeysView extends VBox {
    private final ApiKeysViewModel vm;
    private Button create;
    private Button delete;
    private Label notice;
    private TableView<ApiKeysViewModel.KeyRow> table;
    private Label title;
    private TextField value;
    private ToggleButton show;
    private Button copy;
    private CheckBox enabled;
    private TextField description;
    private Button saveDescription;
    private Label plans;
    private VBox details;
    private Dialog<ButtonType> createDialog;

    public ApiKeysView(ApiKeysViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        create = new Button("Create API key…", new FontIcon(Feather.PLUS));
        create.setId("apiKeyCreate");
        create.getStyleClass().add("accent");
        delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
        delete.setId("apiKeyDelete");
        notice = new Label();
        notice.setId("apiKeysNotice");
        notice.getStyleClass().add("muted");
        table = MasterDetailPage.table("apiKeyTable", vm.keys(), "No API keys yet: create one, then add it to a usage plan");
        table.getColumns().add(column("Name", ApiKeysViewModel.KeyRow::name, 120));
        table.getColumns().add(column("ID", ApiKeysViewModel.KeyRow::id, 90));
        table.getColumns().add(column("Enabled", r -> r.enabled() ? "Enabled" : "Disabled", 80));
        table.getColumns().add(column("Created", ApiKeysViewModel.KeyRow::created, 120));
        table.getColumns().add(column("Usage plans", ApiKeysViewModel.KeyRow::plans, 100));
        title = new Label();
        title.setId("apiKeyTitle");
        title.getStyleClass().add("title-3");
        value = new TextField();
        value.setId("apiKeyValue");
        value.setEditable(false);
        show = new ToggleButton("Show", new FontIcon(Feather.EYE));
        show.setId("apiKeyShow");
        show.setTooltip(new Tooltip("Show the value in clear"));
        copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("apiKeyCopy");
        copy.setTooltip(new Tooltip("Copy the value to the clipboard (it stays masked here)"));
        enabled = new CheckBox("Enabled");
        enabled.setId("apiKeyEnabled");
        description = new TextField();
        description.setId("apiKeyDescription");
        description.setPromptText("What this key is for, who holds it");
        saveDescription = new Button("Save");
        saveDescription.setId("apiKeySaveDescription");
        plans = new Label();
        plans.setId("apiKeyPlans");
        plans.setWrapText(true);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double minWidth) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setMinWidth(minWidth);
        return column;
    }

    private void layoutParts() {
        setId("apiKeysPage");

        HBox valueRow = new HBox(6, value, show, copy);
        HBox.setHgrow(value, Priority.ALWAYS);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        HBox descriptionRow = new HBox(6, description, saveDescription);
        HBox.setHgrow(description, Priority.ALWAYS);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        // labels keep their width: a wrapping value beside them cut "Usage plans" to "Usage pl…" at 1360 px
        form.addRow(0, label("API key"), valueRow);
        form.add(enabled, 1, 1);
        form.addRow(2, label("Description"), descriptionRow);
        form.addRow(3, label("Usage plans"), plans);
        GridPane.setHgrow(valueRow, Priority.ALWAYS);
        Label hint = new Label("Callers send the value in the x-api-key header. A method marked \"API key required\" "
                + "answers 403 Forbidden to a missing, unknown or disabled key, or a key in no usage plan of the stage.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        details = new VBox(12, title, form, hint);
        details.setId("apiKeyDetails");
        details.setPadding(new Insets(0, 0, 0, 12));
        MasterDetailPage.titled("API Keys").notice(notice).actions(delete, create)
                .split(table, details, Orientation.HORIZONTAL, 0.55).fill(this);
    }

    private void bind() {
        title.textProperty().bind(vm.selectedProperty().map(r -> "API key " + r.name()).orElse("No API key selected"));
        value.textProperty().bind(vm.valueProperty());
        show.selectedProperty().bindBidirectional(vm.showValueProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        plans.textProperty().bind(vm.selectedProperty().map(r -> r.plans().isEmpty()
                ? "In no usage plan: add it to one on the Usage Plans page" : r.plans()).orElse(""));
        notice.textProperty().bind(vm.noticeProperty());
        details.disableProperty().bind(vm.selectedProperty().isNull());
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) table.getSelectionModel().select(row);
            enabled.setSelected(row != null && row.enabled());
        });
    }

    private void wireEvents() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        enabled.setOnAction(e -> vm.setEnabled(enabled.isSelected()));
        saveDescription.setOnAction(e -> vm.saveDescription());
        description.setOnAction(e -> vm.saveDescription());
        delete.setOnAction(e -> vm.delete());
        copy.setOnAction(e -> {
            String v = vm.valueInClear();
            if (v == null) return;
            ClipboardContent content = new ClipboardContent();
            content.putString(v);
            Clipboard.getSystemClipboard().setContent(content);
        });
        create.setOnAction(e -> openCreateDialog());
    }

    /** Opens the Create API key form (not blocking); Create stays disabled while the form has a problem. */
    public void openCreateDialog() {
        vm.resetNew();
        if (createDialog == null) createDialog = buildCreateDialog();
        if (createDialog.getOwner() == null && getScene() != null && getScene().getWindow() != null) {
            createDialog.initOwner(getScene().getWindow());
            createDialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        createDialog.show();
    }

    private Dialog<ButtonType> buildCreateDialog() {
        ButtonType createType = new ButtonType("Create API key", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Create API key");
        dialog.getDialogPane().setId("apiKeyCreateDialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, createType);
        TextField name = new TextField();
        name.setId("newApiKeyName");
        name.setPromptText("e.g. partner-acme");
        TextField desc = new TextField();
        desc.setId("newApiKeyDescription");
        ToggleGroup source = new ToggleGroup();
        RadioButton generated = new RadioButton("Auto generate");
        generated.setId("newApiKeyGenerated");
        generated.setToggleGroup(source);
        RadioButton custom = new RadioButton("Custom value (import one of at least 20 characters)");
        custom.setId("newApiKeyCustom");
        custom.setToggleGroup(source);
        TextField valueField = new TextField();
        valueField.setId("newApiKeyValue");
        valueField.setPromptText("at least 20 characters");
        CheckBox enabledBox = new CheckBox("Enabled");
        enabledBox.setId("newApiKeyEnabled");
        Label problem = new Label();
        problem.setId("newApiKeyProblem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, label("Name"), name);
        form.addRow(1, label("Description"), desc);
        form.addRow(2, label("API key"), new VBox(6, generated, custom, valueField));
        form.setPadding(new Insets(12, 12, 0, 12));
        form.add(enabledBox, 1, 3);
        form.add(problem, 0, 4, 2, 1);
        GridPane.setHgrow(name, Priority.ALWAYS);
        form.setPrefWidth(540);
        dialog.getDialogPane().setContent(form);
        name.textProperty().bindBidirectional(vm.newNameProperty());
        desc.textProperty().bindBidirectional(vm.newDescriptionProperty());
        valueField.textProperty().bindBidirectional(vm.newValueProperty());
        enabledBox.selectedProperty().bindBidirectional(vm.newEnabledProperty());
        generated.setSelected(vm.newGeneratedProperty().get());
        custom.setSelected(!vm.newGeneratedProperty().get());
        vm.newGeneratedProperty().addListener((obs, old, g) -> (g ? generated : custom).setSelected(true));
        source.selectedToggleProperty().addListener((obs, old, t) -> vm.newGeneratedProperty().set(t == generated));
        valueField.disableProperty().bind(vm.newGeneratedProperty());
        problem.textProperty().bind(vm.newProblemProperty());
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(createType);
        ok.setId("newApiKeyCreate");
        ok.disableProperty().bind(vm.newProblemProperty().isNotEmpty());
        dialog.setOnShown(e -> name.requestFocus());
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == createType) vm.create();
            dialog.setResult(null);
        });
        return dialog;
    }
}
