package dev.gatehouse.tests.ui;

import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the Remotes page for the README: the add form, a push preview of a first push, and the preview of a
 * one-method change with a breaking change flagged, against a real second engine. Runs only when asked, with
 * {@code -Dgatehouse.screenshots=target} or {@code =docs} ({@code docs/screenshots/remotes-*.png}).
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleRemotesScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private SecondEngine engineB;

    @Override
    protected Path workspace() {
        engineB = new SecondEngine();
        return ConsoleFixture.copyOfSampleWorkspace();
    }

    @AfterEach
    void closeEngineB() {
        engineB.close();
    }

    @Test
    void remotesPageAddPreviewAndChangePreview(FxRobot robot) throws IOException {
        ConsoleFixture.awaitOpen(console);
        Path out = outputDir();
        robot.interact(() -> console.workbench().selectApi("petstore01"));
        robot.clickOn("#nav-remotes");
        robot.clickOn("#remoteAdd");
        robot.clickOn("#remoteName").write("staging");
        robot.interact(() -> robot.lookup("#remoteUrl").queryAs(TextField.class).setText(engineB.adminUrl()));
        robot.clickOn("#remoteAccessKey").write(SecondEngine.KEY_ID);
        robot.clickOn("#remoteSecret").write(SecondEngine.SECRET);
        shoot(out.resolve("remotes-add.png"));

        robot.clickOn("#remoteSave");
        ConsoleFixture.waitUntil(() -> text(robot, "#remoteCredentials").startsWith("Credentials"));
        robot.clickOn("#remoteTest");
        ConsoleFixture.waitUntil(() -> text(robot, "#remoteConnection").startsWith("Connected"));
        robot.clickOn("#pushPreview");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Push creates"));
        shoot(out.resolve("remotes-push-preview.png"));

        robot.clickOn("#pushConfirm");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Created"));
        shoot(out.resolve("remotes-pushed.png"));

        // a changed response and a method that now needs an API key (breaking), then the preview
        robot.interact(() -> console.workbench().edit("Change the API", api -> {
            var pets = api.resourceByPath("/pets").orElseThrow();
            var changed = api.updateResource(pets.id(), r -> r.withMethod(r.method("POST").withApiKeyRequired(true)));
            return changed.updateResource(changed.root().id(), r -> {
                Integration i = r.method("GET").methodIntegration();
                IntegrationResponse ok = i.integrationResponses().get("200");
                return r.withMethod(r.method("GET").withIntegration(i.withIntegrationResponses(Map.of("200", new IntegrationResponse(
                        ok.statusCode(), ok.selectionPattern(), ok.responseParameters(), Map.of("text/html", "<h1>v2</h1>"),
                        ok.contentHandling())))));
            });
        }));
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        robot.clickOn("#pushPreview");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Push updates"));
        shoot(out.resolve("remotes-change-preview.png"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Path outputDir() throws IOException {
        return ConsoleFixture.screenshotDir();
    }

    private void shoot(Path file) throws IOException {
        ConsoleFixture.snapshot(stage, file);
    }
}
