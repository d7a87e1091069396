package dev.gatehouse.app.method;

import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Highlighter;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.app.core.FxTaskRunner;
import dev.gatehouse.app.playground.PlaygroundView;
import dev.gatehouse.app.playground.PlaygroundViewModel;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Mapping templates per content type: the content types on the left, the selected template in a
 * {@link CodeEditor} with Save (Ctrl+S) and Revert. Ids are prefixed ({@code requestTemplates-save}, ...).
 */
final class TemplatesPane extends BorderPane {
    private final TemplatesModel model;
    private final String prefix;
    private ListView<String> contentTypes;
    private TextField newType;
    private Button add;
    private Button remove;
    private CodeEditor editor;
    private Button save;
    private Label problem;
    private Button revert;
    private Label dirtyMark;
    private ToggleButton playgroundToggle;
    private VBox right;
    private PlaygroundView playground;
    private PlaygroundViewModel playgroundVm;
    private FxTaskRunner playgroundRunner;
    private boolean loading;

    TemplatesPane(TemplatesModel model, String prefix) {
        this.model = model;
        this.prefix = prefix;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        contentTypes = new ListView<>(model.contentTypes());
        contentTypes.setId(prefix + "-contentTypes");
        contentTypes.setPrefWidth(170);
        contentTypes.setPlaceholder(new Label("No templates"));
        newType = new TextField();
        newType.setId(prefix + "-newContentType");
        newType.setPromptText("application/json");
        add = Forms.iconButton(prefix + "-add", Feather.PLUS, "Add a template for this content type");
        remove = Forms.iconButton(prefix + "-remove", Feather.TRASH_2, "Remove the selected template");
        editor = new CodeEditor(Language.VTL);
        editor.setId(prefix + "-editor");
        editor.area().setId(prefix + "-code");
        save = new Button("Save template", new FontIcon(Feather.SAVE));
        save.setId(prefix + "-save");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId(prefix + "-revert");
        playgroundToggle = new ToggleButton("Playground", new FontIcon(Feather.ZAP));
        playgroundToggle.setId(prefix + "-playgroundToggle");
        playgroundToggle.setTooltip(new Tooltip("Render this template live against a sample request"));
        problem = new Label();
        problem.setId(prefix + "-problem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        dirtyMark = new Label("Unsaved changes");
        dirtyMark.getStyleClass().add("muted");
    }

    private void layoutParts() {
        HBox addRow = new HBox(4, newType, add, remove);
        HBox.setHgrow(newType, Priority.ALWAYS);
        addRow.setAlignment(Pos.CENTER_LEFT);
        playgroundToggle.setMaxWidth(Double.MAX_VALUE);
        VBox left = new VBox(6, contentTypes, addRow, playgroundToggle);
        VBox.setVgrow(contentTypes, Priority.ALWAYS);
        left.setPrefWidth(180);
        left.setMaxWidth(220);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, dirtyMark, spacer, revert, save);
        revert.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_LEFT);
        right = new VBox(6, editor, problem, actions);
        VBox.setVgrow(editor, Priority.ALWAYS);
        setLeft(left);
        setCenter(right);
        BorderPane.setMargin(right, new javafx.geometry.Insets(0, 0, 0, 8));
        setMinHeight(220);
        setPrefHeight(300);
    }

    private void bind() {
        save.disableProperty().bind(model.dirtyProperty().not().or(model.problemProperty().isNotEmpty()));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        revert.disableProperty().bind(model.dirtyProperty().not());
        dirtyMark.visibleProperty().bind(model.dirtyProperty());
        remove.disableProperty().bind(model.selectedProperty().isNull());
        editor.disableProperty().bind(model.selectedProperty().isNull());
        model.loadedProperty().addListener((obs, old, loaded) -> load(loaded));
        model.selectedProperty().addListener((obs, old, ct) -> contentTypes.getSelectionModel().select(ct));
        load(model.loadedProperty().get());
        contentTypes.getSelectionModel().select(model.selectedProperty().get());
    }

    private void wireEvents() {
        contentTypes.getSelectionModel().selectedItemProperty().addListener((obs, old, ct) -> {
            if (ct != null && !ct.equals(model.selectedProperty().get())) model.selectedProperty().set(ct);
        });
        editor.area().textProperty().addListener((obs, old, text) -> {
            if (!loading) model.setEditedText(text);
        });
        editor.area().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                model.save();
                e.consume();
            }
        });
        save.setOnAction(e -> model.save());
        revert.setOnAction(e -> model.revert());
        add.setOnAction(e -> addType());
        newType.setOnAction(e -> addType());
        remove.setOnAction(e -> model.removeSelected());
        playgroundToggle.selectedProperty().addListener((obs, old, on) -> showPlayground(on));
    }

    /** Shows the template playground beside the editor (created on first use, with its own render thread). */
    private void showPlayground(boolean on) {
        if (on && playground == null) {
            playgroundRunner = FxTaskRunner.droppingWork("gatehouse-playground");
            // the response editor's templates read the backend's body as $input.body
            playgroundVm = new PlaygroundViewModel(playgroundRunner, prefix.startsWith("response")
                    ? PlaygroundViewModel.Kind.RESPONSE : PlaygroundViewModel.Kind.REQUEST);
            playgroundVm.templateProperty().bind(editor.area().textProperty());
            playgroundVm.errorProperty().addListener((obs, old, error) -> editor.markProblem(problemAt(error)));
            playground = new PlaygroundView(playgroundVm, prefix);
        }
        if (on) {
            SplitPane split = new SplitPane(right, playground);
            split.setDividerPositions(0.52);
            setCenter(split);
            BorderPane.setMargin(split, new javafx.geometry.Insets(0, 0, 0, 8));
            setPrefHeight(520);
            playground.renderNow();
        } else {
            setCenter(right);
            setPrefHeight(300);
            if (playground != null) editor.markProblem(Optional.empty());
        }
    }

    /** The render error as an editor problem: the word at its line and column. */
    private Optional<Highlighter.Problem> problemAt(PlaygroundViewModel.TemplateError error) {
        if (error == null) return Optional.empty();
        String text = editor.getText();
        int start = error.offsetIn(text);
        String where = error.line() > 0 ? " (line " + error.line() + ", column " + error.column() + ")" : "";
        if (start < 0 || text.isEmpty()) return Optional.of(new Highlighter.Problem(0, 0, error.message() + where));
        start = Math.min(start, text.length() - 1);
        int end = start + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        return Optional.of(new Highlighter.Problem(start, end, error.message() + where));
    }

    private void addType() {
        String problem = model.contentTypeProblem(newType.getText());
        if (problem != null) {
            newType.setPromptText(problem);
            newType.clear();
            return;
        }
        model.add(newType.getText());
        newType.clear();
    }

    private void load(TemplatesModel.Loaded loaded) {
        loading = true;
        try {
            editor.setText(loaded == null ? "" : loaded.text());
        } finally {
            loading = false;
        }
    }

    /** Stops the editor's highlighting thread. */
    void dispose() {
        editor.dispose();
        if (playground != null) {
            playground.dispose();
            playgroundRunner.close();
        }
    }
}
