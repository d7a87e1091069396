package dev.gatehouse.app.method;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Draws {@link PipelineDiagram} as two rows: request left to right, response right to left. */
final class PipelineDiagramSkin extends SkinBase<PipelineDiagram> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final Map<Phase, Button> boxes = new EnumMap<>(Phase.class);
    private final Map<Phase, Label> summaries = new EnumMap<>(Phase.class);
    private final Label integration = new Label();

    PipelineDiagramSkin(PipelineDiagram control) {
        super(control);
        for (Phase phase : Phase.values()) {
            Label title = new Label(phase.title());
            title.getStyleClass().add("phase-title");
            Label summary = new Label();
            summary.getStyleClass().add("phase-summary");
            summaries.put(phase, summary);
            VBox text = new VBox(2, title, summary);
            text.setAlignment(Pos.CENTER_LEFT);
            Button box = new Button(null, text);
            box.setId("phase-" + phase.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.getStyleClass().add("phase-box");
            box.setMaxWidth(Double.MAX_VALUE);
            box.setOnAction(e -> control.phaseProperty().set(phase));
            box.setOnKeyPressed(e -> {
                int step = e.getCode() == KeyCode.RIGHT ? 1 : e.getCode() == KeyCode.LEFT ? -1 : 0;
                if (step == 0) return;
                Phase next = Phase.values()[Math.floorMod(phase.ordinal() + step, Phase.values().length)];
                boxes.get(next).requestFocus();
                control.phaseProperty().set(next);
                e.consume();
            });
            boxes.put(phase, box);
        }
        integration.getStyleClass().add("integration-box");
        integration.setGraphic(new FontIcon(Feather.SERVER));
        integration.setMaxHeight(Double.MAX_VALUE);
        integration.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("pipeline-grid");
        for (int c = 0; c < 5; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            if (c == 1 || c == 3) cc.setHgrow(Priority.ALWAYS);
            cc.setHalignment(javafx.geometry.HPos.CENTER);
            grid.getColumnConstraints().add(cc);
        }
        Label client = endpoint("Client", Feather.MONITOR);
        grid.add(client, 0, 0, 1, 2);
        grid.add(boxes.get(Phase.METHOD_REQUEST), 1, 0);
        grid.add(boxes.get(Phase.INTEGRATION_REQUEST), 3, 0);
        grid.add(boxes.get(Phase.METHOD_RESPONSE), 1, 1);
        grid.add(boxes.get(Phase.INTEGRATION_RESPONSE), 3, 1);
        grid.add(arrow(true), 2, 0);
        grid.add(arrow(false), 2, 1);
        grid.add(integration, 4, 0, 1, 2);
        getChildren().add(grid);

        control.phaseProperty().addListener((obs, old, p) -> updateSelection());
        control.summariesProperty().addListener((obs, old, map) -> updateSummaries());
        integration.textProperty().bind(control.integrationLabelProperty());
        updateSelection();
        updateSummaries();
    }

    private static Label endpoint(String text, Feather icon) {
        Label label = new Label(text, new FontIcon(icon));
        label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        label.getStyleClass().add("endpoint-box");
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }

    private static Label arrow(boolean right) {
        Label label = new Label(null, new FontIcon(right ? Feather.ARROW_RIGHT : Feather.ARROW_LEFT));
        label.getStyleClass().add("flow-arrow");
        return label;
    }

    private void updateSelection() {
        Phase selected = getSkinnable().phaseProperty().get();
        boxes.forEach((phase, box) -> box.pseudoClassStateChanged(SELECTED, phase == selected));
    }

    private void updateSummaries() {
        Map<Phase, String> map = getSkinnable().summariesProperty().get();
        summaries.forEach((phase, label) -> label.setText(map == null ? "" : map.getOrDefault(phase, "")));
    }
}
