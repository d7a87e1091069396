package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.AwsEndpoint;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.Resource;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * Screenshots of the AWS Service integration (the sample's Guestbook API): the integration request editor with its
 * AWS Service fields, the Create method dialog's AWS Service choice and the AWS endpoints page. Writes
 * {@code docs/screenshots/aws-service-*.png} with {@code -Dgatehouse.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "screenshots are made on request: -Dgatehouse.screenshots=docs|target")
class ConsoleAwsServiceScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void theAwsServiceEditorTheCreateDialogAndTheEndpointsPage(FxRobot robot) {
        ConsoleFixture.awaitOpen(console);
        Path out = ConsoleFixture.screenshotDir();
        robot.interact(() -> console.workbench().selectApi("guestbook1"));
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).id().equals("guestbook1"));
        Resource entry = ConsoleFixture.api(console).resourceByPath("/entries/{id}").orElseThrow();
        robot.interact(() -> {
            console.shell().show(Page.RESOURCES);
            console.workbench().select(Selection.method(entry.id(), "GET"));
        });
        robot.clickOn("#phase-integration-request");
        ConsoleFixture.waitUntil(() -> robot.lookup("#integrationAwsServiceFields").query().isVisible());
        Path editor = out.resolve("aws-service-integration-request-light.png");
        ConsoleFixture.snapshot(stage, editor);
        assertThat(editor).exists();

        Resource entries = ConsoleFixture.api(console).resourceByPath("/entries").orElseThrow();
        robot.interact(() -> console.workbench().select(Selection.resource(entries.id())));
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "DELETE");
        robot.clickOn("#createMethodType-AWS-Service");
        robot.clickOn("#createMethodAwsService").write("sqs");
        robot.clickOn("#createMethodAwsAction").write("SendMessage");
        Path dialog = out.resolve("aws-service-create-method-light.png");
        ConsoleFixture.snapshot(robot.lookup("#createMethodDialog").query().getScene().getWindow(), dialog);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        robot.interact(() -> console.shell().show(Page.AWS_ENDPOINTS));
        @SuppressWarnings("unchecked")
        TableView<AwsEndpoint> table = robot.lookup("#awsEndpointsTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        Path page = out.resolve("aws-service-endpoints-light.png");
        ConsoleFixture.snapshot(stage, page);
        robot.interact(() -> console.shell().darkThemeProperty().set(true));
        ConsoleFixture.snapshot(stage, out.resolve("aws-service-endpoints-dark.png"));
        assertThat(page).exists();
    }
}
