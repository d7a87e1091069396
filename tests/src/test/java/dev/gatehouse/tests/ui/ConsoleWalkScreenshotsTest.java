package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.Resource;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * A walk through every page of the console at 1360x860 (a common laptop screen), with something selected on each,
 * and the Create method dialog for each integration type, written as {@code walk-*.png}: what a reviewer looks at
 * for text cut off ("…"), empty panes and overlaps. A generator, not a test: run with
 * {@code -Dtest=ConsoleWalkScreenshotsTest -Dgatehouse.screenshots=target} (PNGs in {@code tests/target/screenshots}).
 * Run it alone: the first console class of a JVM sizes the headless screen.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleWalkScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void everyPageAndTheCreateMethodDialogAt1360(FxRobot robot) throws Exception {
        Path out = ConsoleFixture.screenshotDir();
        // traffic for the Dashboard, Logs and Audit pages: an API logged at INFO, called over HTTP
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String observed = ObserveTraffic.deployMockApi(session, "Observed", "{\"walk\": true}");
        ConsoleFixture.waitUntil(() -> session.invokeUrl(observed, "prod").isPresent());
        ObserveTraffic.get(session.invokeUrl(observed, "prod").orElseThrow(), 5);

        for (Page page : Page.values()) {
            boolean observePage = page == Page.DASHBOARD || page == Page.LOGS || page == Page.AUDIT;
            String api = observePage ? observed : "petstore01";
            robot.interact(() -> console.workbench().selectApi(api));
            ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).id().equals(api));
            robot.interact(() -> console.shell().show(page));
            prepare(robot, page);
            Path file = out.resolve("walk-" + page.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-1360.png");
            ConsoleFixture.snapshot(stage, file);
            assertThat(file).exists();
        }

        // the Resources page's test panel, and the Create method dialog for each integration type
        robot.interact(() -> console.workbench().selectApi("petstore01"));
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).id().equals("petstore01"));
        Resource pets = ConsoleFixture.api(console).resourceByPath("/pets").orElseThrow();
        robot.interact(() -> {
            console.shell().show(Page.RESOURCES);
            console.workbench().select(Selection.method(pets.id(), "GET"));
        });
        robot.clickOn("#methodTab-test");
        ConsoleFixture.snapshot(stage, out.resolve("walk-resources-test-panel-1360.png"));
        robot.clickOn("#methodTab-design");
        for (String type : new String[] {"Mock", "HTTP", "HTTP-proxy", "Lambda-function", "AWS-Service"}) {
            robot.interact(() -> console.workbench().select(Selection.resource(pets.id())));
            robot.clickOn("#resourceAddMethod");
            ConsoleFixture.clickMenuItem(robot, "PATCH");
            ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isPresent());
            robot.clickOn("#createMethodType-" + type);
            Path file = out.resolve("walk-dialog-create-method-" + type.toLowerCase(Locale.ROOT) + "-1360.png");
            ConsoleFixture.snapshot(robot.lookup("#createMethodDialog").query().getScene().getWindow(), file);
            robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
            ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isEmpty());
        }
    }

    /** Selects something on the page so that its detail side is not empty. */
    @SuppressWarnings("unchecked")
    private void prepare(FxRobot robot, Page page) {
        switch (page) {
            case RESOURCES -> {
                Resource pets = ConsoleFixture.api(console).resourceByPath("/pets").orElseThrow();
                robot.interact(() -> console.workbench().select(Selection.method(pets.id(), "GET")));
            }
            case LOGS -> {
                robot.clickOn("#logsSearch");
                ConsoleFixture.waitUntil(() -> !table(robot, "#logsTable").getItems().isEmpty());
                robot.interact(() -> table(robot, "#logsTable").getSelectionModel().select(0));
            }
            case AUDIT -> {
                ConsoleFixture.waitUntil(() -> !table(robot, "#auditTable").getItems().isEmpty());
                robot.interact(() -> table(robot, "#auditTable").getSelectionModel().select(0));
            }
            case DASHBOARD -> robot.interact(() -> robot.lookup("#dashboardStage").queryAs(javafx.scene.control.ComboBox.class).setValue("prod"));
            case FUNCTIONS -> selectFirst(robot, "#functionList");
            case MODELS -> selectFirst(robot, "#modelList");
            case STAGES -> selectFirst(robot, "#stageTable");
            default -> { }
        }
    }

    /** Selects the first row of a master list or table, when it has one. */
    private static void selectFirst(FxRobot robot, String id) {
        ConsoleFixture.waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        robot.interact(() -> {
            javafx.scene.Node n = robot.lookup(id).query();
            if (n instanceof TableView<?> t && !t.getItems().isEmpty()) t.getSelectionModel().select(0);
            if (n instanceof javafx.scene.control.ListView<?> l && !l.getItems().isEmpty()) l.getSelectionModel().select(0);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TableView<Object> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }
}
