package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Observations.LoggedRequest;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 14, item 3's "Replay in test panel": a POST sent over real HTTP to a deployed stage → found on the Logs
 * page by its request id → "Replay in test panel" opens the Resources page on {@code POST /items/{id}} with the
 * test panel holding the request as it was sent (path parameter, query, headers, body, the stage's variables) →
 * Test against the draft answers 200.
 */
class ConsoleReplayInTestPanelFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    private static final String BODY = "{\"name\": \"rex\", \"tags\": [1, 2]}";

    @Test
    void aLoggedRequestReplaysInTheTestPanelAsItWasSentAndTestsAgainstTheDraft(FxRobot robot) throws Exception {
        // given POST /items/{id} (a MOCK) deployed to prod, which logs with data and has a stage variable, and served
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ObserveTraffic.deployMockApi(session, "Replayed", "{}");
        session.updateApi(api, "Add POST /items/{id}", a -> {
            a = a.addResource(a.root().id(), "items", "items0001");
            a = a.addResource("items0001", "{id}", "item00001");
            return a.updateResource("item00001", r -> r.withMethod(Method.of("POST")
                    .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                    .withIntegration(Integration.mock()
                            .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                    .withResponseTemplates(Map.of("application/json", "{\"saved\": \"$input.params('id')\"}")))))));
        });
        session.deploy(api, "prod", "with items");
        session.updateStage(api, "prod", "Colour", s -> s.withVariables(Map.of("colour", "blue"), java.time.Instant.now().getEpochSecond()));
        robot.interact(() -> console.workbench().selectApi(api));
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent()
                && console.workbench().selectedApi().map(a -> a.id().equals(api)).orElse(false));

        // when a POST goes to it over HTTP
        String id;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(session.invokeUrl(api, "prod").orElseThrow()
                            + "/items/a%20b?sort=asc&limit=2")).header("Content-Type", "application/json").header("X-Flow", "replay")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"saved\": \"a b\"}"); // $input.params gives the decoded path parameter
            id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        }

        // and the Logs page finds it by its request id and it is selected
        robot.clickOn("#nav-logs");
        robot.clickOn("#logsRequestId").write(id);
        robot.clickOn("#logsSearch");
        ConsoleFixture.waitUntil(() -> logsTable(robot).getItems().size() == 1);
        robot.interact(() -> logsTable(robot).getSelectionModel().select(0));
        ConsoleFixture.waitUntil(() -> !robot.lookup("#logsReplayInTestPanel").queryButton().isDisabled());

        // when "Replay in test panel" is clicked
        robot.clickOn("#logsReplayInTestPanel");

        // then the Resources page shows POST /items/{id} with the test panel in front, filled with the request as sent
        ConsoleFixture.waitUntil(() -> console.shell().pageProperty().get() == Page.RESOURCES
                && robot.lookup("#testQuery").tryQuery().map(n -> n.isVisible() && "sort=asc&limit=2".equals(((TextField) n).getText())).orElse(false));
        assertThat(console.workbench().selectionProperty().get()).isEqualTo(Selection.method("item00001", "POST"));
        assertThat(robot.lookup("#testTitle").queryAs(Label.class).getText()).isEqualTo("POST /items/{id}");
        assertThat(robot.lookup("#testPathParam-id").queryAs(TextField.class).getText()).isEqualTo("a b"); // decoded
        // the headers as the gateway received them (Java's client sends lower-case names), less Host and Content-Length
        List<String> received = session.observations().exchange(id).orElseThrow().headers().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("Host") && !h.getKey().equalsIgnoreCase("Content-Length"))
                .map(h -> h.getKey() + ": " + h.getValue()).toList();
        assertThat(received).contains("content-type: application/json", "x-flow: replay");
        assertThat(robot.lookup("#testHeaders").queryAs(TextArea.class).getText().lines().toList()).isEqualTo(received);
        assertThat(robot.lookup("#testBody-code").queryAs(CodeArea.class).getText()).isEqualTo(BODY);
        assertThat(robot.lookup("#testStageVariables").queryAs(TextArea.class).getText()).endsWith("\ncolour=blue");
        assertThat(robot.lookup("#testTarget").queryAs(javafx.scene.control.ComboBox.class).getValue().toString()).isEqualTo("Draft");

        // when Test is clicked, then the draft answers 200 with the path parameter the log held, encoded again on the
        // way (the space as %20) and decoded by the gateway
        robot.clickOn("#testSend");
        ConsoleFixture.waitUntil(() -> "200".equals(robot.lookup("#testStatus").queryAs(Label.class).getText()));
        String shown = robot.lookup("#testResponseBody-code").queryAs(CodeArea.class).getText(); // pretty-printed
        assertThat(shown.replaceAll("\\s", "")).isEqualTo("{\"saved\":\"ab\"}");
        assertThat(shown).contains("\"a b\"");
    }

    @SuppressWarnings("unchecked")
    private static TableView<LoggedRequest> logsTable(FxRobot robot) {
        return robot.lookup("#logsTable").queryAs(TableView.class);
    }
}
