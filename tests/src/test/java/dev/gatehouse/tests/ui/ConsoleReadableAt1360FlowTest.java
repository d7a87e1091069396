package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.GatewayResponseType;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * What a new user reads at 1360x860 (a common laptop screen): the Usage Plans per-method throttle controls whole, every
 * gateway response type name whole, and a Dashboard that opens on a deployed stage, or says that nothing is deployed
 * and offers Deploy and the Stages page.
 */
class ConsoleReadableAt1360FlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void thePerMethodThrottleControlsOfAUsagePlanReadWhole(FxRobot robot) {
        // given a new usage plan, its Details tab open
        robot.clickOn("#nav-usage_plans");
        robot.clickOn("#usagePlanCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        robot.clickOn("#dialogText").write("Basic").press(KeyCode.ENTER).release(KeyCode.ENTER);
        ConsoleFixture.waitUntil(() -> "Basic".equals(robot.lookup("#usagePlanName").queryAs(TextField.class).getText()));
        robot.interact(() -> { }); // one layout pass with the plan shown

        // then the form fits the width of its pane (no sideways scrolling that hides Remove and the fields' ends)
        ScrollPane form = robot.from(robot.lookup("#usagePlanDetails").queryAs(Node.class)).lookup(".scroll-pane").queryAs(ScrollPane.class);
        Region content = (Region) form.getContent();
        assertThat(content.minWidth(-1)).as("the form's least width").isLessThanOrEqualTo(form.getViewportBounds().getWidth() + 0.5);
        // and the stage and method pickers, the rate and burst fields and both buttons have at least the width
        // their text needs, and no label of the row ends in "…"
        for (String id : List.of("#usagePlanMethodStage", "#usagePlanMethodPick", "#usagePlanMethodRate",
                "#usagePlanMethodBurst", "#usagePlanSetMethodThrottle", "#usagePlanRemoveMethodThrottle", "#usagePlanRate")) {
            Region r = robot.lookup(id).queryAs(Region.class);
            assertThat(r.getWidth()).as(id + " is not squashed").isGreaterThanOrEqualTo(r.prefWidth(-1) - 0.5);
        }
        for (Labeled l : robot.from(robot.lookup("#usagePlanMethodThrottleRow").queryAs(Node.class)).lookup(".label").queryAllAs(Labeled.class)) {
            assertThat(shown(l)).as("a label of the row").isEqualTo(l.getText());
        }
        @SuppressWarnings("unchecked")
        ComboBox<Object> stagePick = robot.lookup("#usagePlanMethodStage").queryAs(ComboBox.class);
        Labeled stageCell = (Labeled) robot.from(stagePick).lookup(".list-cell").match(n -> n.getParent() == stagePick).query();
        assertThat(shown(stageCell)).isEqualTo("API stage");
    }

    @Test
    void everyGatewayResponseTypeNameShowsWhole(FxRobot robot) {
        // given the Gateway Responses page of PetStore
        robot.clickOn("#nav-gateway_responses");
        ConsoleFixture.waitUntil(() -> robot.lookup("#gatewayResponseTable").tryQuery().isPresent());
        robot.interact(() -> { });

        // then each visible type cell shows its whole name, AUTHORIZER_CONFIGURATION_ERROR (the longest) included
        List<String> shown = new ArrayList<>();
        for (Node n : robot.from(robot.lookup("#gatewayResponseTable").queryAs(Node.class)).lookup(".table-cell").queryAll()) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getText() == null || !cell.getText().matches("[A-Z0-9_]{6,}") || !cell.isVisible()) continue;
            assertThat(shown(cell)).as("the cell of " + cell.getText()).isEqualTo(cell.getText());
            shown.add(cell.getText());
        }
        assertThat(shown).contains(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR.name());
    }

    @Test
    void theDashboardOpensOnTheDeployedStageAndANewApiPointsToDeploy(FxRobot robot) {
        // given PetStore, deployed to prod in the sample workspace
        // when the Dashboard opens
        robot.clickOn("#nav-dashboard");

        // then prod is chosen without a click and the charts show
        @SuppressWarnings("unchecked")
        ComboBox<String> stage = robot.lookup("#dashboardStage").queryAs(ComboBox.class);
        ConsoleFixture.waitUntil(() -> "prod".equals(stage.getValue()));
        assertThat(robot.lookup("#dashboardRequestsChart").query().isVisible()).isTrue();
        assertThat(robot.lookup("#dashboardNothingDeployed").query().isVisible()).isFalse();

        // when a new API (never deployed) is selected
        robot.interact(() -> console.workbench().createApi("Fresh"));
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).name().equals("Fresh"));

        // then no stage is chosen, no empty charts show, the page says why and offers Deploy and the Stages page
        ConsoleFixture.waitUntil(() -> robot.lookup("#dashboardNothingDeployed").query().isVisible());
        assertThat(stage.getValue()).isNull();
        assertThat(robot.lookup("#dashboardRequestsChart").query().isVisible()).isFalse();
        assertThat(robot.lookup("#dashboardNothingDeployedTitle").queryAs(Label.class).getText())
                .startsWith("Fresh has no deployed stage yet: deploy it (Deploy → Deploy API…, Ctrl+Shift+E)");
        robot.clickOn("#dashboardOpenStages");
        ConsoleFixture.waitUntil(() -> robot.lookup("#stagesPage").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void theDashboardsMethodChoiceStaysAllMethodsOnceRequestsArrive(FxRobot robot) throws Exception {
        // given an API logged at INFO, deployed to prod and called 5 times over HTTP
        var session = console.workbench().session().orElseThrow();
        String api = ObserveTraffic.deployMockApi(session, "Observed", "{\"ok\": true}");
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent());
        ObserveTraffic.get(session.invokeUrl(api, "prod").orElseThrow(), 5);

        // when its Dashboard shows the requests (the method list then holds GET /)
        robot.interact(() -> console.workbench().selectApi(api));
        robot.clickOn("#nav-dashboard");
        ConsoleFixture.waitUntil(() -> "5".equals(robot.lookup("#dashboardCount").queryAs(Label.class).getText()));
        @SuppressWarnings("unchecked")
        ComboBox<String> method = robot.lookup("#dashboardMethod").queryAs(ComboBox.class);
        ConsoleFixture.waitUntil(() -> method.getItems().size() > 1);
        robot.interact(() -> { });

        // then the Method choice still reads "All methods" (refilling its list had emptied it)
        assertThat(method.getValue()).isEqualTo("All methods");
        Labeled buttonCell = (Labeled) robot.from(method).lookup(".list-cell").match(n -> n.getParent() == method).query();
        assertThat(shown(buttonCell)).isEqualTo("All methods");
    }

    /** The text a labelled control actually draws (its skin's Text: "…" at the end when cut). */
    private static String shown(Labeled l) {
        Text text = (Text) l.lookup(".text");
        return text == null ? "" : text.getText();
    }
}
