package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Console;
import java.util.Objects;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Settings page edits the API's own settings as one undoable edit, headless against the real engine. */
@ExtendWith(ApplicationExtension.class)
class ConsoleSettingsFlowTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.start(stage, ConsoleFixture.copyOfSampleWorkspace(), false);
    }

    @BeforeEach
    void workspaceIsOpen() {
        ConsoleFixture.awaitOpen(console);
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
}
