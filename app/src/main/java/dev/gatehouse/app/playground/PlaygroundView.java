package dev.gatehouse.app.playground;

import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Language;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The playground beside a template editor: the sample request and the resolved values in tabs, the live output
 * below. Input changes are debounced ({@value #QUIET_MILLIS} ms of quiet) before the ViewModel renders. Node ids
 * are prefixed ({@code requestTemplates-playgroundOutput}, ...).
 */
public final class PlaygroundView extends SplitPane {
    static final int QUIET_MILLIS = 300;
    private static final String CSS = PlaygroundView.class.getResource("playground.css").toExternalForm();

    private final PlaygroundViewModel vm;
    private final String prefix;
    private final PauseTransition quiet = new PauseTransition(Duration.millis(QUIET_MILLIS));
    private CodeEditor body;
    private TextArea pathParameters;
    private TextField queryString;
    private TextArea headers;
    private TextArea stageVariables;
    private TableView<PlaygroundViewModel.ResolvedValue> resolved;
    private CodeEditor output;
    private Label status;
    private Label error;

    public PlaygroundView(PlaygroundViewModel vm, String prefix) {
        this.vm = vm;
        this.prefix = prefix;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        body = new CodeEditor(Language.TEXT);
        body.setId(prefix + "-playgroundBody");
        body.area().setId(prefix + "-playgroundBody-code");
        body.setPrefHeight(70);
        pathParameters = area(prefix + "-playgroundPath", "id=7");
        queryString = new TextField();
        queryString.setId(prefix + "-playgroundQuery");
        queryString.setPromptText("type=dog&limit=2");
        headers = area(prefix + "-playgroundHeaders", "Accept: application/json");
        stageVariables = area(prefix + "-playgroundStageVariables", "env=dev");
        resolved = new TableView<>(vm.resolved());
        resolved.setId(prefix + "-playgroundResolved");
        resolved.setPlaceholder(new Label("Nothing rendered yet"));
        TableColumn<PlaygroundViewModel.ResolvedValue, String> name = new TableColumn<>("Reference");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(220);
        TableColumn<PlaygroundViewModel.ResolvedValue, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        resolved.getColumns().setAll(List.of(name, value));
        resolved.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        output = new CodeEditor(Language.TEXT);
        output.setId(prefix + "-playgroundOutput");
        output.area().setId(prefix + "-playgroundOutput-code");
        output.setEditable(false);
        status = new Label();
        status.setId(prefix + "-playgroundStatus");
        status.getStyleClass().add("muted");
        error = new Label();
        error.setId(prefix + "-playgroundError");
        error.getStyleClass().addAll("validation-error", "playground-error");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(2);
        return area;
    }

    private void layoutParts() {
        setId(prefix + "-playground");
        getStylesheets().add(CSS);
        getStyleClass().add("playground");
        setOrientation(Orientation.VERTICAL);
        VBox sample = new VBox(3,
                label(vm.kind().bodyLabel()), body,
                label("Path parameters (name=value per line)"), pathParameters,
                label("Query string"), queryString,
                label("Headers (Name: value per line)"), headers,
                label("Stage variables (name=value per line)"), stageVariables);
        sample.setPadding(new Insets(6));
        javafx.scene.control.ScrollPane sampleScroll = new javafx.scene.control.ScrollPane(sample);
        sampleScroll.setFitToWidth(true);
        sampleScroll.getStyleClass().add("edge-to-edge");
        Tab sampleTab = new Tab("Sample request", sampleScroll);
        sampleTab.setId(prefix + "-playgroundSampleTab");
        Tab resolvedTab = new Tab("Resolved values", resolved);
        resolvedTab.setId(prefix + "-playgroundResolvedTab");
        TabPane tabs = new TabPane(sampleTab, resolvedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label outputHeading = new Label("Rendered output");
        outputHeading.getStyleClass().add("playground-heading");
        outputHeading.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox outputBar = new HBox(8, outputHeading, spacer, status);
        outputBar.setAlignment(Pos.CENTER_LEFT);
        VBox outputBox = new VBox(4, outputBar, output, error);
        VBox.setVgrow(output, Priority.ALWAYS);
        outputBox.setPadding(new Insets(4, 0, 0, 0));
        getItems().addAll(tabs, outputBox);
        setDividerPositions(0.55);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void bind() {
        pathParameters.textProperty().bindBidirectional(vm.pathParametersProperty());
        queryString.textProperty().bindBidirectional(vm.queryStringProperty());
        headers.textProperty().bindBidirectional(vm.headersProperty());
        stageVariables.textProperty().bindBidirectional(vm.stageVariablesProperty());
        body.setText(vm.bodyProperty().get());
        status.textProperty().bind(vm.statusProperty());
        error.textProperty().bind(vm.errorProperty().map(PlaygroundViewModel.TemplateError::message).orElse(""));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        vm.outputProperty().addListener((obs, old, text) -> showOutput(text));
        showOutput(vm.outputProperty().get());
    }

    private void wireEvents() {
        body.area().textProperty().addListener((obs, old, text) -> vm.bodyProperty().set(text));
        quiet.setOnFinished(e -> vm.render());
        vm.inputRevisionProperty().addListener((obs, old, rev) -> quiet.playFromStart());
    }

    private void showOutput(String text) {
        String t = text == null ? "" : text.stripLeading();
        output.languageProperty().set(t.startsWith("{") || t.startsWith("[") ? Language.JSON : Language.TEXT);
        output.setText(text);
    }

    /** Renders now (when the playground is first shown). */
    public void renderNow() {
        quiet.stop();
        vm.render();
    }

    /** Stops the debounce timer and the editors' threads. */
    public void dispose() {
        quiet.stop();
        body.dispose();
        output.dispose();
    }
}
