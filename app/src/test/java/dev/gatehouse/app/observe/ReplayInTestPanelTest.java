package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.testpanel.PrefilledRequest;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Replay in test panel" on the real engine and data plane, up to the hand-off: a POST to {@code /items/{id}} sent
 * over HTTP is found in the log and handed to the test panel as its form (path parameter decoded, query, headers in
 * order, a UTF-8 body, the stage's variables); a request the draft can no longer take opens nothing. What the panel
 * does with the form (its fields, Test against the draft) is the UI flow {@code ConsoleReplayInTestPanelFlowTest}.
 */
class ReplayInTestPanelTest {
    private Harness h;
    private WorkspaceSession session;
    private URI stage;

    @BeforeEach
    void deployAndServe() {
        h = Harness.empty();
        h.workbench.createApi("Items");
        h.workbench.edit("Add POST /items/{id}", api -> {
            api = api.addResource(api.root().id(), "items", "items0001");
            api = api.addResource("items0001", "{id}", "item00001");
            return api.updateResource("item00001", r -> r.withMethod(Method.of("POST")
                    .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                    .withIntegration(Integration.mock()
                            .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                    .withResponseTemplates(Map.of("application/json", "{\"saved\": true}")))))));
        });
        session = h.session();
        String apiId = h.api().id();
        session.deploy(apiId, "prod", "first");
        session.updateStage(apiId, "prod", "Log prod", s -> LogsViewModel.withInfoLogging(s, java.time.Instant.now().getEpochSecond())
                .withVariables(Map.of("color", "blue"), java.time.Instant.now().getEpochSecond()));
        session.serve("127.0.0.1", 0);
        stage = URI.create(session.invokeUrl(apiId, "prod").orElseThrow());
    }

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void aLoggedPostIsHandedToTheTestPanelAsItWasSent() throws Exception {
        byte[] body = "{\"name\": \"héllo\"}".getBytes(StandardCharsets.UTF_8);
        RawHttpClient.Answer sent = RawHttpClient.send(stage.getHost(), stage.getPort(), new ReplayRequest("POST",
                stage.getPath() + "/items/a%20b?x=1&y=two", List.of(
                        Map.entry("Host", stage.getHost() + ":" + stage.getPort()),
                        Map.entry("Content-Type", "application/json"),
                        Map.entry("X-Trace", "abc"),
                        Map.entry("Content-Length", String.valueOf(body.length))), body), 10_000);
        assertThat(sent.status()).isEqualTo(200);
        String id = sent.headers().stream().filter(e -> e.getKey().equalsIgnoreCase("x-amzn-RequestId")).findFirst().orElseThrow().getValue();
        assertThat(session.observations().flush(5_000)).isTrue();

        LogsViewModel logs = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), Clock.systemUTC());
        List<PrefilledRequest> opened = new ArrayList<>();
        logs.setTestPanelOpener(opened::add);
        logs.requestIdProperty().set(id);
        logs.search();
        logs.selectedProperty().set(logs.results().getFirst());
        assertThat(logs.openSelectedInTestPanel()).isTrue();

        assertThat(opened).singleElement().isEqualTo(new PrefilledRequest(h.api().id(), "item00001", "POST",
                Map.of("id", "a b"), "x=1&y=two", "Content-Type: application/json\nX-Trace: abc\n",
                "{\"name\": \"héllo\"}", "# from stage prod, which served the request\ncolor=blue"));

    }

    @Test
    void aRequestWhoseMethodTheDraftNoLongerHasSaysSoAndOpensNothing() throws Exception {
        RawHttpClient.Answer sent = RawHttpClient.send(stage.getHost(), stage.getPort(), new ReplayRequest("POST",
                stage.getPath() + "/items/7", List.of(Map.entry("Host", stage.getHost() + ":" + stage.getPort()),
                        Map.entry("Content-Length", "0")), new byte[0]), 10_000);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(session.observations().flush(5_000)).isTrue();
        h.workbench.edit("Drop POST", api -> api.updateResource("item00001", r -> r.withoutMethod("POST")));

        LogsViewModel logs = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), Clock.systemUTC());
        List<PrefilledRequest> opened = new ArrayList<>();
        logs.setTestPanelOpener(opened::add);
        logs.search();
        logs.selectedProperty().set(logs.results().getFirst());
        logs.openSelectedInTestPanel();

        assertThat(opened).isEmpty();
        assertThat(logs.noticeProperty().get()).isEqualTo("The draft's resource /items/{id} has no POST or ANY method any "
                + "more, so the request cannot open in its test panel");
    }

    @Test
    void pathParametersAreReadBackOutOfThePathGreedyOnesWithTheirSlashes() {
        assertThat(TestPanelHandoff.pathParameters("/pets/{petId}", "/pets/7")).isEqualTo(Map.of("petId", "7"));
        assertThat(TestPanelHandoff.pathParameters("/files/{proxy+}", "/files/a/b%2Fc/d+e"))
                .isEqualTo(Map.of("proxy", "a/b/c/d+e"));
        assertThat(TestPanelHandoff.pathParameters("/", "/")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestPanelHandoff.pathParameters("/pets/{id}", "/cats/7"))
                .hasMessage("The logged path /cats/7 does not fit the draft's resource /pets/{id}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestPanelHandoff.pathParameters("/files/{proxy+}", "/files"))
                .hasMessage("The logged path /files does not fit the draft's resource /files/{proxy+}");
    }
}
