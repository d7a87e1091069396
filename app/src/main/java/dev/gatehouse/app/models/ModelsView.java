package dev.gatehouse.app.models;

import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.app.core.MasterDetailPage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Models page: model list with create/delete, and the selected model's schema in a JSON editor. */
public final class ModelsView extends SplitPane {
    private final ModelsViewModel vm;
    private ListView<String> list;
    private TextField newName;
    private Button create;
    private Button delete;
    private Label nameProblem;
    private Label title;
    private TextField description;
    private TextField contentType;
    private CodeEditor schema;
    private Label schemaProblem;
    private Button save;
    private Button revert;
    private Button showExample;
    private VBox examplePane;
    private CodeEditor example;
    private Label exampleProblem;
    private Button generate;
    private Button cancelExample;
    private boolean loading;

    public ModelsView(ModelsViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        list = MasterDetailPage.list("modelList", vm.names(), "No models");
        newName = new TextField();
        newName.setId("newModelName");
        newName.setPromptText("New model name");
        create = new Button(null, new FontIcon(Feather.PLUS));
        create.setId("createModel");
        delete = new Button(null, new FontIcon(Feather.TRASH_2));
        delete.setId("deleteModel");
        nameProblem = new Label();
        nameProblem.getStyleClass().add("validation-error");
        nameProblem.setWrapText(true);
        title = new Label();
        title.setId("modelTitle");
        title.getStyleClass().add("page-title");
        description = new TextField();
        description.setId("modelDescription");
        contentType = new TextField();
        contentType.setId("modelContentType");
        schema = new CodeEditor(Language.JSON);
        schema.setId("modelSchemaEditor");
        schema.area().setId("modelSchema");
        schemaProblem = new Label();
        schemaProblem.setId("modelSchemaProblem");
        schemaProblem.getStyleClass().add("validation-error");
        schemaProblem.setWrapText(true);
        save = new Button("Save model", new FontIcon(Feather.SAVE));
        save.setId("saveModel");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("revertModel");
        showExample = new Button("Generate from JSON example…", new FontIcon(Feather.ZAP));
        showExample.setId("showModelExample");
        example = new CodeEditor(Language.JSON);
        example.setId("modelExampleEditor");
        example.area().setId("modelExample");
        example.setPrefHeight(160);
        example.setMinHeight(100);
        exampleProblem = new Label();
        exampleProblem.setId("modelExampleProblem");
        exampleProblem.getStyleClass().add("validation-error");
        exampleProblem.setWrapText(true);
        generate = new Button("Generate schema", new FontIcon(Feather.ZAP));
        generate.setId("generateModelSchema");
        generate.getStyleClass().add("accent");
        cancelExample = new Button("Close");
        cancelExample.setId("closeModelExample");
    }

