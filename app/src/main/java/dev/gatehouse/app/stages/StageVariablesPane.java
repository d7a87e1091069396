package dev.gatehouse.app.stages;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The stage variables tab: an editable table checked with AWS's rules, Add, Remove, Revert and Save. */
final class StageVariablesPane extends VBox {
    private final StageVariablesViewModel vm;
    private VariableTable table;
    private Button add;
    private Button remove;
    private Button revert;
    private Button save;
    private Label error;
    private Label hint;

    StageVariablesPane(StageVariablesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        table = new VariableTable(vm.table(), "stageVariables", "No stage variables");
        add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("variablesAdd");
        remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("variablesRemove");
        revert = new Button("Revert");
        revert.setId("variablesRevert");
        save = new Button("Save", new FontIcon(Feather.CHECK));
        save.setId("variablesSave");
        save.getStyleClass().add("accent");
        error = new Label();
        error.setId("variablesError");
        error.getStyleClass().add("validation-error");
        error.setWrapText(true);
        hint = new Label("Methods read them as $stageVariables.name (templates) or ${stageVariables.name} (endpoint URLs). "
                + "Saving switches the served stage at once; Undo reverts it.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
    }

    private void layoutParts() {
        setId("stageVariablesPane");
        setSpacing(8);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, remove, spacer, revert, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(hint, table, error, buttons);
    }

    private void bind() {
        error.textProperty().bind(vm.table().errorProperty());
        save.disableProperty().bind(vm.canSaveProperty().not());
        revert.disableProperty().bind(vm.table().dirtyProperty().not());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.disableProperty().bind(vm.stageNameProperty().isNull());
    }

    private void wireEvents() {
        add.setOnAction(e -> table.editName(vm.add()));
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));
        revert.setOnAction(e -> vm.revert());
        save.setOnAction(e -> vm.save());
    }
}
