package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.stages.StagesViewModel;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Stages page's actions as AWS's console offers them (issue 10, item 8): change a stage's description,
 * promote its canary, delete it with a confirmation naming what goes with it; each undoable.
 */
class ConsoleStageActionsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void aStagesDescriptionIsChangedFromItsPage(FxRobot robot) {
        // given PetStore's stage prod selected on the Stages page
        robot.clickOn("#nav-stages");
        select(robot, "prod");

        // when Description… is clicked and a new text entered
        robot.clickOn("#stageEditDescription");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        robot.doubleClickOn("#dialogText").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("Live traffic").press(KeyCode.ENTER).release(KeyCode.ENTER);

        // then the stage has it, and Edit → Undo names the change
        ConsoleFixture.waitUntil(() -> "Live traffic".equals(stage("prod").map(Stage::description).orElse(null)));
        assertThat(console.workbench().undoTextProperty().get()).isEqualTo("Undo Change description of stage prod");
    }

    @Test
    void aCanaryIsPromotedAndAStageDeletedAfterAConfirmationThenBroughtBackByUndo(FxRobot robot) {
        // given stage beta serving one deployment with a canary sending 10% to another
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ConsoleFixture.api(console).id();
        DeploymentSnapshot first = session.deploy(api, "beta", "first");
        DeploymentSnapshot second = session.deploy(api, "beta2", "second");
        session.updateStage(api, "beta", "Add a canary", s -> s.withDeploymentId(first.deployment().id(), 1)
                .withCanarySettings(new Stage.CanarySettings(10.0, second.deployment().id(), Map.of("color", "blue"), false), 1));
        robot.clickOn("#nav-stages");
        select(robot, "beta");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#stagePromoteCanary").queryButton().isDisabled());

        // when Promote canary is clicked
        robot.clickOn("#stagePromoteCanary");

        // then beta serves the canary's deployment, with its variable override, and no canary
        ConsoleFixture.waitUntil(() -> stage("beta").map(s -> s.canarySettings() == null
                && second.deployment().id().equals(s.deploymentId())).orElse(false));
        assertThat(stage("beta").orElseThrow().variables()).containsEntry("color", "blue");

        // when Delete stage… is clicked, the confirmation says what happens, and it is confirmed
        robot.clickOn("#stageDelete");
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).startsWith("Delete stage beta?").contains("Edit → Undo");
        robot.clickOn(robot.from(pane).lookup((Button b) -> "Delete stage".equals(b.getText())).queryButton());

        // then beta is gone from the page; undo brings it back
        ConsoleFixture.waitUntil(() -> stage("beta").isEmpty()
                && stageTable(robot).getItems().stream().noneMatch(r -> r.stageName().equals("beta")));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> stageTable(robot).getItems().stream().anyMatch(r -> r.stageName().equals("beta")));
    }

    private void select(FxRobot robot, String name) {
        ConsoleFixture.waitUntil(() -> stageTable(robot).getItems().stream().anyMatch(r -> r.stageName().equals(name)));
        robot.interact(() -> stageTable(robot).getItems().stream().filter(r -> r.stageName().equals(name)).findFirst()
                .ifPresent(r -> stageTable(robot).getSelectionModel().select(r)));
    }

    private Optional<Stage> stage(String name) {
        String api = ConsoleFixture.api(console).id();
        return console.workbench().session().orElseThrow().stages(api).stream().filter(s -> s.stageName().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static TableView<StagesViewModel.StageRow> stageTable(FxRobot robot) {
        return robot.lookup("#stageTable").queryAs(TableView.class);
    }
}
