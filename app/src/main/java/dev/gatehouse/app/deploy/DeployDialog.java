package dev.gatehouse.app.deploy;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Deploy dialog: new or existing stage, description, Deploy. The dialog stays open while the deploy runs (a
 * progress indicator shows) and closes when it has succeeded; a failure leaves it open behind the error dialog.
 * Methods the deployed stage will refuse (they require an API key, an authorizer or IAM, which the local engine
 * cannot check yet) are listed in a warning above the stage before anyone deploys.
 */
public final class DeployDialog extends Dialog<Void> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final ButtonType DEPLOY = new ButtonType("Deploy", ButtonBar.ButtonData.OK_DONE);

    private final DeployViewModel vm;
    private RadioButton newStage;
    private RadioButton existingStage;
    private TextField stageName;
    private ComboBox<String> stages;
    private Label stageError;
    private TextArea description;
    private ProgressIndicator progress;
    private Label progressText;
    private Button deploy;
    private Label accessWarning;
    private Label nothingToDeploy;

    public DeployDialog(DeployViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    /** Resets the view model for the selected API and shows the dialog (not blocking). FX thread only. */
    public void open(Window owner, String preferredStage) {
        if (getOwner() == null && owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        vm.prepare(preferredStage);
        if (!isShowing()) show();
    }

    private void createParts() {
        ToggleGroup group = new ToggleGroup();
        newStage = new RadioButton("New stage");
        newStage.setId("deployNewStage");
        newStage.setToggleGroup(group);
        existingStage = new RadioButton("Existing stage");
        existingStage.setId("deployExistingStage");
        existingStage.setToggleGroup(group);
        stageName = new TextField();
        stageName.setId("deployStageName");
        stageName.setPromptText("dev, prod, v2 …");
        stages = new ComboBox<>(vm.existingStages());
        stages.setId("deployStageChoice");
        stages.setMaxWidth(Double.MAX_VALUE);
        stageError = new Label();
        stageError.setId("deployStageError");
        stageError.getStyleClass().add("validation-error");
        stageError.setWrapText(true);
        description = new TextArea();
        description.setId("deployDescription");
        description.setPromptText("What changed (optional)");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        accessWarning = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
        accessWarning.setId("deployAccessWarning");
        accessWarning.getStyleClass().addAll(Styles.WARNING, "access-warning");
        accessWarning.setWrapText(true);
        accessWarning.setMaxWidth(Double.MAX_VALUE);
        accessWarning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        nothingToDeploy = new Label("", new FontIcon(Feather.INFO));
        nothingToDeploy.setId("deployNothingToDeploy");
        nothingToDeploy.getStyleClass().add(Styles.WARNING);
        nothingToDeploy.setWrapText(true);
        nothingToDeploy.setMaxWidth(Double.MAX_VALUE);
        nothingToDeploy.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progressText = new Label("Deploying…");
        progressText.getStyleClass().add("muted");
    }

    private void layoutParts() {
        setTitle("Deploy API");
        getDialogPane().setId("deployDialog");
        getDialogPane().getButtonTypes().setAll(DEPLOY, ButtonType.CANCEL);
        deploy = (Button) getDialogPane().lookupButton(DEPLOY);
        deploy.setId("deployOk");
        Label stageHeading = new Label("Stage");
        stageHeading.getStyleClass().add("section-title");
        Label descriptionHeading = new Label("Deployment description");
        descriptionHeading.getStyleClass().add("section-title");
        HBox busy = new HBox(8, progress, progressText);
        busy.setId("deployProgress");
        VBox content = new VBox(6, nothingToDeploy, accessWarning, stageHeading, new HBox(16, newStage, existingStage), stageName, stages, stageError,
                descriptionHeading, description, busy);
        content.setPrefWidth(440);
        getDialogPane().setContent(content);
        setResultConverter(b -> null);
    }

    private void bind() {
        headerTextProperty().bind(Bindings.concat("Deploy ", vm.apiNameProperty(), " to a stage"));
        newStage.setSelected(vm.newStageProperty().get());
        existingStage.setSelected(!vm.newStageProperty().get());
        vm.newStageProperty().addListener((obs, old, isNew) -> {
            newStage.setSelected(isNew);
            existingStage.setSelected(!isNew);
        });
        newStage.selectedProperty().addListener((obs, old, sel) -> vm.newStageProperty().set(sel));
        existingStage.disableProperty().bind(Bindings.isEmpty(vm.existingStages()));
        show(stageName, vm.newStageProperty().get());
        show(stages, !vm.newStageProperty().get());
        vm.newStageProperty().addListener((obs, old, isNew) -> {
            show(stageName, isNew);
            show(stages, !isNew);
        });
        stageName.textProperty().bindBidirectional(vm.newStageNameProperty());
        stages.valueProperty().bindBidirectional(vm.existingStageProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        stageError.textProperty().bind(vm.stageErrorProperty());
        vm.stageErrorProperty().addListener((obs, old, err) -> stageName.pseudoClassStateChanged(INVALID, !err.isEmpty()));
        deploy.disableProperty().bind(vm.canDeployProperty().not());
        nothingToDeploy.textProperty().bind(vm.nothingToDeployProperty());
        nothingToDeploy.visibleProperty().bind(vm.nothingToDeployProperty().isNotEmpty());
        nothingToDeploy.managedProperty().bind(vm.nothingToDeployProperty().isNotEmpty());
        vm.accessWarnings().addListener((ListChangeListener<String>) c -> showAccessWarnings());
        showAccessWarnings();
        progress.getParent().visibleProperty().bind(vm.deployingProperty());
        stageName.disableProperty().bind(vm.deployingProperty());
        stages.disableProperty().bind(vm.deployingProperty());
        description.disableProperty().bind(vm.deployingProperty());
    }

    private void wireEvents() {
        // Deploy must not close the dialog: it closes once the background deploy has succeeded
        deploy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.deploy();
        });
        vm.lastDeploymentProperty().addListener((obs, old, done) -> {
            if (done != null && isShowing()) close();
        });
        setOnShown(e -> (vm.newStageProperty().get() ? stageName : stages).requestFocus());
    }

    private void showAccessWarnings() {
        boolean any = !vm.accessWarnings().isEmpty();
        accessWarning.setText("Deployed stages will refuse every call to these methods:\n"
                + String.join("\n", vm.accessWarnings().stream().map(w -> "• " + w).toList()));
        show(accessWarning, any);
        // the warnings arrive after the dialog has been shown and sized: grow it once the new content is laid out
        javafx.application.Platform.runLater(() -> {
            if (isShowing() && getDialogPane().getScene() != null) getDialogPane().getScene().getWindow().sizeToScene();
        });
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
