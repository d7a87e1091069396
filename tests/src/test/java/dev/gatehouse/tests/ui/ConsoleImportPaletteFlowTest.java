package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.Resource;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** OpenAPI import with its report, and the command palette, on a temporary copy of the sample workspace. */
class ConsoleImportPaletteFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void importingThePetStoreDocumentShowsTheReportBeforeApplyingIt(FxRobot robot) {
        // given the AWS-style PetStore export
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        Path document = repo.resolve("tests/src/test/resources/openapi/aws/petstore-getexport-style.oas30.json");
        int before = console.workbench().apisProperty().size();

        // when it is dropped on the window (the file chooser's path too)
        robot.interact(() -> console.importDocument(document));

        // then the report shows and nothing is applied yet
        ConsoleFixture.waitUntil(() -> robot.lookup("#importSummary").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("methods")).orElse(false));
        assertThat(robot.lookup("#importReport").queryAs(TableView.class)).isNotNull();
        assertThat(console.workbench().apisProperty()).hasSize(before);

        // when it is applied as a new API
        robot.clickOn("#importApply");

        // then the API is stored as one undoable edit, selected, and its resources appear in the tree
        ConsoleFixture.waitUntil(() -> console.workbench().apisProperty().size() == before + 1
                && ConsoleFixture.api(console).resourceByPath("/pets").isPresent());
        assertThat(console.workbench().undoTextProperty().get()).startsWith("Undo Import API");
        ConsoleFixture.waitUntil(() -> robot.lookup("#tree-_pets").tryQuery().isPresent());
        assertThat(robot.lookup("#importDialog").tryQuery()).isEmpty();
    }

    @Test
    void ctrlKJumpsToAMethod(FxRobot robot) {
        // given nothing is selected
        robot.interact(() -> console.workbench().select(null));

        // when the palette is opened with Ctrl+K, a method searched and Enter pressed
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#paletteSearch").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.write("get petid");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        // then the method is selected and its execution view shows
        Resource pet = ConsoleFixture.api(console).resourceByPath("/pets/{petId}").orElseThrow();
        ConsoleFixture.waitUntil(() -> Selection.method(pet.id(), "GET").equals(console.workbench().selectionProperty().get()));
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").queryAs(Label.class).getText().equals("GET /pets/{petId}"));
        assertThat(robot.lookup("#paletteSearch").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false)).isFalse();
    }
}
