package dev.gatehouse.app.stages;

import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Stages page: each stage, the deployment it serves, and the selected stage's variables. */
public final class StagesView extends VBox {
    private final StagesViewModel vm;
    private TableView<StagesViewModel.StageRow> stages;
    private TableView<Map.Entry<String, String>> variables;
    private Label hint;

    public StagesView(StagesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        stages = new TableView<>(vm.stages());
        stages.setId("stageTable");
        stages.setPlaceholder(new Label("No stages yet: deploy the API to create one"));
        stages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stages.getColumns().add(column("Stage", StagesViewModel.StageRow::stageName));
        stages.getColumns().add(column("Deployment", StagesViewModel.StageRow::deploymentId));
        stages.getColumns().add(column("Deployed", StagesViewModel.StageRow::deployed));
        stages.getColumns().add(column("Description", StagesViewModel.StageRow::description));
        variables = new TableView<>(vm.variables());
        variables.setId("stageVariables");
        variables.setPlaceholder(new Label("No stage variables"));
        variables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        variables.getColumns().add(column("Variable", Map.Entry::getKey));
        variables.getColumns().add(column("Value", Map.Entry::getValue));
        hint = new Label("Stages are read-only here until deploying from the console is available.");
        hint.getStyleClass().add("muted");
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void layoutParts() {
        setId("stagesPage");
        Label title = new Label("Stages");
        title.getStyleClass().add("page-title");
        Label varsHeading = new Label("Stage variables");
        varsHeading.getStyleClass().add("section-title");
        VBox.setVgrow(stages, Priority.ALWAYS);
        variables.setPrefHeight(200);
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        getChildren().addAll(title, hint, stages, varsHeading, variables);
    }

    private void bind() {
        vm.selectedProperty().addListener((obs, old, row) -> stages.getSelectionModel().select(row));
        stages.getSelectionModel().select(vm.selectedProperty().get());
    }

    private void wireEvents() {
        stages.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
    }
}
