package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.shell.Page;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dead ends a new user met on a first walk through the console at 1360×860 (an AWS API Gateway user trying
 * Gatehouse): a new API opened with nothing selected, the Deploy dialog answered an API without methods with a raw
 * error, Resource Policy's "Check a request" kept a stage "prod" the new API does not have, the Stages page compared
 * the only deployment with itself, and the Functions page opened with no function. Each step here is what AWS's
 * console does instead. Snapshots of each screen go to {@code tests/target/screenshots/first-steps-*.png}.
 */
class ConsoleFirstStepsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void aNewApiIsWalkedFromItsRootToItsFirstStageWithoutADeadEnd(FxRobot robot) {
        // when a new API is created (Ctrl+Shift+N)
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiName").write("Toys");
        robot.clickOn("#createApiOk");
        ConsoleFixture.waitUntil(() -> console.workbench().selectedApi().map(a -> a.name().equals("Toys")).orElse(false));

        // then its Resources page shows the root / selected in the tree and its summary with "Add method"
        ConsoleFixture.waitUntil(() -> visible(robot, "#resourcePath") && "/".equals(text(robot, "#resourcePath")));
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#resourceTree").queryAs(TreeView.class);
        TreeItem<Object> selected = tree.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull().isSameAs(tree.getRoot());
        assertThat(visible(robot, "#resourceAddMethod")).isTrue();
        snapshot("first-steps-1-new-api.png");

        // when Deploy API is chosen before any method exists (Ctrl+Shift+E)
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());

        // then the dialog says in plain words there is nothing to deploy and what to do, and Deploy is off
        ConsoleFixture.waitUntil(() -> visible(robot, "#deployNothingToDeploy"));
        assertThat(text(robot, "#deployNothingToDeploy")).startsWith("Toys has no methods yet, so there is nothing to deploy")
                .contains("Add method").contains("The REST API doesn't contain any methods");
        assertThat(robot.lookup("#deployOk").queryAs(Button.class).isDisabled()).isTrue();
        snapshot(robot.lookup("#deployDialog").query(), "first-steps-2-deploy-empty.png");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());

        // when Resource Policy is opened on this API without stages
        robot.clickOn("#nav-resource_policy");
        ConsoleFixture.waitUntil(() -> visible(robot, "#policyCheckStageNote"));

        // then no stage is offered (PetStore's prod is not kept) and the page says why
        @SuppressWarnings("unchecked")
        ComboBox<String> stage = robot.lookup("#policyCheckStage").queryAs(ComboBox.class);
        assertThat(stage.getItems()).isEmpty();
        assertThat(stage.getValue()).isNull();
        assertThat(stage.isDisabled()).isTrue();
        assertThat(text(robot, "#policyCheckStageNote")).startsWith("This API has no stages yet");
        assertThat(robot.lookup("#policyCheckRun").queryAs(Button.class).isDisabled()).isTrue();
        snapshot("first-steps-3-policy-no-stages.png");

        // when a GET is added to / (MOCK, the first type offered) and the API deployed to a new stage dev
        robot.clickOn("#nav-resources");
        ConsoleFixture.waitUntil(() -> visible(robot, "#resourceAddMethod"));
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "GET");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isPresent());
        robot.clickOn("#createMethodOk");
        ConsoleFixture.waitUntil(() -> "GET /".equals(text(robot, "#methodTitle")));

        // and tested on the Test tab: the status code and latency read whole beside the outcome sentence
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> visible(robot, "#testSend"));
        robot.clickOn("#testSend");
        ConsoleFixture.waitUntil(() -> "200".equals(text(robot, "#testStatus")) && !text(robot, "#testOutcome").isEmpty());
        for (String id : new String[] {"#testStatus", "#testLatency"}) {
            Labeled label = robot.lookup(id).queryAs(Labeled.class);
            assertThat(shownText(label)).as(id + " is not cut to …").isEqualTo(label.getText());
        }
        snapshot("first-steps-3b-test-invoke.png");
        robot.clickOn("#methodTab-design");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        assertThat(visible(robot, "#deployNothingToDeploy")).isFalse();
        robot.doubleClickOn("#deployStageName").eraseText(20).write("dev");
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());

        // then the Stages page lists the one deployment without comparing it with itself
        robot.clickOn("#nav-stages");
        ConsoleFixture.waitUntil(() -> console.shell().pageProperty().get() == Page.STAGES);
        ConsoleFixture.waitUntil(() -> text(robot, "#diffSummary").startsWith("Only one deployment so far"));
        assertThat(text(robot, "#diffSummary")).doesNotContain("No changes between");
        assertThat(visible(robot, "#diffFrom")).isFalse();
        assertThat(visible(robot, "#diffTable")).isFalse();
        snapshot("first-steps-4-stages-one-deployment.png");

        // and Resource Policy now offers exactly the new stage
        robot.clickOn("#nav-resource_policy");
        ConsoleFixture.waitUntil(() -> stage.getItems().equals(java.util.List.of("dev")));
        assertThat(stage.getValue()).isEqualTo("dev");
        assertThat(visible(robot, "#policyCheckStageNote")).isFalse();
        assertThat(robot.lookup("#policyCheckRun").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void theExampleApiIsCreatedWithAButtonThatReadsWholeAndOpensOnItsRoot(FxRobot robot) {
        // when the Create API dialog is switched to Example API
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiMode-EXAMPLE");
        Button create = robot.lookup("#createApiOk").queryAs(Button.class);
        ConsoleFixture.waitUntil(() -> !"Create API".equals(create.getText()));

        // then its button says what it does in full, not "Create …" (the bar measured it for "Create API")
        assertThat(shownText(create)).isEqualTo("Create example API");
        snapshot(create, "first-steps-0-create-example.png");

        // and the example API, once created, opens on its root resource
        robot.clickOn(create);
        ConsoleFixture.waitUntil(() -> console.workbench().apisProperty().size() > 0
                && console.workbench().selectedApi().map(a -> a.resourceByPath("/pets").isPresent() && !a.id().equals("petstore01")).orElse(false));
        ConsoleFixture.waitUntil(() -> visible(robot, "#resourcePath") && "/".equals(text(robot, "#resourcePath")));
    }

    @Test
    void theFunctionsPageOpensOnTheFirstFunction(FxRobot robot) {
        // when the Functions page is opened on the sample workspace (three functions)
        robot.clickOn("#nav-functions");

        // then the first one is open with its code, as the Lambda console opens a function, never an empty page
        ConsoleFixture.waitUntil(() -> "Function EchoProxy".equals(text(robot, "#functionTitle")));
        assertThat(text(robot, "#functionCodeFile")).contains("index.js");
        assertThat(robot.lookup("#functionList").queryListView().getSelectionModel().getSelectedItem()).isEqualTo("EchoProxy");
        snapshot("first-steps-5-functions.png");
    }

    private void snapshot(String name) {
        ConsoleFixture.snapshot(stage, ConsoleFixture.screenshotDir().resolve(name));
    }

    private static void snapshot(Node dialogPane, String name) {
        ConsoleFixture.snapshot(dialogPane.getScene().getWindow(), ConsoleFixture.screenshotDir().resolve(name));
    }

    /** The text a label or button shows on screen: its text, or an elided "Create …" when it has too little room. */
    private static String shownText(Labeled labeled) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            labeled.applyCss();
            labeled.layout();
            Node text = labeled.lookup(".text");
            return text instanceof javafx.scene.text.Text t ? t.getText() : labeled.getText();
        });
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) return false;
            }
            return n.getScene() != null;
        }).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }
}
