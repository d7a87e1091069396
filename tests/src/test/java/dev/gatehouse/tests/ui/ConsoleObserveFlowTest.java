package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.observe.ResponseDiff;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import dev.gatehouse.app.session.WorkspaceSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 14's console flow: traffic to a deployed stage over real HTTP → the Dashboard counts exactly what was
 * sent → the Logs page finds one request by its id and shows its trace → Replay sends it to the draft, whose MOCK
 * template changed meanwhile → the diff shows the changed body. And the edit is in the Audit page as the console's.
 */
class ConsoleObserveFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    private static final int SENT = 7;

    @Test
    void trafficShowsOnTheDashboardIsFoundInTheLogsAndReplaysAgainstTheEditedDraftWithADiff(FxRobot robot) throws Exception {
        // given an API deployed to prod with execution logging, selected in the console, and served
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ObserveTraffic.deployMockApi(session, "Observed", "{\"version\": 1}");
        robot.interact(() -> console.workbench().selectApi(api));
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent()
                && console.workbench().selectedApi().map(a -> a.id().equals(api)).orElse(false));
        String url = session.invokeUrl(api, "prod").orElseThrow();

        // before any traffic the Dashboard's charts have small empty axes (not JavaFX's 0 to 800,000 of no data)
        robot.clickOn("#nav-dashboard");
        robot.interact(() -> combo(robot, "#dashboardStage").setValue("prod"));
        ConsoleFixture.waitUntil(() -> "0".equals(label(robot, "#dashboardCount").getText()));
        assertThat(valueAxis(robot, "#dashboardRequestsChart").getUpperBound()).isEqualTo(10);
        assertThat(valueAxis(robot, "#dashboardLatencyChart").getUpperBound()).isEqualTo(1);

        // when 7 requests are sent to it over HTTP
        List<String> ids = ObserveTraffic.get(url, SENT);

        // then the Dashboard of prod counts exactly 7, with no errors, and its request chart's axis fits them
        robot.clickOn("#nav-dashboard");
        robot.interact(() -> combo(robot, "#dashboardStage").setValue("prod"));
        ConsoleFixture.waitUntil(() -> String.valueOf(SENT).equals(label(robot, "#dashboardCount").getText()));
        ConsoleFixture.waitUntil(() -> valueAxis(robot, "#dashboardRequestsChart").isAutoRanging());
        assertThat(label(robot, "#dashboardErrors4xx").getText()).isEqualTo("0");
        assertThat(label(robot, "#dashboardErrors5xx").getText()).isEqualTo("0");
        assertThat(label(robot, "#dashboardLatency").getText()).matches("[0-9.]+ / [0-9.]+ / [0-9.]+");
        assertThat(label(robot, "#dashboardErrors4xx").getStyleClass()).as("a 0 is not shown as an alarm")
                .doesNotContain("errors");

        // when the Logs page searches for the fourth request's id
        String wanted = ids.get(3);
        robot.clickOn("#nav-logs");
        robot.clickOn("#logsRequestId").write(wanted);
        robot.clickOn("#logsSearch");

        // then exactly that request is listed, and selecting it shows its full trace
        ConsoleFixture.waitUntil(() -> logsTable(robot).getItems().size() == 1);
        LoggedRequest found = logsTable(robot).getItems().getFirst();
        assertThat(found.requestId()).isEqualTo(wanted);
        assertThat(found.path()).isEqualTo("/prod/");
        robot.interact(() -> logsTable(robot).getSelectionModel().select(0));
        ConsoleFixture.waitUntil(() -> robot.lookup("#logTrace").queryAs(TextArea.class).getText().contains("Execution log for request " + wanted));
        String trace = robot.lookup("#logTrace").queryAs(TextArea.class).getText();
        assertThat(trace).startsWith("GET ").contains("/prod/_user_request_/?n=3  →  200").containsIgnoringCase("x-flow: observe")
                .contains("(as received, byte for byte)").contains("{\"version\": 1}");

        // when the draft's MOCK template changes and the request is replayed to the draft
        session.updateApi(api, "Change the answer", a -> ObserveTraffic.withBody(a, "{\"version\": 2}"));
        robot.clickOn("#logsReplay");
        ConsoleFixture.waitUntil(() -> robot.lookup("#logsDetails").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId().equals("tab-replay"));
        assertThat(combo(robot, "#replayTarget").getValue()).isEqualTo("Draft (test invoke)");
        robot.clickOn("#replaySend");

        // then the two responses show side by side, the body's change marked
        ConsoleFixture.waitUntil(() -> label(robot, "#replaySummary").getText().contains("difference"));
        assertThat(label(robot, "#replaySummary").getText()).isEqualTo("1 difference from the original (200 → 200)");
        @SuppressWarnings("unchecked")
        TableView<ResponseDiff.Row> diff = robot.lookup("#replayDiff").queryAs(TableView.class);
        assertThat(diff.getItems()).filteredOn(r -> r.kind() != ResponseDiff.Kind.SAME && r.section().equals("Body"))
                .containsExactly(new ResponseDiff.Row("Body", "{\"version\": 1}", "{\"version\": 2}", ResponseDiff.Kind.CHANGED));
        ConsoleFixture.waitUntil(() -> robot.lookup("#replayDiff .diff-cell.changed").tryQuery().isPresent());

        // when a request meets no route (AWS: 403 Missing Authentication Token), the 4XXError tile counts it in red
        try (HttpClient client = HttpClient.newHttpClient()) {
            int status = client.send(HttpRequest.newBuilder(URI.create(url + "/no/such/resource")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isEqualTo(403);
        }
        robot.clickOn("#nav-dashboard");
        ConsoleFixture.waitUntil(() -> "1".equals(label(robot, "#dashboardErrors4xx").getText()));
        assertThat(label(robot, "#dashboardErrors4xx").getStyleClass()).contains("errors");
        assertThat(label(robot, "#dashboardErrors5xx").getStyleClass()).doesNotContain("errors");

        // and the Audit page lists the console's edits under the console's name
        robot.clickOn("#nav-audit");
        @SuppressWarnings("unchecked")
        TableView<dev.gatehouse.app.session.Observations.AuditEntry> audit = robot.lookup("#auditTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> audit.getItems().stream().anyMatch(e -> e.actor().startsWith("console:")));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static javafx.scene.chart.NumberAxis valueAxis(FxRobot robot, String chart) {
        return (javafx.scene.chart.NumberAxis) robot.lookup(chart).queryAs(javafx.scene.chart.LineChart.class).getYAxis();
    }

    @SuppressWarnings("unchecked")
    private static TableView<LoggedRequest> logsTable(FxRobot robot) {
        return robot.lookup("#logsTable").queryAs(TableView.class);
    }
}
