package dev.gatehouse.app.stages;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The canary tab: percent of traffic, the canary's deployment, variable overrides; Save and Remove. */
final class CanaryPane extends VBox {
    private final CanaryViewModel vm;
    private Label state;
    private TextField percent;
    private ComboBox<String> deployment;
    private CheckBox useStageCache;
    private VariableTable overrides;
    private Button addOverride;
    private Button removeOverride;
    private Button save;
    private Button remove;
    private Label error;

    CanaryPane(CanaryViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        state = new Label();
        state.setId("canaryState");
        state.getStyleClass().add("muted");
        percent = new TextField();
        percent.setId("canaryPercent");
        percent.setPrefColumnCount(6);
        deployment = new ComboBox<>(vm.deploymentIds());
        deployment.setId("canaryDeployment");
        useStageCache = new CheckBox("Use the stage cache");
        useStageCache.setId("canaryUseStageCache");
        overrides = new VariableTable(vm.overrides(), "canaryOverrides", "No overrides: the canary sees the stage's variables");
        addOverride = new Button("Add override", new FontIcon(Feather.PLUS));
        addOverride.setId("canaryAddOverride");
        removeOverride = new Button("Remove", new FontIcon(Feather.TRASH_2));
        removeOverride.setId("canaryRemoveOverride");
        save = new Button("Save canary", new FontIcon(Feather.CHECK));
        save.setId("canarySave");
        save.getStyleClass().add("accent");
        remove = new Button("Remove canary", new FontIcon(Feather.X));
        remove.setId("canaryRemove");
        remove.getStyleClass().add("danger");
        error = new Label();
        error.setId("canaryError");
        error.getStyleClass().add("validation-error");
        error.setWrapText(true);
    }

    private void layoutParts() {
        setId("canaryPane");
        setSpacing(8);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Requests to the canary (%)"), percent);
        form.addRow(1, new Label("Canary deployment"), deployment);
        form.add(useStageCache, 1, 2);
        Label overridesHeading = new Label("Stage variable overrides");
        overridesHeading.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, addOverride, removeOverride, spacer, remove, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(overrides, Priority.ALWAYS);
        getChildren().addAll(state, form, overridesHeading, overrides, error, buttons);
    }

    private void bind() {
        state.textProperty().bind(javafx.beans.binding.Bindings.when(vm.activeProperty())
                .then("A canary is active on this stage: the share below goes to the canary deployment.")
                .otherwise("No canary: every request goes to the stage's deployment."));
        percent.textProperty().bindBidirectional(vm.percentProperty());
        deployment.valueProperty().bindBidirectional(vm.deploymentIdProperty());
        useStageCache.selectedProperty().bindBidirectional(vm.useStageCacheProperty());
        error.textProperty().bind(vm.errorProperty());
        save.disableProperty().bind(vm.errorProperty().isNotEmpty().or(vm.stageNameProperty().isNull()));
        remove.disableProperty().bind(vm.activeProperty().not());
        removeOverride.disableProperty().bind(overrides.getSelectionModel().selectedItemProperty().isNull());
        addOverride.disableProperty().bind(vm.stageNameProperty().isNull());
    }

    private void wireEvents() {
        addOverride.setOnAction(e -> overrides.editName(vm.overrides().add()));
        removeOverride.setOnAction(e -> vm.overrides().remove(overrides.getSelectionModel().getSelectedItem()));
        save.setOnAction(e -> vm.save());
        remove.setOnAction(e -> vm.remove());
    }
}
