package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Walking the console with Tab, a person always sees where the keyboard is (issue 10). The icon-only "+" buttons
 * and the page navigation had no focus ring at all (AtlantaFX draws none on flat and transparent controls): Tab
 * reached them and nothing on the screen changed. Each now shows a ring when focused, and loses it after.
 */
class ConsoleKeyboardFocusFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void tabFromTheApiSelectorShowsARingOnNewApiThenOnThePageNavigation(FxRobot robot) {
        Button newApi = robot.lookup("#newApiButton").queryButton();
        ToggleButton resources = robot.lookup("#nav-resources").queryAs(ToggleButton.class);
        assertThat(ring(newApi)).as("no ring before the keyboard gets there").isFalse();

        // given the keyboard in the API selector
        robot.interact(() -> robot.lookup("#apiSelector").query().requestFocus());

        // when Tab is pressed, then "+" (new API) is focused and shows it
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        ConsoleFixture.waitUntil(newApi::isFocused);
        robot.interact(() -> { }); // let the focused style apply
        assertThat(ring(newApi)).isTrue();

        // when Tab is pressed again, then the selected page's button is focused and shows it; "+" does not any more
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        ConsoleFixture.waitUntil(resources::isFocused);
        robot.interact(() -> { });
        assertThat(ring(resources)).isTrue();
        assertThat(ring(newApi)).isFalse();

        // and Space on a focused page button opens that page, as a click would
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        ToggleButton models = robot.lookup("#nav-models").queryAs(ToggleButton.class);
        if (!models.isFocused()) robot.interact(models::requestFocus);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        ConsoleFixture.waitUntil(models::isSelected);
    }

    /** True when the control paints an opaque outer layer with an inner layer inset from it: a focus ring. */
    private static boolean ring(Node node) {
        Background background = ((Region) node).getBackground();
        if (background == null || background.getFills().size() < 2) return false;
        BackgroundFill outer = background.getFills().get(0);
        BackgroundFill inner = background.getFills().get(1);
        return outer.getFill() instanceof Color c && c.getOpacity() > 0.9
                && inner.getInsets().getTop() > outer.getInsets().getTop();
    }
}