    private void layoutParts() {
        setId("modelsPage");
        HBox createRow = new HBox(4, newName, create, delete);
        HBox.setHgrow(newName, Priority.ALWAYS);
        Label listHeading = new Label("Models");
        listHeading.getStyleClass().add("section-title");
        VBox left = MasterDetailPage.sidebar(listHeading, list, createRow, nameProblem);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Description"), description);
        form.addRow(1, new Label("Content type"), contentType);
        GridPane.setHgrow(description, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, schemaProblem, spacer, revert, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        // a long problem wraps beside the buttons, which keep their full width (never "…")
        HBox.setHgrow(schemaProblem, Priority.ALWAYS);
        schemaProblem.setMaxWidth(Double.MAX_VALUE);
        schemaProblem.setMinWidth(0);
        revert.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        generate.setMinWidth(Region.USE_PREF_SIZE);
        cancelExample.setMinWidth(Region.USE_PREF_SIZE);
        Label schemaHeading = new Label("JSON Schema (draft 4)");
        schemaHeading.getStyleClass().add("section-title");
        Region headingSpacer = new Region();
        HBox.setHgrow(headingSpacer, Priority.ALWAYS);
        HBox headingRow = new HBox(8, schemaHeading, headingSpacer, showExample);
        headingRow.setAlignment(Pos.CENTER_LEFT);
        Label exampleHint = new Label("Paste a JSON example: the generated schema replaces the editor's text until you save.");
        exampleHint.setWrapText(true);
        Region exampleSpacer = new Region();
        HBox.setHgrow(exampleSpacer, Priority.ALWAYS);
        HBox exampleActions = new HBox(8, exampleProblem, exampleSpacer, cancelExample, generate);
        exampleActions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(exampleProblem, Priority.SOMETIMES);
        examplePane = new VBox(6, exampleHint, example, exampleActions);
        examplePane.setId("modelExamplePane");
        examplePane.setVisible(false);
        examplePane.setManaged(false);
        VBox right = new VBox(8, title, form, headingRow, examplePane, schema, actions);
        VBox.setVgrow(schema, Priority.ALWAYS);
        right.setPadding(new Insets(12, 16, 12, 16));
        getItems().addAll(left, right);
        setDividerPositions(0.24);
    }

    private void bind() {
        title.textProperty().bind(vm.selectedProperty().map(n -> "Model " + n).orElse("No model selected"));
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        contentType.textProperty().bindBidirectional(vm.contentTypeProperty());
        schemaProblem.textProperty().bind(vm.schemaProblemProperty());
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.schemaProblemProperty().isNotEmpty()));
        revert.disableProperty().bind(vm.dirtyProperty().not());
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        schema.disableProperty().bind(vm.selectedProperty().isNull());
        // with no model selected there is no schema to check: no editor, so no "Empty" error either
        schema.visibleProperty().bind(vm.selectedProperty().isNotNull());
        schema.managedProperty().bind(vm.selectedProperty().isNotNull());
        showExample.disableProperty().bind(vm.selectedProperty().isNull());
        exampleProblem.textProperty().bind(vm.exampleProblemProperty());
        vm.generatedProperty().addListener((obs, old, g) -> load(g));
        vm.loadedProperty().addListener((obs, old, l) -> load(l));
        MasterDetailPage.followSelection(list, vm.selectedProperty());
        load(vm.loadedProperty().get());
    }

    private void wireEvents() {
        schema.area().textProperty().addListener((obs, old, text) -> {
            if (!loading) vm.setEditedSchema(text);
        });
        schema.area().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.save();
                e.consume();
            }
        });
        newName.textProperty().addListener((obs, old, text) -> nameProblem.setText(text.isBlank() ? "" : nullToEmpty(vm.nameProblem(text))));
        Runnable doCreate = () -> {
            String problem = vm.nameProblem(newName.getText());
            nameProblem.setText(nullToEmpty(problem));
            if (problem == null) {
                vm.create(newName.getText());
                newName.clear();
            }
        };
        create.setOnAction(e -> doCreate.run());
        newName.setOnAction(e -> doCreate.run());
        delete.setOnAction(e -> vm.deleteSelected());
        save.setOnAction(e -> vm.save());
        revert.setOnAction(e -> vm.revert());
        showExample.setOnAction(e -> showExamplePane(!examplePane.isVisible()));
        cancelExample.setOnAction(e -> showExamplePane(false));
        generate.setOnAction(e -> {
            if (vm.generateFromExample(example.getText())) showExamplePane(false);
        });
    }

    private void load(ModelsViewModel.Loaded loaded) {
        loading = true;
        try {
            schema.setText(loaded == null ? "" : loaded.schema());
        } finally {
            loading = false;
        }
    }

    private void showExamplePane(boolean show) {
        examplePane.setVisible(show);
        examplePane.setManaged(show);
        if (show) example.area().requestFocus();
        else vm.clearExampleProblem();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Stops the schema editor's highlighting thread. */
    public void dispose() {
        schema.dispose();
        example.dispose();
    }
}
