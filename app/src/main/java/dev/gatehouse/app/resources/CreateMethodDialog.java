package dev.gatehouse.app.resources;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Create method, as AWS's console asks it: the HTTP method, then the integration type (Mock, HTTP, HTTP proxy, and
 * whatever {@link ResourceTreeViewModel#integrationChoices()} offers besides) with the fields that type needs.
 * Create stays disabled, with the reason shown, until the form can be applied.
 */
final class CreateMethodDialog extends Dialog<CreateMethodDialog.Result> {
    private static final ButtonType CREATE = new ButtonType("Create method", ButtonBar.ButtonData.OK_DONE);

    /** What the user chose. */
    record Result(String httpMethod, IntegrationChoice choice, String target, String targetMethod, boolean option) {}

    private final ResourceTreeViewModel vm;
    private final String resourceId;
    private final ComboBox<String> verb = new ComboBox<>();
    private final ToggleGroup types = new ToggleGroup();
    private final Label help = new Label();
    private final Label targetLabel = new Label();
    private final TextField target = new TextField();
    private final Label targetMethodLabel = new Label("HTTP method of the endpoint");
    private final ComboBox<String> targetMethod = new ComboBox<>();
    private final Label problem = new Label();
    private final ComboBox<String> targetPicker = new ComboBox<>();
    private final javafx.scene.control.CheckBox option = new javafx.scene.control.CheckBox();
    private final javafx.scene.layout.HBox targetRow = new javafx.scene.layout.HBox(6, target, targetPicker);
    private final VBox formHost = new VBox(); // a type's own fields (IntegrationChoice.form), under the common ones
    private final java.util.Map<IntegrationChoice, javafx.scene.Node> forms = new java.util.HashMap<>();
    private Button create;
    private VBox content;
    private static final double MIN_WIDTH = 560;

    CreateMethodDialog(Window owner, ResourceTreeViewModel vm, String resourceId, String path, String initialVerb) {
        this.vm = vm;
        this.resourceId = resourceId;
        if (owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        setTitle("Create method");
        setHeaderText("Create method on " + path);
        getDialogPane().setId("createMethodDialog");
        // AtlantaFX caps a dialog at 600 px, which cuts AWS Service's integration URI example: widthFor sizes it
        getDialogPane().setStyle("-fx-max-width: 960px;");
        verb.setId("createMethodVerb");
        verb.getItems().setAll(ResourceTreeViewModel.METHODS.stream().filter(v -> vm.canAddMethod(resourceId, v)).toList());
        verb.setValue(initialVerb != null && verb.getItems().contains(initialVerb) ? initialVerb
                : verb.getItems().isEmpty() ? null : verb.getItems().getFirst());
        VBox typeBox = new VBox(6);
        for (IntegrationChoice c : vm.integrationChoices()) {
            RadioButton b = new RadioButton(c.label());
            b.setId("createMethodType-" + c.label().replace(' ', '-'));
            b.setUserData(c);
            b.setToggleGroup(types);
            typeBox.getChildren().add(b);
        }
        types.selectToggle(types.getToggles().getFirst());
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.getStyleClass().add("muted");
        help.setId("createMethodHelp");
        target.setId("createMethodTarget");
        targetMethod.setId("createMethodTargetVerb");
        targetMethod.getItems().setAll("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        problem.setId("createMethodProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("validation-error");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        // labels never shrink to "…": the field column gives way instead
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, new Label("HTTP method"), verb);
        form.addRow(1, new Label("Integration type"), typeBox);
        form.addRow(2, new Label(), help);
        form.addRow(3, targetLabel, targetRow);
        form.addRow(4, targetMethodLabel, targetMethod);
        form.add(option, 1, 5);
        GridPane.setHgrow(targetRow, Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(target, Priority.ALWAYS);
        targetPicker.setId("createMethodTargetPicker");
        targetPicker.setPromptText("Choose…");
        targetPicker.valueProperty().addListener((obs, old, v) -> {
            if (v != null) target.setText(v);
        });
        option.setId("createMethodOption");
        target.setMaxWidth(Double.MAX_VALUE);
        content = new VBox(10, form, formHost, problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(MIN_WIDTH);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId("createMethodOk");
        create.setMinWidth(Region.USE_PREF_SIZE);

        types.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) old.setSelected(true);
            else update();
        });
        verb.valueProperty().addListener((obs, old, v) -> {
            if (targetMethod.getItems().contains(v)) targetMethod.setValue(v);
            update();
        });
        target.textProperty().addListener((obs, old, t) -> update());
        targetMethod.setValue(targetMethod.getItems().contains(verb.getValue()) ? verb.getValue() : "GET");
        update();
        setResultConverter(b -> b == CREATE ? new Result(verb.getValue(), choice(), choice().targetLabel() == null ? null : target.getText().strip(),
                choice().needsTargetMethod() ? targetMethod.getValue() : null,
                choice().optionLabel() == null ? choice().optionDefault() : option.isSelected()) : null);
        setOnShown(e -> verb.requestFocus());
    }

    private IntegrationChoice choice() {
        return (IntegrationChoice) types.getSelectedToggle().getUserData();
    }

    private void update() {
        IntegrationChoice c = choice();
        help.setText(c.help());
        boolean hasTarget = c.targetLabel() != null;
        targetLabel.setText(hasTarget ? c.targetLabel() : "");
        target.setPromptText(c.targetPrompt());
        for (javafx.scene.Node n : new javafx.scene.Node[] {targetLabel, targetRow}) {
            n.setVisible(hasTarget);
            n.setManaged(hasTarget);
        }
        java.util.List<String> suggestions = c.targetSuggestions();
        if (!targetPicker.getItems().equals(suggestions)) targetPicker.getItems().setAll(suggestions);
        targetPicker.setVisible(!suggestions.isEmpty());
        targetPicker.setManaged(!suggestions.isEmpty());
        content.setPrefWidth(widthFor(c, !suggestions.isEmpty()));
        javafx.scene.Node own = forms.get(c);
        if (own == null) {
            forms.put(c, own = new Region()); // first: form() may set the target, which runs update() again
            javafx.scene.Node made = c.form(target.textProperty());
            if (made != null) forms.put(c, own = made);
        }
        if (!formHost.getChildren().contains(own)) formHost.getChildren().setAll(own);
        boolean hasOption = c.optionLabel() != null;
        if (hasOption && !c.optionLabel().equals(option.getText())) {
            option.setText(c.optionLabel());
            option.setSelected(c.optionDefault());
        }
        option.setVisible(hasOption);
        option.setManaged(hasOption);
        for (javafx.scene.Node n : new javafx.scene.Node[] {targetMethodLabel, targetMethod}) {
            n.setVisible(c.needsTargetMethod());
            n.setManaged(c.needsTargetMethod());
        }
        Optional<String> p = vm.newMethodProblem(resourceId, verb.getValue(), c, target.getText());
        // an empty field is not an error yet: say what to do without the red
        problem.setText(p.orElse(""));
        problem.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("hint"), target.getText().isBlank());
        create.setDisable(p.isPresent());
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) getDialogPane().getScene().getWindow().sizeToScene();
        keepOnScreen();
    }

    /**
     * Wide enough that the target field shows its whole example (AWS Service's
     * {@code arn:aws:apigateway:us-east-1:dynamodb:action/PutItem}) beside the widest label, and the picker when
     * there is one; never narrower than {@link #MIN_WIDTH}, so the help text wraps as before.
     */
    private double widthFor(IntegrationChoice c, boolean picker) {
        getDialogPane().applyCss(); // the theme's fonts, not the defaults, measure the labels and the prompt
        javafx.scene.text.Text prompt = new javafx.scene.text.Text(c.targetPrompt());
        prompt.setFont(target.getFont());
        double labels = Math.max(targetMethodLabel.prefWidth(-1), 8.0 * targetMethodLabel.getText().length());
        // a measure before the first layout can come out short: never less than the theme's 8 px a character
        double text = Math.max(prompt.getLayoutBounds().getWidth(), 8.5 * c.targetPrompt().length());
        double field = text + Math.max(24, target.snappedLeftInset() + target.snappedRightInset()) + 8;
        return Math.max(MIN_WIDTH, 8 + labels + 10 + field + (picker ? 8 + targetPicker.prefWidth(-1) : 0));
    }

    /** A taller type (AWS Service's fields) grows the dialog downwards: move it up so its buttons stay on the screen. */
    private void keepOnScreen() {
        if (getDialogPane().getScene() == null || getDialogPane().getScene().getWindow() == null) return;
        javafx.stage.Window w = getDialogPane().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), 1, 1).stream()
                .findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        if (w.getY() + w.getHeight() > screen.getMaxY()) w.setY(Math.max(screen.getMinY(), screen.getMaxY() - w.getHeight()));
    }
}
