package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.theme.ThemeManager;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The main console flows on the real engine workspace, headless: mouse, keyboard only, and the theme. */
class ConsoleFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void createResourceAddMockMethodEditTemplateThenUndoAndRedo(FxRobot robot) {
        // given the sample workspace with PetStore selected
        assertThat(ConsoleFixture.api(console).name()).isEqualTo("PetStore");

        // when a child resource /toys is created under the root (Insert; the context menu offers the same)
        robot.clickOn("#tree-_").press(KeyCode.INSERT).release(KeyCode.INSERT);
        robot.clickOn("#pathPartField").write("toys");
        robot.clickOn("#pathPartOk");
        ConsoleFixture.waitUntil(() -> api().resourceByPath("/toys").isPresent());

        // and a GET method with a MOCK integration is added to it (the new resource is selected)
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "GET");
        robot.clickOn("#createMethodOk"); // Mock is the first integration type offered
        ConsoleFixture.waitUntil(() -> method("/toys", "GET").isPresent());
        assertThat(method("/toys", "GET").orElseThrow().methodIntegration().type()).isEqualTo(IntegrationType.MOCK);
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").queryAs(Label.class).getText().equals("GET /toys"));

        // and its 200 response template is edited and saved (Ctrl+S in the editor)
        robot.clickOn("#phase-integration-response");
        robot.clickOn("#responseTemplates-code").write("{\"toys\": []}");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> responseTemplate().equals("{\"toys\": []}"));

        // then the Edit menu names the edit, and undo/redo take the template back and forth
        assertThat(console.workbench().undoTextProperty().get())
                .isEqualTo("Undo Edit mapping template application/json of GET /toys");
        robot.clickOn("#tree-GET-_toys");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> responseTemplate().isEmpty());
        assertThat(robot.lookup("#responseTemplates-code").queryAs(CodeArea.class).getText()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> responseTemplate().equals("{\"toys\": []}"));
        assertThat(robot.lookup("#responseTemplates-code").queryAs(CodeArea.class).getText()).isEqualTo("{\"toys\": []}");
    }

    @Test
    void invalidPathPartShowsAwsMessageAndBlocksCreate(FxRobot robot) {
        // given the create-resource dialog under /pets
        robot.clickOn("#tree-_pets").press(KeyCode.INSERT).release(KeyCode.INSERT);

        // when a path part with a space is typed
        robot.clickOn("#pathPartField").write("bad part");

        // then AWS's message shows and OK is disabled; a second variable sibling is refused too
        assertThat(robot.lookup("#pathPartError").queryAs(Label.class).getText())
                .startsWith("Resource's path part only allow a-zA-Z0-9._-");
        assertThat(robot.lookup("#pathPartOk").queryAs(Button.class).isDisabled()).isTrue();
        robot.eraseText(8).write("{other}");
        assertThat(robot.lookup("#pathPartError").queryAs(Label.class).getText()).contains("only one is allowed");
        robot.eraseText(7).write("food");
        assertThat(robot.lookup("#pathPartOk").queryAs(Button.class).isDisabled()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void keyboardAloneReachesAMethodItsPhasesAndThePages(FxRobot robot) {
        // given focus in the resource tree (Ctrl+T)
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);

        // when the filter narrows to "get pets" (Ctrl+F) and Enter moves into the tree
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("get petId").press(KeyCode.ENTER).release(KeyCode.ENTER);
        for (int i = 0; i < 4; i++) robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        ConsoleFixture.waitUntil(() -> "GET /pets/{petId}".equals(robot.lookup("#methodTitle").queryAs(Label.class).getText()));

        // and Ctrl+E focuses the pipeline diagram, where arrows move between phases
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertThat(robot.lookup("#integrationResponseEditor").tryQuery()).isPresent();

        // and Ctrl+2 / Ctrl+3 switch pages
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(robot.lookup("#modelsPage").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(robot.lookup("#stagesPage").tryQuery()).isPresent();
    }

    @Test
    void darkThemeToggleRestylesTheWholeWindow(FxRobot robot) {
        // given the light theme
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");

        // when View → Dark theme is chosen
        robot.clickOn("View").clickOn("#menuDarkTheme");

        // then PrimerDark is the user-agent stylesheet and the root carries :dark
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");
        assertThat(robot.lookup("#shell").query().getPseudoClassStates()).contains(ThemeManager.DARK);

        // and the shortcut switches back
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    }

    private ApiDefinition api() {
        return ConsoleFixture.api(console);
    }

    private Optional<Method> method(String path, String verb) {
        return api().resourceByPath(path).map(r -> r.method(verb));
    }

    private String responseTemplate() {
        return method("/toys", "GET").map(m -> m.methodIntegration().integrationResponses().get("200"))
                .map(r -> r.responseTemplates().getOrDefault("application/json", "")).orElse("?");
    }
}
