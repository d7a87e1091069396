package dev.gatehouse.app.functions;

import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.app.core.MasterDetailPage;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Functions page: the workspace's functions on the left with "Create function"; for the selected one its
 * summary and tabs for Code (highlighted editor, Save), Test (saved events or a template, Test, the result with the
 * REPORT line and the log), Configuration (timeout, reserved concurrency, memory, description, environment) and
 * Logs.
 */
public final class FunctionsView extends SplitPane {
    /** Log lines and KEY=value lines line up in the editors' font. */
    private static final String MONOSPACE = "-fx-font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; -fx-font-size: 12px;";
    private final FunctionsViewModel vm;
    private ListView<String> list;
    private Button create;
    private Label title;
    private Label summary;
    private Label message;
    private TabPane tabs;
    private Label codeFile;
    private CodeEditor code;
    private Button saveCode;
    private Button revertCode;
    private ComboBox<String> events;
    private ComboBox<TestEventTemplates> templates;
    private CodeEditor event;
    private TextField eventName;
    private Button saveEvent;
    private Button test;
    private Label resultStatus;
    private Label resultSummary;
    private CodeEditor resultPayload;
    private TextArea resultLog;
    private TextField timeout;
    private TextField concurrency;
    private TextField memory;
    private TextField description;
    private TextArea environment;
    private Label configProblem;
    private Button saveConfig;
    private Button revertConfig;
    private TextArea logs;
    private Button refreshLogs;
    private VBox details;
    private Label empty;
    private boolean loading;

