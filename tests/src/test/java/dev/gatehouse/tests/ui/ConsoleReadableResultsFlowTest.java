package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Two of issue 10's checks, from the user's side: the test panel's Headers tab shows each header's name and value
 * (it showed empty rows), and a long error shows in full beside Save and Revert, which stay whole and usable.
 */
class ConsoleReadableResultsFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void theHeadersTabShowsEachHeadersNameAndValue(FxRobot robot) {
        // given GET / tested in the panel (the sample's MOCK answers PetStore's welcome page as text/html)
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").queryAs(Label.class).getText().equals("GET /"));
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> robot.lookup("#testTitle").queryAs(Label.class).getText().equals("GET /"));
        robot.clickOn("#testSend");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#testHistory").queryAs(ListView.class).getItems().isEmpty());

        // when the Headers tab is opened
        robot.clickOn(robot.lookup(".tab-label").match((Label l) -> "Headers".equals(l.getText())).queryAs(Label.class));
        TableView<?> table = robot.lookup("#testResponseHeaders").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> !cellTexts(robot).isEmpty());

        // then the rows read as the response's headers: names beside their values (GET / sets Content-Type in its
        // integration response: 'text/html')
        List<String> cells = cellTexts(robot);
        assertThat(cells).contains("Content-Type", "text/html");
        assertThat(cells.get(cells.indexOf("Content-Type") + 1)).isEqualTo("text/html");
        assertThat(table.getItems()).isNotEmpty();
    }

    @Test
    void aLongTemplateErrorShowsInFullAndSaveAndRevertStayWholeAndUsable(FxRobot robot) {
        // given GET /'s integration response template with an unclosed #if, saved with Ctrl+S
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").tryQuery().isPresent());
        robot.clickOn("#phase-integration-response");
        robot.clickOn("#responseTemplates-code");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        robot.write("#if($input.path('$.a') == 1)\n{\"a\": 1}\n");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Label problem = robot.lookup("#responseTemplates-problem").queryAs(Label.class);
        ConsoleFixture.waitUntil(() -> !problem.getText().isEmpty());
        robot.interact(() -> { }); // one layout pass with the message shown

        // then the whole message is shown (wrapped, not cut to "…"), and Revert and Save keep their whole labels
        assertThat(problem.isWrapText()).isTrue();
        assertThat(problem.getHeight()).as("tall enough for every line").isGreaterThanOrEqualTo(problem.prefHeight(problem.getWidth()) - 1);
        Button revert = robot.lookup("#responseTemplates-revert").queryButton();
        Button save = robot.lookup("#responseTemplates-save").queryButton();
        assertThat(revert.getWidth()).as("Revert is not squashed").isGreaterThanOrEqualTo(revert.prefWidth(-1) - 0.5);
        assertThat(save.getWidth()).as("Save is not squashed").isGreaterThanOrEqualTo(save.prefWidth(-1) - 0.5);

        // and Revert still works from the keyboard (focus it, Space): the stored template is back, the message gone
        robot.interact(revert::requestFocus);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        ConsoleFixture.waitUntil(() -> problem.getText().isEmpty());
        assertThat(revert.isDisabled()).isTrue();
    }

    /** The texts of the table's non-empty cells, row by row, left to right, as a person reads them. */
    private static List<String> cellTexts(FxRobot robot) {
        record Cell(double y, double x, String text) {}
        java.util.ArrayList<Cell> cells = new java.util.ArrayList<>();
        for (javafx.scene.Node n : robot.from(robot.lookup("#testResponseHeaders").queryAs(TableView.class)).lookup(".table-cell").queryAll()) {
            String text = ((TableCell<?, ?>) n).getText();
            if (text == null || text.isEmpty()) continue;
            javafx.geometry.Point2D at = n.localToScene(0, 0);
            cells.add(new Cell(at.getY(), at.getX(), text));
        }
        cells.sort(java.util.Comparator.comparingDouble(Cell::y).thenComparingDouble(Cell::x));
        return cells.stream().map(Cell::text).toList();
    }
}
