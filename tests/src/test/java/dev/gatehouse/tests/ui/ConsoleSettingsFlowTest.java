package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Settings page edits the API's own settings as one undoable edit; the Gateway Responses page customises a
 * response type and the table marks it. Headless against the real engine.
 */
class ConsoleSettingsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void changedDescriptionIsSavedAndUndoRestoresIt(FxRobot robot) {
        // given the Settings page of PetStore
        String before = ConsoleFixture.api(console).restApi().description();
        robot.clickOn("#nav-settings");
        ConsoleFixture.waitUntil(() -> robot.lookup("#settingsPage").tryQuery().isPresent());
        assertThat(robot.lookup("#settingsDescription").queryAs(TextArea.class).getText()).isEqualTo(Objects.toString(before, ""));

        // when the description is changed and saved
        robot.clickOn("#settingsDescription");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Pets, served locally");
        robot.clickOn("#settingsSave");

        // then the API has it, and the Edit menu offers to undo it by name
        ConsoleFixture.waitUntil(() -> "Pets, served locally".equals(ConsoleFixture.api(console).restApi().description()));
        ConsoleFixture.waitUntil(() -> console.workbench().undoTextProperty().get().equals("Undo Change settings of PetStore"));

        // when undone (Ctrl+Z)
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        // then the stored description and the form are back
        ConsoleFixture.waitUntil(() -> Objects.equals(before, ConsoleFixture.api(console).restApi().description()));
        ConsoleFixture.waitUntil(() -> Objects.toString(before, "").equals(robot.lookup("#settingsDescription").queryAs(TextArea.class).getText()));
    }

    @Test
    void customisedGatewayResponseStatusShowsAsCustomisedInTheTable(FxRobot robot) {
        // given the Gateway Responses page
        robot.clickOn("#nav-gateway_responses");
        ConsoleFixture.waitUntil(() -> robot.lookup("#gatewayResponsesPage").tryQuery().isPresent());
        assertThat(row(robot, "MISSING_AUTHENTICATION_TOKEN").status()).isEqualTo("403");

        // when MISSING_AUTHENTICATION_TOKEN gets status 404 and is saved
        robot.clickOn((javafx.scene.control.Labeled l) -> "MISSING_AUTHENTICATION_TOKEN".equals(l.getText()));
        ConsoleFixture.waitUntil(() -> "Gateway response MISSING_AUTHENTICATION_TOKEN"
                .equals(robot.lookup("#gatewayResponseTitle").queryAs(javafx.scene.control.Label.class).getText()));
        robot.clickOn("#gatewayResponseStatus").write("404");
        robot.clickOn("#gatewayResponseSave");

        // then the table shows it customised with its new status, and the API stores it
        ConsoleFixture.waitUntil(() -> row(robot, "MISSING_AUTHENTICATION_TOKEN").customised());
        assertThat(row(robot, "MISSING_AUTHENTICATION_TOKEN").status()).isEqualTo("404");
        assertThat(ConsoleFixture.api(console).gatewayResponses()).anyMatch(r ->
                r.responseType().name().equals("MISSING_AUTHENTICATION_TOKEN") && "404".equals(r.statusCode()));
    }

    @SuppressWarnings("unchecked")
    private static dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Row row(FxRobot robot, String type) {
        TableView<dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Row> table = robot.lookup("#gatewayResponseTable").queryAs(TableView.class);
        return table.getItems().stream().filter(r -> r.type().name().equals(type)).findFirst().orElseThrow();
    }
}
