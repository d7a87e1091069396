package dev.gatehouse.app.testpanel;

import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The test panel: the request form on the left (target, a field per path parameter, query string, headers,
 * stage variables, body; the history of runs below), the response on the right (status, latency, body pretty
 * or raw, headers) over the execution log coloured by phase. Ctrl+Enter sends.
 */
public final class TestPanelView extends SplitPane {
    private static final String CSS = TestPanelView.class.getResource("testpanel.css").toExternalForm();

    private final TestPanelViewModel vm;
    private Label title;
    private ComboBox<TestTarget> target;
    private Button send;
    private Button curl;
    private GridPane pathGrid;
    private TextField query;
    private TextArea headers;
    private TextArea stageVariables;
    private CodeEditor body;
    private Label problem;
    private ListView<TestRun> history;
    private Button rerun;
    private Button clear;
    private Label status;
    private Label latency;
    private Label outcome;
    private ToggleButton pretty;
    private CodeEditor responseBody;
    private TableView<TestPanelViewModel.HeaderRow> responseHeaders;
    private CodeArea log;
    private Label copied;
    private Label accessWarning;

    public TestPanelView(TestPanelViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        title = new Label();
        title.setId("testTitle");
        title.getStyleClass().add("section-title");
        target = new ComboBox<>(vm.targets());
        target.setId("testTarget");
        target.setTooltip(new Tooltip("The draft runs in-process; a stage is called over HTTP on the local gateway. Both show the execution log"));
        send = new Button("Test", new FontIcon(Feather.PLAY));
        send.setId("testSend");
        send.getStyleClass().add("accent");
        send.setTooltip(new Tooltip("Send the request (Ctrl+Enter)"));
        // "curl" with the copy icon, so the target beside it keeps room for "Stage prod" at 1360 px
        curl = new Button("curl", new FontIcon(Feather.COPY));
        curl.setId("testCurl");
        curl.setTooltip(new Tooltip("Copy this request as a curl command"));
        copied = new Label();
        copied.getStyleClass().add("muted");
        pathGrid = new GridPane();
        pathGrid.setId("testPathParams");
        pathGrid.setHgap(8);
        pathGrid.setVgap(4);
        query = new TextField();
        query.setId("testQuery");
        query.setPromptText("type=dog&limit=2");
        headers = new TextArea();
        headers.setId("testHeaders");
        headers.setPromptText("Accept: application/json");
        headers.setPrefRowCount(3);
        stageVariables = new TextArea();
        stageVariables.setId("testStageVariables");
        stageVariables.setPromptText("backend=https://example.com");
        stageVariables.setPrefRowCount(3);
        stageVariables.setWrapText(true); // prefilled from a stage: a long value reads whole, no sideways scrolling
        body = new CodeEditor(Language.TEXT);
        body.setId("testBody");
        body.area().setId("testBody-code");
        body.setPrefHeight(120);
        body.setMinHeight(80);
        accessWarning = new Label();
        accessWarning.setId("testAccessWarning");
        accessWarning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        accessWarning.getStyleClass().addAll(Styles.WARNING, "access-warning");
        accessWarning.setWrapText(true);
        accessWarning.setMinHeight(Region.USE_PREF_SIZE);
        problem = new Label();
        problem.setId("testProblem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        history = new ListView<>(vm.history());
        history.setId("testHistory");
        history.setPlaceholder(new Label("No test runs yet"));
        history.setPrefHeight(130);
        history.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(TestRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.summary());
            }
        });
        rerun = new Button("Run again", new FontIcon(Feather.ROTATE_CW));
        rerun.setId("testRerun");
        clear = new Button("Clear");
        clear.setId("testClearHistory");

        status = new Label("—");
        status.setId("testStatus");
        status.getStyleClass().add("test-status");
        latency = new Label();
        latency.setId("testLatency");
        latency.getStyleClass().add("muted");
        outcome = new Label();
        outcome.setId("testOutcome");
        outcome.setWrapText(true);
        pretty = new ToggleButton("Pretty");
        pretty.setId("testPretty");
        pretty.setTooltip(new Tooltip("Indent JSON and XML; off shows the body as received"));
        responseBody = new CodeEditor(Language.TEXT);
        responseBody.setId("testResponseBody");
        responseBody.area().setId("testResponseBody-code");
        responseBody.setEditable(false);
        responseHeaders = new TableView<>(vm.responseHeaders());
        responseHeaders.setId("testResponseHeaders");
        responseHeaders.setPlaceholder(new Label("No headers"));
        TableColumn<TestPanelViewModel.HeaderRow, String> name = new TableColumn<>("Header");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(200);
        TableColumn<TestPanelViewModel.HeaderRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(380);
        responseHeaders.getColumns().setAll(List.of(name, value));
        responseHeaders.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        log = new CodeArea();
        log.setId("testLog");
        log.setEditable(false);
        log.setWrapText(true);
        log.getStyleClass().add("execution-log");
    }

    private void layoutParts() {
        setId("testPanel");
        getStylesheets().add(CSS);
        getStyleClass().add("test-panel");

        target.setMaxWidth(Double.MAX_VALUE);
        target.setMinWidth(150); // "Stage prod" in full at 1360 px, never "Stage p…"
        HBox.setHgrow(target, Priority.ALWAYS);
        send.setMinWidth(Region.USE_PREF_SIZE);
        curl.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, target, curl, send);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6,
                title, accessWarning, actions,
                heading("Path parameters"), pathGrid,
                heading("Query string"), query,
                heading("Headers"), headers,
                heading("Stage variables (draft only)"), stageVariables,
                heading("Request body"), body,
                problem, copied);
        VBox.setVgrow(body, Priority.ALWAYS);
        form.setPadding(new Insets(4, 10, 8, 2));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setFitToHeight(true);
        formScroll.getStyleClass().add("edge-to-edge");
        HBox historyActions = new HBox(8, rerun, clear);
        VBox historyBox = new VBox(6, heading("History"), history, historyActions);
        historyBox.setPadding(new Insets(4, 10, 8, 2));
        SplitPane left = new SplitPane(formScroll, historyBox);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.74);

        HBox statusRow = new HBox(12, status, latency, outcome);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        // at 1360 px the outcome sentence is longer than the row: it wraps, and never squeezes the status code and
        // the latency to "…" (they are what a tester reads first)
        status.setMinWidth(Region.USE_PREF_SIZE);
        latency.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setMinWidth(0);
        outcome.setMaxWidth(Double.MAX_VALUE);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(outcome, Priority.ALWAYS);
        Region tabSpacer = new Region();
        HBox.setHgrow(tabSpacer, Priority.ALWAYS);
        HBox bodyBar = new HBox(8, tabSpacer, pretty);
        VBox bodyBox = new VBox(4, bodyBar, responseBody);
        VBox.setVgrow(responseBody, Priority.ALWAYS);
        Tab bodyTab = new Tab("Body", bodyBox);
        bodyTab.setId("testBodyTab");
        Tab headersTab = new Tab("Headers", responseHeaders);
        headersTab.setId("testHeadersTab");
        TabPane response = new TabPane(bodyTab, headersTab);
        response.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox responseBox = new VBox(6, statusRow, response);
        VBox.setVgrow(response, Priority.ALWAYS);
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(8, 4, heading("Execution log"), chip("Method request", LogPhase.METHOD_REQUEST),
                chip("Endpoint request", LogPhase.ENDPOINT_REQUEST), chip("Endpoint response", LogPhase.ENDPOINT_RESPONSE),
                chip("Method response", LogPhase.METHOD_RESPONSE));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setPadding(new Insets(4, 0, 0, 0));
        VirtualizedScrollPane<CodeArea> logScroll = new VirtualizedScrollPane<>(log);
        VBox logBox = new VBox(4, legend, logScroll);
        VBox.setVgrow(logScroll, Priority.ALWAYS);
        SplitPane right = new SplitPane(responseBox, logBox);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        right.setPadding(new Insets(4, 2, 8, 10));

        getItems().addAll(left, right);
        setDividerPositions(0.42);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("test-heading");
        return label;
    }

    private static Label chip(String text, LogPhase phase) {
        Label label = new Label(text);
        label.getStyleClass().addAll("phase-chip", phase.styleClass() + "-chip");
        return label;
    }

    private void bind() {
        title.textProperty().bind(Bindings.when(vm.availableProperty()).then(vm.titleProperty()).otherwise("Select a method to test"));
        target.valueProperty().bindBidirectional(vm.targetProperty());
        send.disableProperty().bind(vm.availableProperty().not().or(vm.runningProperty()));
        curl.disableProperty().bind(vm.availableProperty().not());
        query.textProperty().bindBidirectional(vm.queryStringProperty());
        headers.textProperty().bindBidirectional(vm.headersProperty());
        stageVariables.textProperty().bindBidirectional(vm.stageVariablesProperty());
        stageVariables.disableProperty().bind(vm.targetProperty().map(t -> t != null && !t.isDraft()).orElse(false));
        problem.textProperty().bind(vm.problemProperty());
        pretty.selectedProperty().bindBidirectional(vm.prettyProperty());
        rerun.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        clear.disableProperty().bind(Bindings.isEmpty(vm.history()));
        vm.pathParameters().addListener((ListChangeListener<TestPanelViewModel.PathParameter>) c -> rebuildPathFields());
        rebuildPathFields();
        accessWarning.textProperty().bind(vm.accessWarningProperty());
        accessWarning.visibleProperty().bind(vm.accessWarningProperty().isNotEmpty());
        accessWarning.managedProperty().bind(accessWarning.visibleProperty());
        status.textProperty().bind(vm.statusTextProperty());
        vm.statusToneProperty().addListener((obs, old, tone) -> showTone(tone));
        showTone(vm.statusToneProperty().get());
        latency.textProperty().bind(vm.latencyTextProperty());
        outcome.textProperty().bind(vm.outcomeProperty());
        responseBody.languageProperty().bind(vm.bodyLanguageProperty());
        vm.displayedBodyProperty().addListener((obs, old, text) -> responseBody.setText(text));
        responseBody.setText(vm.displayedBodyProperty().get());
        vm.logLines().addListener((ListChangeListener<LogPhase.Line>) c -> showLog(vm.logLines()));
        showLog(vm.logLines());
        vm.selectedRunProperty().addListener((obs, old, run) -> {
            if (run != null && history.getSelectionModel().getSelectedItem() != run) history.getSelectionModel().select(run);
        });
    }

    private void wireEvents() {
        body.area().textProperty().addListener((obs, old, text) -> vm.bodyProperty().set(text));
        vm.bodyProperty().addListener((obs, old, text) -> {
            if (!text.equals(body.getText())) body.setText(text);
        });
        send.setOnAction(e -> vm.test());
        curl.setOnAction(e -> vm.curlOfForm().ifPresent(this::copy));
        rerun.setOnAction(e -> vm.rerun(history.getSelectionModel().getSelectedItem()));
        clear.setOnAction(e -> vm.clearHistory());
        history.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> {
            if (run != null) vm.selectedRunProperty().set(run);
        });
        history.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.rerun(history.getSelectionModel().getSelectedItem());
        });
        KeyCombination sendKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (sendKeys.match(e)) {
                vm.test();
                e.consume();
            }
        });
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText("Copied curl command to the clipboard");
    }

    private void rebuildPathFields() {
        pathGrid.getChildren().clear();
        int row = 0;
        for (TestPanelViewModel.PathParameter p : vm.pathParameters()) {
            Label label = new Label("{" + p.name() + (p.greedy() ? "+" : "") + "}");
            TextField field = new TextField();
            field.setId("testPathParam-" + p.name());
            field.setPromptText(p.greedy() ? "a/b/c" : "value");
            field.textProperty().bindBidirectional(p.valueProperty());
            GridPane.setHgrow(field, Priority.ALWAYS);
            pathGrid.addRow(row++, label, field);
        }
        if (row == 0) pathGrid.addRow(0, muted("This resource has no path parameters"));
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    private void showTone(TestPanelViewModel.Tone tone) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        switch (tone) {
            case SUCCESS -> status.getStyleClass().add(Styles.SUCCESS);
            case WARNING -> status.getStyleClass().add(Styles.WARNING);
            case DANGER -> status.getStyleClass().add(Styles.DANGER);
            case NONE -> { }
        }
    }

    private void showLog(List<LogPhase.Line> lines) {
        StringBuilder text = new StringBuilder();
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (int i = 0; i < lines.size(); i++) {
            LogPhase.Line line = lines.get(i);
            boolean last = i == lines.size() - 1;
            text.append(line.text());
            if (!last) text.append('\n');
            spans.add(List.of(line.phase().styleClass()), line.text().length() + (last ? 0 : 1));
        }
        log.replaceText(text.toString());
        if (!lines.isEmpty() && text.length() > 0) {
            StyleSpans<Collection<String>> built = spans.create();
            log.setStyleSpans(0, built);
        }
        log.moveTo(0);
        log.requestFollowCaret();
    }

    /** Stops the editors' threads and releases the HTTP client. */
    public void dispose() {
        body.dispose();
        responseBody.dispose();
        vm.dispose();
    }

    /** The lines of the log as shown (for tests). */
    List<String> logLines() {
        return new ArrayList<>(List.of(log.getText().split("\n")));
    }
}
