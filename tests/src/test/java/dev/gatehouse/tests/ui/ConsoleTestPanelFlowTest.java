package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Selection;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The test panel and the template playground on a temporary copy of the sample workspace, headless. */
class ConsoleTestPanelFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void testingAMockMethodInThePanelShows200AndTheExecutionLog(FxRobot robot) {
        // given GET / of PetStore (a MOCK integration) is selected in the tree
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").queryAs(Label.class).getText().equals("GET /"));

        // when its Test tab is opened and the request is sent to the draft
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> robot.lookup("#testTitle").queryAs(Label.class).getText().equals("GET /"));
        robot.clickOn("#testSend");

        // then the run shows 200, its latency and the execution log, and the history holds it
        ConsoleFixture.waitUntil(() -> !robot.lookup("#testHistory").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#testStatus").queryAs(Label.class).getText()).isEqualTo("200");
        assertThat(robot.lookup("#testLatency").queryAs(Label.class).getText()).endsWith(" ms");
        CodeArea log = robot.lookup("#testLog").queryAs(CodeArea.class);
        assertThat(log.isVisible()).isTrue();
        assertThat(log.getText()).contains("Method request").contains("Method completed with status: 200");
        assertThat(robot.lookup("#testResponseBody-code").queryAs(CodeArea.class).getText()).contains("Welcome to your Pet Store API");

        // and Ctrl+Enter runs it again
        robot.clickOn("#testQuery").write("a=1");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#testHistory").queryAs(ListView.class).getItems().size() == 2);
    }

    @Test
    void testingAgainstADeployedStageShowsTheStagesExecutionLog(FxRobot robot) {
        // given GET / of PetStore, deployed to prod, with the local gateway serving
        ConsoleFixture.waitUntil(() -> robot.lookup("#statusEngine").queryAs(Label.class).getText().contains("Serving on"));
        robot.clickOn("#tree-GET-_");
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> robot.lookup("#testTitle").queryAs(Label.class).getText().equals("GET /"));

        // when the request is sent to stage prod
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.gatehouse.app.testpanel.TestTarget> target =
                robot.lookup("#testTarget").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> target.getSelectionModel().select(dev.gatehouse.app.testpanel.TestTarget.stage("prod")));
        robot.clickOn("#testSend");

        // then the run shows the stage's answer and its execution log, without the console's trace header
        ConsoleFixture.waitUntil(() -> !robot.lookup("#testHistory").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#testStatus").queryAs(Label.class).getText()).isEqualTo("200");
        String log = robot.lookup("#testLog").queryAs(CodeArea.class).getText();
        assertThat(log).contains("/prod/").contains("Execution log for request").contains("Method request headers")
                .contains("Method completed with status: 200")
                .doesNotContain("draft test invokes only").doesNotContainIgnoringCase("X-Gatehouse-Trace");
    }

    @Test
    void thePlaygroundRendersTheTemplateBeingTypedAgainstTheSample(FxRobot robot) {
        // given GET / with its integration request open
        String rootId = ConsoleFixture.api(console).root().id();
        robot.interact(() -> console.workbench().select(Selection.method(rootId, "GET")));
        robot.clickOn("#phase-integration-request");

        // when the playground is opened and a template reading a path parameter is typed
        // (the templates sit below the settings: scroll the editor down to them)
        robot.interact(() -> robot.lookup("#integrationRequestEditor").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#requestTemplates-playgroundToggle");
        CodeArea template = robot.lookup("#requestTemplates-code").queryAs(CodeArea.class);
        robot.interact(() -> template.replaceText("{\"id\": \"$input.params('id')\"}"));
        robot.interact(() -> robot.lookup("#integrationRequestEditor").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));

        // then the output shows the sample's id (7) after the debounce, rendered off the FX thread
        CodeArea output = robot.lookup("#requestTemplates-playgroundOutput-code").queryAs(CodeArea.class);
        ConsoleFixture.waitUntil(() -> output.getText().equals("{\"id\": \"7\"}"));

        // and a sample change re-renders it
        robot.clickOn("#requestTemplates-playgroundPath").eraseText(4).write("id=42");
        ConsoleFixture.waitUntil(() -> output.getText().equals("{\"id\": \"42\"}"));

        // and a broken template shows its error position instead
        robot.interact(() -> template.replaceText("#if(\n{\"id\": 1}"));
        ConsoleFixture.waitUntil(() -> robot.lookup("#requestTemplates-playgroundError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#requestTemplates-playgroundStatus").queryAs(Label.class).getText()).startsWith("Error at line");
    }
}
