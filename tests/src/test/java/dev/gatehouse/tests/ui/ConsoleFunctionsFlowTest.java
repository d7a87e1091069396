package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 11's console flow against the real engine and a real Node.js worker, headless: a function created from the
 * Node.js template on the Functions page, tested there, attached to a new GET method as a Lambda proxy integration,
 * tested in the method's test panel (the function's REPORT line in the execution log), deployed, and called over
 * HTTP on the local data plane.
 */
class ConsoleFunctionsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private static final Pattern SERVING = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+)");
    private final OkHttpClient http = new OkHttpClient();

    @Test
    void createANodeFunctionAttachItToAGetMethodTestDeployAndCallIt(FxRobot robot) throws IOException {
        ConsoleFixture.waitUntil(() -> SERVING.matcher(text(robot, "#statusEngine")).find());
        Matcher serving = SERVING.matcher(text(robot, "#statusEngine"));
        assertThat(serving.find()).isTrue();
        String base = serving.group(1);

        // given a function HelloToys created from the Node.js template on the Functions page
        robot.clickOn("#nav-functions");
        robot.clickOn("#createFunction");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createFunctionDialog").tryQuery().isPresent());
        robot.clickOn("#createFunctionName").write("HelloToys");
        robot.clickOn("#createFunctionOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#functionList").queryAs(ListView.class).getItems().contains("HelloToys"));
        CodeArea code = robot.lookup("#functionCode").queryAs(CodeArea.class);
        ConsoleFixture.waitUntil(() -> code.getText().contains("Hello from Lambda!"));
        assertThat(text(robot, "#functionCodeFile")).isEqualTo("index.js");
        assertThat(text(robot, "#functionSummary")).startsWith("Node.js · handler index.handler");

        // when it is tested there with the proxy event template
        robot.clickOn("#functionTabTest");
        robot.clickOn("#testFunction");

        // then it succeeds with the template's answer and its REPORT line
        ConsoleFixture.waitUntil(() -> "Succeeded".equals(text(robot, "#functionResultStatus")));
        // the template's answer (shown indented)
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(robot.lookup("#functionResultPayload").queryAs(CodeArea.class).getText()))
                .isEqualTo(json.readTree("{\"statusCode\":200,\"body\":\"\\\"Hello from Lambda!\\\"\"}"));
        assertThat(text(robot, "#functionResultSummary")).startsWith("REPORT RequestId: ").contains("Billed Duration: ");
        assertThat(robot.lookup("#functionResultLog").queryAs(TextArea.class).getText()).startsWith("START RequestId: ");

        // when a new resource /toys gets a GET method on the function, as a Lambda proxy integration
        robot.clickOn("#nav-resources");
        robot.clickOn("#tree-_").press(KeyCode.INSERT).release(KeyCode.INSERT);
        robot.clickOn("#pathPartField").write("toys");
        robot.clickOn("#pathPartOk");
        ConsoleFixture.waitUntil(() -> api().resourceByPath("/toys").isPresent());
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "GET");
        robot.clickOn("#createMethodType-Lambda-function");
        robot.clickOn("#createMethodTarget").write("HelloToys");
        robot.clickOn("#createMethodOption");
        robot.clickOn("#createMethodOk");

        // then the method invokes the function through Lambda's Invoke API, with POST
        ConsoleFixture.waitUntil(() -> method().map(m -> m.methodIntegration() != null).orElse(false));
        var integration = method().orElseThrow().methodIntegration();
        assertThat(integration.type()).isEqualTo(IntegrationType.AWS_PROXY);
        assertThat(integration.httpMethod()).isEqualTo("POST");
        assertThat(integration.uri()).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:HelloToys/invocations");

        // when it is tested in the method's test panel
        ConsoleFixture.waitUntil(() -> "GET /toys".equals(text(robot, "#methodTitle")));
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> "GET /toys".equals(text(robot, "#testTitle")));
        robot.clickOn("#testSend");

        // then it answers 200 with the function's body, and the execution log holds the function's REPORT line
        ConsoleFixture.waitUntil(() -> !robot.lookup("#testHistory").queryAs(ListView.class).getItems().isEmpty());
        assertThat(text(robot, "#testStatus")).isEqualTo("200");
        assertThat(robot.lookup("#testResponseBody-code").queryAs(CodeArea.class).getText()).contains("Hello from Lambda!");
        assertThat(robot.lookup("#testLog").queryAs(CodeArea.class).getText())
                .contains("REPORT RequestId: ").contains("Method completed with status: 200");

        // when the API is deployed to a new stage dev
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        robot.clickOn("#deployNewStage");
        robot.doubleClickOn("#deployStageName").eraseText(20).write("dev");
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());
        ConsoleFixture.waitUntil(() -> console.workbench().session().map(s -> s.stages(api().id())).orElseThrow()
                .stream().anyMatch(s -> s.stageName().equals("dev")));

        // then the stage answers over HTTP with the function's response
        assertThat(get(base + "/dev/toys")).isEqualTo("200 \"Hello from Lambda!\"");
    }

    @Test
    void aMethodOnAFunctionThatDoesNotExistOffersToCreateIt(FxRobot robot) {
        // when a GET method is created on the root for function Missing1, which the workspace lacks
        robot.clickOn("#nav-resources");
        robot.clickOn("#tree-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#resourceAddMethod").tryQuery().isPresent());
        String rootId = api().root().id();
        assertThat(api().root().method("PATCH")).isNull();
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "PATCH");
        robot.clickOn("#createMethodType-Lambda-function");
        robot.clickOn("#createMethodTarget").write("Missing1");
        robot.clickOn("#createMethodOk");

        // then the console offers to create it, with its name filled in; accepting creates it from the template
        ConsoleFixture.waitUntil(() -> robot.lookup("#createFunctionDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#createFunctionName").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("Missing1");
        robot.clickOn("#createFunctionOk");
        ConsoleFixture.waitUntil(() -> java.nio.file.Files.isRegularFile(
                console.workbench().session().orElseThrow().root().resolve("functions/Missing1/function.json")));
        assertThat(api().resource(rootId).orElseThrow().method("PATCH").methodIntegration().type()).isEqualTo(IntegrationType.AWS);
    }

    private String get(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
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
