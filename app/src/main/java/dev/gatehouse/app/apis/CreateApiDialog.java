package dev.gatehouse.app.apis;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.EndpointType;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Create API, as AWS's console offers it: New API, Clone existing API, Import from OpenAPI, Example API; then the
 * fields that choice needs (name, description, endpoint type; the API to clone). The view only builds, binds and
 * forwards to {@link ApisViewModel}.
 */
public final class CreateApiDialog extends Dialog<Void> {
    private static final ButtonType CREATE = new ButtonType("Create API", ButtonBar.ButtonData.OK_DONE);

    private final ApisViewModel vm;
    private final ToggleGroup modes = new ToggleGroup();
    private TextField name;
    private TextArea description;
    private ComboBox<EndpointType> endpointType;
    private ComboBox<ApiDefinition> cloneSource;
    private Label cloneLabel;
    private Label endpointLabel;
    private Label descriptionLabel;
    private Label nameLabel;
    private Label hint;
    private Label problem;
    private Button create;

    private Runnable onCreated = () -> { };

    public CreateApiDialog(ApisViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    /** What happens once the form was accepted (the console shows the Resources page, where a new API starts). */
    public void setOnCreated(Runnable action) {
        onCreated = action == null ? () -> { } : action;
    }

    /** Resets the form and shows the dialog (not blocking). FX thread only. */
    public void open(Window owner, ApisViewModel.Mode mode) {
        if (getOwner() == null && owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        vm.prepare(mode);
        if (!isShowing()) show();
        name.requestFocus();
    }

    private void createParts() {
        setTitle("Create API");
        getDialogPane().setId("createApiDialog");
        name = new TextField();
        name.setId("createApiName");
        name.setPromptText("PetStore");
        description = new TextArea();
        description.setId("createApiDescription");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        endpointType = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(EndpointType.values()));
        endpointType.setId("createApiEndpointType");
        endpointType.setConverter(new StringConverter<>() {
            @Override public String toString(EndpointType t) {
                return t == null ? "" : switch (t) {
                    case REGIONAL -> "Regional";
                    case EDGE -> "Edge-optimized";
                    case PRIVATE -> "Private";
                };
            }

            @Override public EndpointType fromString(String s) { return null; }
        });
        cloneSource = new ComboBox<>(vm.apis());
        cloneSource.setId("createApiCloneSource");
        cloneSource.setMaxWidth(Double.MAX_VALUE);
        cloneSource.setButtonCell(new ApiCell());
        cloneSource.setCellFactory(lv -> new ApiCell());
        hint = new Label();
        hint.setId("createApiHint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("muted");
        problem = new Label();
        problem.setId("createApiProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("validation-error");
    }

    private void layoutParts() {
        javafx.scene.layout.FlowPane choices = new javafx.scene.layout.FlowPane(14, 6); // wraps rather than cutting a choice
        for (ApisViewModel.Mode m : ApisViewModel.Mode.values()) {
            RadioButton b = new RadioButton(m.label());
            b.setId("createApiMode-" + m.name());
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.setMinWidth(Region.USE_PREF_SIZE);
            choices.getChildren().add(b);
        }
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        nameLabel = new Label("API name");
        descriptionLabel = new Label("Description");
        endpointLabel = new Label("API endpoint type");
        cloneLabel = new Label("API to clone");
        // labels never shrink to "…": the field column gives way instead
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, cloneLabel, cloneSource);
        form.addRow(1, nameLabel, name);
        form.addRow(2, descriptionLabel, description);
        form.addRow(3, endpointLabel, endpointType);
        GridPane.setHgrow(name, Priority.ALWAYS);
        VBox content = new VBox(12, choices, form, hint, problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(620); // the four ways in on one line
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId("createApiOk");
        // the label may grow ("Create example API"): never squash it. The button bar gives its buttons one width,
        // measured when they are added ("Create API"), which cut the longer labels to "Create …": opt this one out
        create.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(create, false);
    }

    private void bind() {
        name.textProperty().bindBidirectional(vm.nameProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        endpointType.valueProperty().bindBidirectional(vm.endpointTypeProperty());
        cloneSource.valueProperty().bindBidirectional(vm.cloneSourceProperty());
        problem.textProperty().bind(vm.problemProperty());
        create.textProperty().bind(vm.createLabelProperty());
        create.disableProperty().bind(vm.canCreateProperty().not());
        vm.modeProperty().addListener((obs, old, m) -> showMode(m));
        showMode(vm.modeProperty().get());
    }

    private void wireEvents() {
        modes.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) old.setSelected(true);
            else vm.modeProperty().set((ApisViewModel.Mode) t.getUserData());
        });
        create.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.create()) e.consume();
            else onCreated.run();
        });
    }

    private void showMode(ApisViewModel.Mode m) {
        modes.getToggles().stream().filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true));
        boolean clone = m == ApisViewModel.Mode.CLONE;
        boolean fields = m != ApisViewModel.Mode.IMPORT;
        setShown(clone, cloneLabel, cloneSource);
        setShown(fields, nameLabel, name);
        setShown(m == ApisViewModel.Mode.NEW || clone, descriptionLabel, description);
        setShown(m == ApisViewModel.Mode.NEW, endpointLabel, endpointType);
        hint.setText(switch (m) {
            case NEW -> "An empty API with a root resource / and the Empty and Error models.";
            case CLONE -> "A copy of every resource, method, model and setting, under a new id. Deploy the clone to a "
                    + "stage of its own to run both versions side by side.";
            case IMPORT -> "Choose an OpenAPI 3 or Swagger 2 document (JSON or YAML); a report of what was kept shows before anything is stored.";
            case EXAMPLE -> "AWS's PetStore example: /pets and /pets/{petId} with HTTP integrations, ready to test and deploy.";
        });
    }

    private static void setShown(boolean shown, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
    }

    private static final class ApiCell extends ListCell<ApiDefinition> {
        @Override protected void updateItem(ApiDefinition api, boolean empty) {
            super.updateItem(api, empty);
            setText(empty || api == null ? null : api.name() + "   " + api.id());
        }
    }
}
