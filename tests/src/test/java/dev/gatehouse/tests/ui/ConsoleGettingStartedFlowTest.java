package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A newcomer's first window (issue 10, item 9): an empty workspace shows "Getting started" with its three ways in,
 * and the example API is one click away, selected at once with its resources in the tree.
 */
class ConsoleGettingStartedFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Override
    protected Path workspace() throws IOException {
        Path empty = Files.createTempDirectory("gatehouse-ui-empty-");
        Workspace.create(empty, "first steps").close();
        return empty;
    }

    /** An empty workspace shows no API: the test waits for Getting started itself. */
    @Override
    protected void awaitReady() {
    }

    @Test
    void anEmptyWorkspaceOffersThreeWaysInAndTheExampleIsOneClickAway(FxRobot robot) {
        // given an empty workspace: Getting started shows create, import and the example
        ConsoleFixture.waitUntil(() -> robot.lookup("#gettingStarted").tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
        assertThat(robot.lookup("#gettingStartedCreate").queryAs(Labeled.class).getText()).isEqualTo("Create an API…");
        assertThat(robot.lookup("#gettingStartedImport").queryAs(Labeled.class).getText()).isEqualTo("Import OpenAPI…");
        assertThat(robot.lookup("#gettingStartedExample").queryAs(Labeled.class).getText()).contains("example API");

        // when the example is chosen
        robot.clickOn("#gettingStartedExample");

        // then it is selected at once, its resources are in the tree, and Getting started has made way
        ConsoleFixture.waitUntil(() -> console.workbench().selectedApi().isPresent());
        ConsoleFixture.waitUntil(() -> robot.lookup("#tree-_pets").tryQuery().isPresent());
        assertThat(robot.lookup("#gettingStarted").tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false)).isFalse();
        assertThat(console.workbench().undoTextProperty().get()).startsWith("Undo Create example API");
    }
}
