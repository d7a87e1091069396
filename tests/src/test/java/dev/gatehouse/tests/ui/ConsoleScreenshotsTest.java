package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main screens of the real console, light and dark, to PNG. A generator, not a test: it runs only when
 * asked, with {@code -Dgatehouse.screenshots=target} (PNGs go to {@code tests/target/screenshots}) or
 * {@code -Dgatehouse.screenshots=docs} (they replace the committed ones in {@code docs/screenshots}), e.g.
 * {@code mvn -pl tests -am verify -Dtest='ConsoleScreenshotsTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgatehouse.screenshots=docs}. The default suite skips it.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void mainScreensRenderInLightAndDarkThemes(FxRobot robot) throws IOException {
        ConsoleFixture.awaitOpen(console);
        deployAChangedDraftToDev();
        Path out = outputDir();
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> console.shell().darkThemeProperty().set(dark));
            Resource pets = ConsoleFixture.api(console).resourceByPath("/pets").orElseThrow();
            robot.interact(() -> {
                console.shell().show(Page.RESOURCES);
                console.workbench().select(Selection.method(pets.id(), "GET"));
            });
            robot.clickOn("#phase-integration-request");
            shoot(out.resolve("resources-method-integration-request-" + theme + ".png"));
            String rootId = ConsoleFixture.api(console).root().id();
            robot.interact(() -> console.workbench().select(Selection.method(rootId, "GET")));
            robot.clickOn("#phase-integration-response");
            shoot(out.resolve("resources-method-integration-response-" + theme + ".png"));
            robot.interact(() -> console.workbench().select(Selection.method(pets.id(), "GET")));
            robot.clickOn("#phase-method-request");
            shoot(out.resolve("resources-method-request-" + theme + ".png"));
            robot.interact(() -> console.shell().show(Page.MODELS));
            shoot(out.resolve("models-" + theme + ".png"));
            robot.interact(() -> console.shell().show(Page.STAGES));
            showStage(robot, "dev");
            shoot(out.resolve("stages-" + theme + ".png"));
        }
        assertThat(out.resolve("models-dark.png")).exists();
    }

    /** PetStore's draft with a new /toys, no OPTIONS /pets/{petId}, and GET /pets changed, deployed to dev. */
    private void deployAChangedDraftToDev() {
        ApiDefinition api = ConsoleFixture.api(console);
        Resource pets = api.resourceByPath("/pets").orElseThrow();
        Resource pet = api.resourceByPath("/pets/{petId}").orElseThrow();
        long before = console.workbench().revisionProperty().get();
        Platform.runLater(() -> console.workbench().edit("Prepare the screenshot", a -> {
            ApiDefinition next = a.addResource(a.root().id(), "toys", null);
            String toys = next.resourceByPath("/toys").orElseThrow().id();
            next = next.updateResource(toys, r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            next = next.updateResource(pet.id(), r -> r.withoutMethod("OPTIONS"));
            return next.updateResource(pets.id(), r -> {
                Method get = r.method("GET");
                return r.withMethod(get.withRequestParameters(java.util.Map.of("method.request.querystring.limit", true))
                        .withIntegration(get.methodIntegration().withTimeoutInMillis(5000)));
            });
        }));
        ConsoleFixture.waitUntil(() -> console.workbench().revisionProperty().get() > before
                && ConsoleFixture.api(console).resourceByPath("/toys").isPresent());
        console.workbench().session().orElseThrow().deploy(api.id(), "dev", "Toys, a required limit, a 5 s timeout");
    }

    private void showStage(FxRobot robot, String name) {
        TableView<?> stages = robot.lookup("#stageTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> stages.getItems().stream().anyMatch(r -> r.toString().contains("stageName=" + name)));
        robot.interact(() -> {
            for (int i = 0; i < stages.getItems().size(); i++) {
                if (stages.getItems().get(i).toString().contains("stageName=" + name)) stages.getSelectionModel().select(i);
            }
        });
        TableView<?> diff = robot.lookup("#diffTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> !diff.getItems().isEmpty());
    }

    @Test
    void testPanelAndTemplatePlaygroundRenderInLightAndDarkThemes(FxRobot robot) throws IOException {
        ConsoleFixture.awaitOpen(console);
        Path out = outputDir();
        String rootId = ConsoleFixture.api(console).root().id();
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                console.shell().darkThemeProperty().set(dark);
                console.shell().show(Page.RESOURCES);
                console.workbench().select(Selection.method(rootId, "GET"));
            });
            // the test panel after one run of GET / (MOCK) against the draft
            robot.clickOn("#methodTab-test");
            int runs = robot.lookup("#testHistory").queryAs(javafx.scene.control.ListView.class).getItems().size();
            robot.clickOn("#testSend");
            ConsoleFixture.waitUntil(() -> robot.lookup("#testHistory").queryAs(javafx.scene.control.ListView.class).getItems().size() > runs);
            shoot(out.resolve("resources-method-test-panel-" + theme + ".png"));
            // the playground beside the integration request template
            robot.clickOn("#methodTab-design");
            robot.clickOn("#phase-integration-request");
            javafx.scene.control.ScrollPane editor = robot.lookup("#integrationRequestEditor").queryAs(javafx.scene.control.ScrollPane.class);
            robot.interact(() -> editor.setVvalue(1));
            javafx.scene.control.ToggleButton toggle = robot.lookup("#requestTemplates-playgroundToggle").queryAs(javafx.scene.control.ToggleButton.class);
            org.fxmisc.richtext.CodeArea template = robot.lookup("#requestTemplates-code").queryAs(org.fxmisc.richtext.CodeArea.class);
            robot.interact(() -> {
                toggle.setSelected(true);
                template.replaceText("#set($pet = $input.path('$'))\n{\n  \"id\": \"$input.params('id')\",\n  \"name\": \"$pet.name\",\n"
                        + "  \"stage\": \"$context.stage\",\n  \"env\": \"$stageVariables.env\"\n}");
            });
            org.fxmisc.richtext.CodeArea output = robot.lookup("#requestTemplates-playgroundOutput-code").queryAs(org.fxmisc.richtext.CodeArea.class);
            ConsoleFixture.waitUntil(() -> output.getText().contains("\"name\": \"Rex\""));
            robot.interact(() -> editor.setVvalue(1));
            shoot(out.resolve("resources-method-playground-" + theme + ".png"));
        }
        assertThat(out.resolve("resources-method-playground-dark.png")).exists();
    }

    /**
     * The newcomer's screens of issue 10 at the smallest supported window, 1360×860, and larger (the 1440×900
     * screen): the stage actions, the test panel against a deployed stage with the stage's execution log, the
     * path-part dialog with a rule that wraps, Getting started, and the Create API and Create method dialogs.
     */
    @Test
    void newcomerScreensRenderAt1360x860AndLarger(FxRobot robot) throws Exception {
        ConsoleFixture.awaitOpen(console);
        Path out = outputDir();
        robot.interact(() -> {
            stage.setWidth(1360);
            stage.setHeight(860);
        });
        // the Stages page with its actions, prod selected
        robot.interact(() -> console.shell().show(Page.STAGES));
        TableView<?> stages = robot.lookup("#stageTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> !stages.getItems().isEmpty());
        robot.interact(() -> stages.getSelectionModel().select(0));
        shoot(out.resolve("stages-actions-1360-light.png"));

        // the test panel after GET / against stage prod: the stage's execution log
        ConsoleFixture.waitUntil(() -> robot.lookup("#statusEngine").queryAs(javafx.scene.control.Label.class).getText().contains("Serving on"));
        String rootId = ConsoleFixture.api(console).root().id();
        robot.interact(() -> {
            console.shell().show(Page.RESOURCES);
            console.workbench().select(Selection.method(rootId, "GET"));
        });
        robot.clickOn("#methodTab-test");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.gatehouse.app.testpanel.TestTarget> target =
                robot.lookup("#testTarget").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> target.getSelectionModel().select(dev.gatehouse.app.testpanel.TestTarget.stage("prod")));
        robot.clickOn("#testSend");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#testHistory").queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
        shoot(out.resolve("resources-method-test-panel-stage-1360-light.png"));

        // the path-part dialog with AWS's rule for a bad path part, wrapped, the buttons in full
        robot.clickOn("#methodTab-design");
        robot.clickOn("#tree-_").press(javafx.scene.input.KeyCode.INSERT).release(javafx.scene.input.KeyCode.INSERT);
        robot.clickOn("#pathPartField").write("{pet id");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#pathPartError").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        shootWindowOf(robot, "#pathPartField", out.resolve("dialog-path-part-light.png"));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        // an empty workspace: Getting started, light and dark, at 1360×860 and at the full screen
        Path empty = Files.createTempDirectory("gatehouse-shot-empty-");
        dev.gatehouse.engine.workspace.Workspace.create(empty, "first steps").close();
        robot.interact(() -> console.workbench().open(empty));
        ConsoleFixture.waitUntil(() -> robot.lookup("#gettingStarted").tryQuery().map(n -> n.getScene() != null).orElse(false));
        shoot(out.resolve("getting-started-1360-light.png"));
        robot.interact(() -> console.shell().darkThemeProperty().set(true));
        shoot(out.resolve("getting-started-1360-dark.png"));
        robot.interact(() -> {
            console.shell().darkThemeProperty().set(false);
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        shoot(out.resolve("getting-started-1440-light.png"));

        // the Create API dialog
        robot.clickOn("#gettingStartedCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiName").write("Toys");
        shootWindowOf(robot, "#createApiDialog", out.resolve("dialog-create-api-light.png"));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        // the Create method dialog, HTTP chosen, on the example API's /pets
        robot.clickOn("#gettingStartedExample");
        ConsoleFixture.waitUntil(() -> robot.lookup("#tree-_pets").tryQuery().isPresent());
        robot.clickOn("#tree-_pets");
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "PATCH");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isPresent());
        robot.clickOn("#createMethodType-HTTP");
        shootWindowOf(robot, "#createMethodDialog", out.resolve("dialog-create-method-light.png"));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(out.resolve("dialog-create-method-light.png")).exists();
    }

    /**
     * The screens of issue 11 (local functions): the Functions page with the sample's GetHelloWorld (code; test
     * result), light and dark; the Create method dialog with "Lambda function" chosen; and the integration request
     * of a Lambda proxy method. Run alone with {@code -Dtest='ConsoleScreenshotsTest#functions*'}.
     */
    @Test
    void functionsScreensRenderInLightAndDarkThemes(FxRobot robot) throws IOException {
        ConsoleFixture.awaitOpen(console);
        Path out = outputDir();
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                console.shell().darkThemeProperty().set(dark);
                console.shell().show(Page.FUNCTIONS);
            });
            javafx.scene.control.ListView<?> list = robot.lookup("#functionList").queryAs(javafx.scene.control.ListView.class);
            ConsoleFixture.waitUntil(() -> list.getItems().contains("GetHelloWorld"));
            robot.clickOn("#functionTabCode");
            robot.interact(() -> robot.lookup("#functionList").queryAs(javafx.scene.control.ListView.class)
                    .getSelectionModel().select("GetHelloWorld"));
            org.fxmisc.richtext.CodeArea code = robot.lookup("#functionCode").queryAs(org.fxmisc.richtext.CodeArea.class);
            ConsoleFixture.waitUntil(() -> code.getText().contains("exports"));
            shoot(out.resolve("functions-code-" + theme + ".png"));
            robot.clickOn("#functionTabTest");
            robot.clickOn("#testFunction");
            ConsoleFixture.waitUntil(() -> !robot.lookup("#functionResultStatus").queryAs(javafx.scene.control.Label.class)
                    .getText().isEmpty());
            shoot(out.resolve("functions-test-" + theme + ".png"));
        }
        robot.interact(() -> console.shell().darkThemeProperty().set(false));

        // Create method on /pets with "Lambda function" chosen, the function picked from the workspace's
        robot.interact(() -> console.shell().show(Page.RESOURCES));
        Resource pets = ConsoleFixture.api(console).resourceByPath("/pets").orElseThrow();
        robot.interact(() -> console.workbench().select(Selection.resource(pets.id())));
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "PATCH");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isPresent());
        robot.clickOn("#createMethodType-Lambda-function");
        robot.clickOn("#createMethodTarget").write("GetHelloWorld");
        robot.clickOn("#createMethodOption");
        shootWindowOf(robot, "#createMethodDialog", out.resolve("dialog-create-method-lambda-light.png"));
        robot.clickOn("#createMethodOk");
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).resourceByPath("/pets").orElseThrow().method("PATCH") != null);

        // the new method's integration request: Lambda function and the proxy option
        robot.interact(() -> console.workbench().select(Selection.method(pets.id(), "PATCH")));
        robot.clickOn("#phase-integration-request");
        shoot(out.resolve("resources-method-integration-request-lambda-light.png"));
        assertThat(out.resolve("resources-method-integration-request-lambda-light.png")).exists();
    }

    /** Shoots the window (a dialog) holding the node found by {@code query}. */
    private void shootWindowOf(FxRobot robot, String query, Path file) throws IOException {
        javafx.scene.Scene scene = robot.lookup(query).query().getScene();
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null)));
        ImageIO.write(toBuffered(image[0]), "png", file.toFile());
    }

    private static Path outputDir() throws IOException {
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        Path dir = "docs".equals(System.getProperty("gatehouse.screenshots"))
                ? repo.resolve("docs/screenshots") : repo.resolve("tests/target/screenshots");
        return Files.createDirectories(dir);
    }

    private void shoot(Path file) throws IOException {
        // let the debounced highlighters (300 ms) and layout settle
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().snapshot(null)));
        WaitForAsyncUtils.waitForFxEvents();
        ImageIO.write(toBuffered(image[0]), "png", file.toFile());
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, reader.getArgb(x, y));
        }
        return out;
    }
}