    public FunctionsView(FunctionsViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        list = MasterDetailPage.list("functionList", vm.names(), "No functions yet");
        create = new Button("Create function", new FontIcon(Feather.PLUS));
        create.setId("createFunction");
        create.setMaxWidth(Double.MAX_VALUE);
        title = new Label();
        title.setId("functionTitle");
        title.getStyleClass().add("page-title");
        summary = new Label();
        summary.setId("functionSummary");
        summary.getStyleClass().add("muted");
        message = new Label();
        message.setId("functionMessage");
        message.getStyleClass().add("validation-error");
        message.setWrapText(true);

        codeFile = new Label();
        codeFile.setId("functionCodeFile");
        codeFile.getStyleClass().add("section-title");
        code = new CodeEditor(Language.TEXT);
        code.setId("functionCodeEditor");
        code.area().setId("functionCode");
        saveCode = new Button("Save", new FontIcon(Feather.SAVE));
        saveCode.setId("saveFunctionCode");
        saveCode.getStyleClass().add("accent");
        revertCode = new Button("Revert");
        revertCode.setId("revertFunctionCode");

        events = new ComboBox<>(vm.events());
        events.setId("functionTestEvents");
        // with none saved yet, say so instead of offering an empty list: the editor holds a template event
        events.promptTextProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(vm.events()))
                .then("No saved events").otherwise("Saved events"));
        events.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.events()));
        events.setTooltip(new javafx.scene.control.Tooltip(
                "Events saved with this function. To keep the event in the editor, name it and press Save event."));
        templates = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(TestEventTemplates.all()));
        templates.setId("functionEventTemplates");
        templates.setPromptText("Event from a template");
        // wide enough for their prompts at 1360 px (a longer "No saved events yet" was cut)
        events.setPrefWidth(185);
        templates.setPrefWidth(225);
        event = new CodeEditor(Language.JSON);
        event.setId("functionEventEditor");
        event.area().setId("functionEvent");
        event.setPrefHeight(220);
        eventName = new TextField();
        eventName.setId("functionEventName");
        eventName.setPromptText("Event name");
        eventName.setPrefColumnCount(11);
        saveEvent = new Button("Save event", new FontIcon(Feather.SAVE));
        saveEvent.setId("saveFunctionEvent");
        test = new Button("Test", new FontIcon(Feather.PLAY));
        test.setId("testFunction");
        test.getStyleClass().add("accent");
        resultStatus = new Label();
        resultStatus.setId("functionResultStatus");
        resultStatus.getStyleClass().add("section-title");
        resultSummary = new Label();
        resultSummary.setId("functionResultSummary");
        resultSummary.getStyleClass().add("muted");
        resultSummary.setWrapText(true);
        resultPayload = new CodeEditor(Language.JSON);
        resultPayload.setId("functionResultPayloadEditor");
        resultPayload.area().setId("functionResultPayload");
        resultPayload.setEditable(false);
        resultPayload.setPrefHeight(90);
        resultLog = new TextArea();
        resultLog.setId("functionResultLog");
        resultLog.setEditable(false);
        resultLog.setStyle(MONOSPACE);
        resultLog.setPrefRowCount(6);

        timeout = field("functionTimeout", 6);
        concurrency = field("functionConcurrency", 6);
        concurrency.setPromptText("unreserved");
        memory = field("functionMemory", 6);
        description = field("functionDescription", 30);
        environment = new TextArea();
        environment.setId("functionEnvironment");
        environment.setPromptText("TABLE_NAME=orders");
        environment.setPrefRowCount(6);
        environment.setStyle(MONOSPACE);
        configProblem = new Label();
        configProblem.setId("functionConfigProblem");
        configProblem.getStyleClass().add("validation-error");
        configProblem.setWrapText(true);
        saveConfig = new Button("Save", new FontIcon(Feather.SAVE));
        saveConfig.setId("saveFunctionConfig");
        saveConfig.getStyleClass().add("accent");
        revertConfig = new Button("Revert");
        revertConfig.setId("revertFunctionConfig");

        logs = new TextArea();
        logs.setId("functionLogs");
        logs.setEditable(false);
        logs.setStyle(MONOSPACE);
        refreshLogs = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refreshLogs.setId("refreshFunctionLogs");
        empty = new Label("Create a function, or select one: its code, test events, configuration and logs show here.");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
    }

    private static TextField field(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private void layoutParts() {
        setId("functionsPage");
        Label heading = new Label("Functions");
        heading.getStyleClass().add("section-title");
        VBox left = MasterDetailPage.sidebar(heading, list, create);

        Region codeSpacer = new Region();
        HBox.setHgrow(codeSpacer, Priority.ALWAYS);
        HBox codeBar = new HBox(8, codeFile, codeSpacer, revertCode, saveCode);
        codeBar.setAlignment(Pos.CENTER_LEFT);
        VBox codePane = new VBox(8, codeBar, code);
        VBox.setVgrow(code, Priority.ALWAYS);
        codePane.setPadding(new Insets(8, 0, 0, 0));

        Region testSpacer = new Region();
        HBox.setHgrow(testSpacer, Priority.ALWAYS);
        HBox eventBar = new HBox(8, events, templates, testSpacer, eventName, saveEvent, test);
        eventBar.setAlignment(Pos.CENTER_LEFT);
        for (Button b : new Button[] {saveEvent, test}) b.setMinWidth(Region.USE_PREF_SIZE);
        Label resultHeading = new Label("Execution result");
        resultHeading.getStyleClass().add("section-title");
        HBox resultBar = new HBox(8, resultHeading, resultStatus);
        resultBar.setAlignment(Pos.CENTER_LEFT);
        Label logHeading = new Label("Log output");
        logHeading.getStyleClass().add("muted");
        VBox testPane = new VBox(8, eventBar, event, resultBar, resultSummary, resultPayload, logHeading, resultLog);
        VBox.setVgrow(event, Priority.SOMETIMES);
        VBox.setVgrow(resultLog, Priority.ALWAYS);
        testPane.setPadding(new Insets(8, 0, 0, 0));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Timeout (seconds)"), timeout);
        form.addRow(1, new Label("Reserved concurrency"), concurrency);
        form.addRow(2, new Label("Memory (MB)"), memory);
        form.addRow(3, new Label("Description"), description);
        Label envLabel = new Label("Environment variables\n(one KEY=value a line)");
        form.addRow(4, envLabel, environment);
        GridPane.setValignment(envLabel, javafx.geometry.VPos.TOP);
        GridPane.setHgrow(environment, Priority.ALWAYS);
        Label concurrencyHint = new Label("Empty: up to " + dev.gatehouse.engine.functions.FunctionConfig.DEFAULT_CONCURRENCY
                + " warm workers, requests beyond wait. A number reserves that many: Lambda throttles the rest "
                + "(API Gateway answers 500).");
        concurrencyHint.getStyleClass().add("muted");
        concurrencyHint.setWrapText(true);
        form.add(concurrencyHint, 1, 5);
        HBox configActions = new HBox(8, revertConfig, saveConfig);
        form.add(configProblem, 1, 6);
        form.add(configActions, 1, 7);
        VBox configPane = new VBox(8, form);
        configPane.setPadding(new Insets(8, 0, 0, 0));

        HBox logBar = new HBox(8, new Label("START / END / REPORT lines and the function's output, newest last"), refreshLogs);
        logBar.setAlignment(Pos.CENTER_LEFT);
        VBox logPane = new VBox(8, logBar, logs);
        VBox.setVgrow(logs, Priority.ALWAYS);
        logPane.setPadding(new Insets(8, 0, 0, 0));

        tabs = new TabPane(tab("Code", "functionTabCode", codePane), tab("Test", "functionTabTest", testPane),
                tab("Configuration", "functionTabConfig", configPane), tab("Logs", "functionTabLogs", logPane));
        tabs.setId("functionTabs");
        details = new VBox(6, title, summary, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        details.setPadding(new Insets(12, 16, 12, 16));
        VBox right = new VBox(details, empty);
        VBox.setVgrow(details, Priority.ALWAYS);
        right.setPadding(new Insets(0));
        empty.setPadding(new Insets(16));
        getItems().addAll(left, right);
        setDividerPositions(0.22);
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private void bind() {
        title.textProperty().bind(vm.selectedProperty().map(n -> "Function " + n).orElse("No function selected"));
        summary.textProperty().bind(vm.summaryProperty());
        message.textProperty().bind(vm.messageProperty());
        details.visibleProperty().bind(vm.selectedProperty().isNotNull());
        details.managedProperty().bind(vm.selectedProperty().isNotNull());
        empty.visibleProperty().bind(vm.selectedProperty().isNull());
        empty.managedProperty().bind(vm.selectedProperty().isNull());
        codeFile.textProperty().bind(vm.codeFileProperty());
        saveCode.disableProperty().bind(vm.codeDirtyProperty().not());
        revertCode.disableProperty().bind(vm.codeDirtyProperty().not());
        timeout.textProperty().bindBidirectional(vm.timeoutProperty());
        concurrency.textProperty().bindBidirectional(vm.concurrencyProperty());
        memory.textProperty().bindBidirectional(vm.memoryProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        environment.textProperty().bindBidirectional(vm.environmentProperty());
        configProblem.textProperty().bind(vm.configProblemProperty());
        saveConfig.disableProperty().bind(vm.configDirtyProperty().not().or(vm.configProblemProperty().isNotEmpty()));
        revertConfig.disableProperty().bind(vm.configDirtyProperty().not());
        test.disableProperty().bind(vm.testingProperty());
        test.textProperty().bind(vm.testingProperty().map(t -> t ? "Testing…" : "Test"));
        resultStatus.textProperty().bind(vm.resultStatusProperty());
        vm.resultStatusProperty().addListener((obs, old, s) -> {
            resultStatus.getStyleClass().removeAll("success", "danger");
            if (!s.isEmpty()) resultStatus.getStyleClass().add(s.equals("Succeeded") ? "success" : "danger");
        });
        resultSummary.textProperty().bind(vm.resultSummaryProperty());
        vm.resultPayloadProperty().addListener((obs, old, p) -> resultPayload.setText(p));
        resultLog.textProperty().bind(vm.resultLogProperty());
        logs.textProperty().bind(vm.logsProperty());
        saveEvent.disableProperty().bind(eventName.textProperty().isEmpty());
        vm.codeProperty().addListener((obs, old, l) -> load(code, l));
        vm.eventProperty().addListener((obs, old, l) -> load(event, l));
        MasterDetailPage.followSelection(list, vm.selectedProperty());
        vm.selectedEventProperty().addListener((obs, old, name) -> showEvent(name));
        // the page is built after the view model opened the first function: show the event it already chose
        showEvent(vm.selectedEventProperty().get());
        load(code, vm.codeProperty().get());
        load(event, vm.eventProperty().get());
        // the list is read from disk each time the page shows: functions made by the CLI or an editor appear
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) vm.refresh();
        });
    }

    private void showEvent(String name) {
        events.getSelectionModel().select(name);
        if (name != null) eventName.setText(name);
    }

    private void wireEvents() {
        code.area().textProperty().addListener((obs, old, text) -> {
            if (!loading) vm.setEditedCode(text);
        });
        code.area().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.saveCode();
                e.consume();
            }
        });
        event.area().textProperty().addListener((obs, old, text) -> {
            if (!loading) vm.setEditedEvent(text);
        });
        saveCode.setOnAction(e -> vm.saveCode());
        revertCode.setOnAction(e -> vm.revertCode());
        events.valueProperty().addListener((obs, old, name) -> {
            if (name != null && !name.equals(vm.selectedEventProperty().get())) vm.selectedEventProperty().set(name);
        });
        templates.valueProperty().addListener((obs, old, t) -> {
            if (t == null) return;
            vm.useTemplate(t);
            events.getSelectionModel().clearSelection();
            eventName.clear();
            javafx.application.Platform.runLater(() -> templates.getSelectionModel().clearSelection());
        });
        saveEvent.setOnAction(e -> vm.saveEvent(eventName.getText()));
        test.setOnAction(e -> vm.test());
        saveConfig.setOnAction(e -> vm.saveConfig());
        revertConfig.setOnAction(e -> vm.revertConfig());
        refreshLogs.setOnAction(e -> vm.refreshLogs());
        create.setOnAction(e -> openCreateDialog(null).ifPresent(r -> vm.create(r.name(), r.runtime(), n -> tabs.getSelectionModel().selectFirst())));
    }

    private void load(CodeEditor editor, FunctionsViewModel.Loaded l) {
        loading = true;
        try {
            editor.languageProperty().set(l == null ? Language.TEXT : l.language());
            editor.setText(l == null ? "" : l.text());
        } finally {
            loading = false;
        }
    }

    /** What Create function asked for. */
    public record NewFunction(String name, FunctionRuntime runtime) {}

    /**
     * Asks for a new function's name and runtime (Create function; also when a method names a function that does
     * not exist yet). FX thread; blocks in a nested event loop until the dialog closes.
     */
    public Optional<NewFunction> openCreateDialog(String suggestedName) {
        Dialog<NewFunction> d = new Dialog<>();
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        d.setTitle("Create function");
        d.setHeaderText(suggestedName == null ? "Create a function from a runtime's template"
                : "Function " + suggestedName + " does not exist in this workspace yet. Create it from a runtime's template?");
        d.getDialogPane().setId("createFunctionDialog");
        TextField name = new TextField(suggestedName == null ? "" : suggestedName);
        name.setId("createFunctionName");
        name.setPromptText("GetHelloWorld");
        ComboBox<FunctionRuntime> runtime = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(FunctionsViewModel.runtimes()));
        runtime.setId("createFunctionRuntime");
        runtime.setConverter(new StringConverter<>() {
            @Override public String toString(FunctionRuntime r) {
                return r == null ? "" : FunctionsViewModel.runtimeLabel(r);
            }

            @Override public FunctionRuntime fromString(String s) {
                return null;
            }
        });
        runtime.setValue(FunctionRuntime.NODEJS);
        Label hint = new Label("The template answers {\"statusCode\": 200, \"body\": \"\\\"Hello from Lambda!\\\"\"}, "
                + "the response a Lambda proxy integration expects.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Label problem = new Label();
        problem.setId("createFunctionProblem");
        problem.getStyleClass().add("validation-error");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Function name"), name);
        form.addRow(1, new Label("Runtime"), runtime);
        form.add(hint, 1, 2);
        form.add(problem, 1, 3);
        GridPane.setHgrow(name, Priority.ALWAYS);
        form.setPrefWidth(520);
        d.getDialogPane().setContent(form);
        ButtonType ok = new ButtonType("Create function", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("createFunctionOk");
        Runnable check = () -> {
            Optional<String> p = vm.nameProblem(name.getText());
            problem.setText(name.getText().isBlank() ? "" : p.orElse(""));
            okButton.setDisable(p.isPresent());
        };
        name.textProperty().addListener(o -> check.run());
        check.run();
        d.setResultConverter(b -> b == ok ? new NewFunction(name.getText().strip(), runtime.getValue()) : null);
        d.setOnShown(e -> name.requestFocus());
        return d.showAndWait();
    }

    /** Stops the editors' highlighting threads. */
    public void dispose() {
        code.dispose();
        event.dispose();
        resultPayload.dispose();
    }
}
