package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Observations.Exchange;
import dev.gatehouse.app.session.WorkspaceSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay on the real engine and the real data plane: a request sent over HTTP is found in the log by its request
 * id, opens in the replay editor as it arrived, is sent again unchanged and arrives byte for byte the same
 * (method, path, query, headers in order, body), and after the MOCK's template changes, a replay to the draft
 * shows the changed body.
 */
class ReplayViewModelTest {
    private Harness h;
    private WorkspaceSession session;
    private URI stage;

    @BeforeEach
    void deployAndServe() {
        h = Harness.empty();
        h.createMockApi("Echo", "{\"v\": 1}");
        session = h.session();
        String apiId = h.api().id();
        session.deploy(apiId, "prod", "first");
        session.updateStage(apiId, "prod", "Log prod", s -> LogsViewModel.withInfoLogging(s, System.currentTimeMillis()));
        session.serve("127.0.0.1", 0);
        stage = URI.create(session.invokeUrl(apiId, "prod").orElseThrow());
    }

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    /** An unusual request: a query with an escape, headers in a chosen order and casing, a body with non-ASCII bytes. */
    private RawHttpClient.Answer sendOriginal() throws Exception {
        byte[] body = "héllo\nwörld".getBytes(StandardCharsets.UTF_8);
        ReplayRequest request = new ReplayRequest("GET", stage.getPath() + "?b=%20two&a=1", List.of(
                Map.entry("Host", stage.getHost() + ":" + stage.getPort()),
                Map.entry("X-Zeta", "last-but-first"),
                Map.entry("accept", "application/json"),
                Map.entry("X-Multi", "one"),
                Map.entry("Content-Length", String.valueOf(body.length)),
                Map.entry("X-Multi", "two"),
                Map.entry("Cookie", "a=1; b=2")), body);
        return RawHttpClient.send(stage.getHost(), stage.getPort(), request, 10_000);
    }

    private static String requestId(RawHttpClient.Answer a) {
        return a.headers().stream().filter(e -> e.getKey().equalsIgnoreCase("x-amzn-RequestId")).findFirst().orElseThrow().getValue();
    }

    private LogsViewModel logsFindingOnly(String requestId) {
        assertThat(session.observations().flush(5_000)).isTrue();
        LogsViewModel logs = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), Clock.systemUTC());
        logs.requestIdProperty().set(requestId);
        logs.search();
        assertThat(logs.results()).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(requestId);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.stage()).isEqualTo("prod");
        });
        logs.selectedProperty().set(logs.results().getFirst());
        return logs;
    }

    @Test
    void anUneditedReplayIsTheOriginalRequestByteForByteAndArrivesSo() throws Exception {
        RawHttpClient.Answer first = sendOriginal();
        assertThat(first.status()).isEqualTo(200);
        String firstId = requestId(first);
        LogsViewModel logs = logsFindingOnly(firstId);
        Exchange original = session.observations().exchange(firstId).orElseThrow();
        assertThat(logs.messageProperty().get().exact()).isTrue();
        assertThat(logs.replaySelected()).isTrue();

        ReplayRequest replay = logs.replay().request();
        assertThat(replay.method()).isEqualTo("GET");
        assertThat(replay.pathWithQuery()).isEqualTo(stage.getPath() + "?b=%20two&a=1");
        assertThat(replay.headers()).isEqualTo(original.headers());
        // arrival order and spelling; a repeated name's values stay together at its first place (the engine's Headers)
        assertThat(replay.headers()).extracting(Map.Entry::getKey)
                .containsExactly("Host", "X-Zeta", "accept", "X-Multi", "X-Multi", "Content-Length", "Cookie");
        assertThat(replay.headers()).filteredOn(e -> e.getKey().equals("X-Multi")).extracting(Map.Entry::getValue)
                .containsExactly("one", "two");
        assertThat(replay.body()).isEqualTo("héllo\nwörld".getBytes(StandardCharsets.UTF_8));

        logs.replay().targetProperty().set("Stage prod");
        logs.replay().send();
        assertThat(logs.replay().summaryProperty().get()).isEqualTo("Same response as the original (200)");

        assertThat(session.observations().flush(5_000)).isTrue();
        logs.requestIdProperty().set("");
        logs.search();
        String replayId = logs.results().stream().map(e -> e.requestId()).filter(id -> !id.equals(firstId)).findFirst().orElseThrow();
        Exchange again = session.observations().exchange(replayId).orElseThrow();
        assertThat(again.method()).isEqualTo(original.method());
        assertThat(again.path()).isEqualTo(original.path());
        assertThat(again.query()).isEqualTo(original.query());
        assertThat(again.headers()).isEqualTo(original.headers());
        assertThat(again.body()).isEqualTo(original.body());

        // and both export as HAR 1.2 (checked further with a HAR consumer: see the branch's report)
        java.nio.file.Path har = java.nio.file.Path.of("target", "observe-replay.har");
        java.nio.file.Files.createDirectories(har.getParent());
        logs.exportHar(har.toAbsolutePath());
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(har.toFile()).get("log").get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("request").get("url").asText())
                .isEqualTo("http://" + stage.getHost() + ":" + stage.getPort() + stage.getPath() + "?b=%20two&a=1");
        assertThat(entries.get(1).get("request").get("postData").get("text").asText()).isEqualTo("héllo\nwörld");
    }

    @Test
    void aReplayToTheDraftAfterTheTemplateChangedShowsTheChangedBody() throws Exception {
        String id = requestId(sendOriginal());
        LogsViewModel logs = logsFindingOnly(id);
        h.editBody("{\"v\": 2}");
        assertThat(logs.replaySelected()).isTrue();
        assertThat(logs.replay().targets()).containsExactly(ReplayViewModel.DRAFT, "Stage prod");

        logs.replay().targetProperty().set(ReplayViewModel.DRAFT);
        logs.replay().send();

        assertThat(logs.replay().summaryProperty().get()).isEqualTo("1 difference from the original (200 → 200)");
        assertThat(logs.replay().rows()).filteredOn(r -> r.section().equals("Body"))
                .containsExactly(new ResponseDiff.Row("Body", "{\"v\": 1}", "{\"v\": 2}", ResponseDiff.Kind.CHANGED));
    }

    @Test
    void anEditedPathIsSentAsWrittenToAnotherStage() throws Exception {
        String apiId = h.api().id();
        h.editBody("{\"v\": 3}");
        session.deploy(apiId, "beta", "second");
        String id = requestId(sendOriginal());
        LogsViewModel logs = logsFindingOnly(id);
        logs.replaySelected();
        logs.replay().targetProperty().set("Stage beta");
        logs.replay().send();
        assertThat(logs.replay().rows()).filteredOn(r -> r.section().equals("Body"))
                .containsExactly(new ResponseDiff.Row("Body", "{\"v\": 1}", "{\"v\": 3}", ResponseDiff.Kind.CHANGED));
    }
}
