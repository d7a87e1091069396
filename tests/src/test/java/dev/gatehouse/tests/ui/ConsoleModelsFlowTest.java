package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.Model;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Models page flags a schema that is not valid JSON as it is typed, generates a schema from a JSON example,
 * and stores it on Save as one undoable edit. Headless against the real engine.
 */
class ConsoleModelsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void invalidSchemaIsFlaggedAndAModelGeneratedFromAnExampleIsStoredOnSave(FxRobot robot) {
        // given a new model Item on the Models page of PetStore
        robot.clickOn("#nav-models");
        ConsoleFixture.waitUntil(() -> robot.lookup("#modelsPage").tryQuery().isPresent());
        robot.clickOn("#newModelName").write("Item").type(KeyCode.ENTER);
        ConsoleFixture.waitUntil(() -> "Model Item".equals(robot.lookup("#modelTitle").queryAs(Label.class).getText()));

        // when its schema is replaced by broken JSON
        robot.clickOn("#modelSchema");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("{\"type\": ");

        // then the editor flags it with a position, and it cannot be saved
        ConsoleFixture.waitUntil(() -> robot.lookup("#modelSchemaProblem").queryAs(Label.class).getText().contains("line 1"));
        assertThat(robot.lookup("#saveModel").queryAs(Button.class).isDisabled()).isTrue();

        // when a schema is generated from a JSON example
        robot.clickOn("#showModelExample");
        robot.clickOn("#modelExample").write("{\"id\": 1, \"name\": \"x\"}");
        robot.clickOn("#generateModelSchema");

        // then the schema editor holds it, valid and unsaved
        CodeArea schema = robot.lookup("#modelSchema").queryAs(CodeArea.class);
        ConsoleFixture.waitUntil(() -> schema.getText().contains("\"required\"") && schema.getText().contains("\"integer\""));
        ConsoleFixture.waitUntil(() -> robot.lookup("#modelSchemaProblem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#modelExamplePane").query().isVisible()).isFalse();
        assertThat(item().schema()).doesNotContain("required");

        // when saved
        robot.clickOn("#saveModel");

        // then the model stores it, and the Edit menu offers to undo the save by name
        ConsoleFixture.waitUntil(() -> item().schema().contains("required") && item().schema().contains("integer"));
        assertThat(item().schema()).contains("\"title\" : \"Item\"");
        ConsoleFixture.waitUntil(() -> "Undo Update model Item".equals(console.workbench().undoTextProperty().get()));
    }

    @Test
    void braceNextToTheCaretAndItsPartnerAreHighlightedInTheSchemaEditor(FxRobot robot) {
        // given the Models page with a model's schema shown
        robot.clickOn("#nav-models");
        ConsoleFixture.waitUntil(() -> robot.lookup("#modelsPage").tryQuery().isPresent());
        CodeArea schema = robot.lookup("#modelSchema").queryAs(CodeArea.class);
        ConsoleFixture.waitUntil(() -> schema.getText().startsWith("{") && schema.getText().endsWith("}"));

        // when the caret is put just after the opening brace
        robot.clickOn("#modelSchema");
        robot.interact(() -> schema.moveTo(1));

        // then both braces carry the bracket style, and typing there does not spread it
        int last = schema.getLength() - 1;
        ConsoleFixture.waitUntil(() -> schema.getStyleOfChar(0).contains("bracket-match")
                && schema.getStyleOfChar(last).contains("bracket-match"));
        robot.write("x");
        ConsoleFixture.waitUntil(() -> !schema.getStyleOfChar(last + 1).contains("bracket-match"));
        assertThat(schema.getStyleOfChar(1)).doesNotContain("bracket-match");
    }

    private Model item() {
        return ConsoleFixture.api(console).model("Item").orElseThrow();
    }
}
