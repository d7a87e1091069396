package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Deploy from the console against the real engine, headless: a MOCK method deployed to a new stage answers over
 * HTTP on the local data plane; an edited template redeployed shows in the diff; rollback serves the old body.
 */
class ConsoleDeployFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private static final Pattern SERVING = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+)");
    private final OkHttpClient http = new OkHttpClient();

    @Test
    void deployCallRedeployDiffAndRollBack(FxRobot robot) throws IOException {
        // given the data plane serving the workspace (the status bar says where)
        ConsoleFixture.waitUntil(() -> SERVING.matcher(text(robot, "#statusEngine")).find());
        Matcher serving = SERVING.matcher(text(robot, "#statusEngine"));
        assertThat(serving.find()).isTrue();
        String base = serving.group(1);

        // and a new resource /toys with a GET MOCK method answering {"toys": []}
        robot.clickOn("#tree-_").press(KeyCode.INSERT).release(KeyCode.INSERT);
        robot.clickOn("#pathPartField").write("toys");
        robot.clickOn("#pathPartOk");
        ConsoleFixture.waitUntil(() -> api().resourceByPath("/toys").isPresent());
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "GET");
        robot.clickOn("#createMethodOk"); // Mock is the first integration type offered
        ConsoleFixture.waitUntil(() -> method().isPresent());
        ConsoleFixture.waitUntil(() -> "GET /toys".equals(text(robot, "#methodTitle")));
        setResponseTemplate(robot, "{\"toys\": []}");

        // when it is deployed to a new stage dev (Ctrl+Shift+E)
        shortcut(robot, KeyCode.E, true);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        robot.clickOn("#deployNewStage");
        robot.doubleClickOn("#deployStageName").eraseText(20).write("dev");
        robot.clickOn("#deployDescription").write("first toys");
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());
        String first = deploymentOf("dev");

        // then the stage answers over HTTP with the template
        assertThat(get(base + "/dev/toys")).isEqualTo("200 {\"toys\": []}");

        // and the Stages page shows it with its invoke URL
        robot.clickOn("#nav-stages");
        ConsoleFixture.waitUntil(() -> (base + "/dev").equals(robot.lookup("#stageInvokeUrl").queryAs(TextField.class).getText()));
        assertThat(text(robot, "#statusInvokeUrl")).isEqualTo("dev: " + base + "/dev");

        // when the template is edited and the API redeployed to dev (the stage in view is preselected)
        robot.clickOn("#nav-resources");
        robot.clickOn("#tree-GET-_toys");
        setResponseTemplate(robot, "{\"toys\": [\"ball\"]}");
        shortcut(robot, KeyCode.E, true);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        robot.clickOn("#deployDescription").write("a ball");
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> !first.equals(deploymentOf("dev")));
        assertThat(get(base + "/dev/toys")).isEqualTo("200 {\"toys\": [\"ball\"]}");

        // then the diff on the Stages page shows the template change, old and new
        robot.clickOn("#nav-stages");
        ConsoleFixture.waitUntil(() -> robot.lookup("#diffTable").queryAs(TableView.class).getItems().size() == 1);
        assertThat(text(robot, "#diffSummary")).startsWith("1 change from " + first);
        robot.clickOn("#tab-history");
        ConsoleFixture.waitUntil(() -> "{\"toys\": [\"ball\"]}".equals(robot.lookup("#diffAfter").queryAs(TextArea.class).getText()));
        assertThat(robot.lookup("#diffBefore").queryAs(TextArea.class).getText()).isEqualTo("{\"toys\": []}");

        // when the first deployment is selected in the history and rolled back to
        @SuppressWarnings("unchecked")
        TableView<Object> history = robot.lookup("#deploymentTable").queryAs(TableView.class);
        int row = -1;
        for (int i = 0; i < history.getItems().size(); i++) {
            if (history.getItems().get(i).toString().startsWith(first)) row = i;
        }
        assertThat(row).isNotNegative();
        int index = row;
        robot.interact(() -> history.getSelectionModel().select(index));
        robot.clickOn("#rollbackButton");
        ConsoleFixture.waitUntil(() -> first.equals(deploymentOf("dev")));

        // then the stage serves the old body again, and the Edit menu can undo the rollback
        assertThat(get(base + "/dev/toys")).isEqualTo("200 {\"toys\": []}");
        assertThat(console.workbench().undoTextProperty().get()).isEqualTo("Undo Roll back stage dev to " + first);
    }

    private void setResponseTemplate(FxRobot robot, String template) {
        robot.clickOn("#phase-integration-response");
        robot.clickOn("#responseTemplates-code");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        robot.write(template);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> template.equals(method().map(m -> m.methodIntegration().integrationResponses().get("200"))
                .map(r -> r.responseTemplates().get("application/json")).orElse(null)));
    }

    private static void shortcut(FxRobot robot, KeyCode key, boolean shift) {
        if (shift) robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
        else robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private String get(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private String deploymentOf(String stageName) {
        return console.workbench().session().map(s -> s.stages(api().id())).orElse(java.util.List.of()).stream()
                .filter(s -> s.stageName().equals(stageName)).map(dev.gatehouse.engine.model.Stage::deploymentId)
                .findFirst().orElse("");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private ApiDefinition api() {
        return ConsoleFixture.api(console);
    }

    private Optional<Method> method() {
        return api().resourceByPath("/toys").map(r -> r.method("GET"));
    }
}
