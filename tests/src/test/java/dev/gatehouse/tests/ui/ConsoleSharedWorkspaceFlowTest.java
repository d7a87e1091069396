package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.stages.StagesViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Json;
import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console and the CLI share a workspace (issue 10, item 7): with the console open, {@code gatehouse deploy}
 * from a shell succeeds, and the console shows the new deployment within a second of the command's end; an edit
 * typed in the console over a template another process changed meanwhile never overwrites their change, and the
 * typed text is not lost.
 */
class ConsoleSharedWorkspaceFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    private static final Pattern DEPLOYED = Pattern.compile("\\(deployment (\\w+)\\)");
    private final Path workspace = ConsoleFixture.copyOfSampleWorkspace();

    @Override
    protected Path workspace() {
        return workspace;
    }

    @Test
    void aDeployFromAShellShowsInTheOpenConsoleWithinASecond(FxRobot robot) throws Exception {
        // given the console open on the Stages page of PetStore
        robot.clickOn("#nav-stages");
        ConsoleFixture.waitUntil(() -> stageTable(robot).getItems().stream().anyMatch(r -> r.stageName().equals("prod")));

        // when PetStore is deployed to prod from a shell
        String deployed = deployFromShell("prod", "from the shell");

        // then the console shows prod serving the new deployment, marked current in its history, within a second
        withinASecond(() -> stageTable(robot).getItems().stream()
                .anyMatch(r -> r.stageName().equals("prod") && r.deploymentId().equals(deployed)));
        robot.interact(() -> stageTable(robot).getItems().stream().filter(r -> r.stageName().equals("prod")).findFirst()
                .ifPresent(r -> stageTable(robot).getSelectionModel().select(r)));
        withinASecond(() -> historyTable(robot).getItems().stream()
                .anyMatch(r -> r.id().equals(deployed) && r.current() && r.description().equals("from the shell")));

        // when a new stage is deployed from the shell, then it is listed too
        deployFromShell("shell", "a stage of its own");
        withinASecond(() -> stageTable(robot).getItems().stream().anyMatch(r -> r.stageName().equals("shell")));
    }

    @Test
    void aTemplateChangedOnDiskWhileTypedInIsNotOverwrittenAndTheTypedTextIsKept(FxRobot robot) throws Exception {
        // given GET /'s request template open in the console, with text typed but not saved
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").tryQuery().isPresent());
        robot.clickOn("#phase-integration-request");
        javafx.scene.control.ScrollPane editor = robot.lookup("#integrationRequestEditor").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> editor.setVvalue(1)); // the templates are at the bottom of the integration request
        CodeArea code = robot.lookup("#requestTemplates-code").queryAs(CodeArea.class);
        robot.clickOn(code);
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write("\n## typed in the console");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#requestTemplates-revert").queryAs(Button.class).isDisabled());

        // when another process changes that same template on disk (a hand edit, git, another console)
        String theirs = "{\"statusCode\": 200, \"from\": \"another process\"}";
        changeRootGetRequestTemplate(theirs);

        // then the console says so, keeps the typed text, and Save waits
        ConsoleFixture.waitUntil(() -> robot.lookup("#requestTemplates-problem").queryAs(Label.class).getText()
                .startsWith("Changed by another process while you typed"));
        assertThat(code.getText()).contains("## typed in the console");
        assertThat(robot.lookup("#requestTemplates-save").queryAs(Button.class).isDisabled()).isTrue();

        // when the user types on and saves anyway (Ctrl+S)
        robot.clickOn(code);
        robot.write("!");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        // then the workspace refuses, the message names the file and the template, and nothing is lost
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("apis/petstore01/api.json").contains("was changed by another process")
                .contains("requestTemplates/application/json").contains("Nothing was saved");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // Enter closes the message
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(rootGetRequestTemplate()).isEqualTo(theirs);
        assertThat(code.getText()).contains("## typed in the console!");

        // and Revert shows their version
        robot.clickOn("#requestTemplates-revert");
        ConsoleFixture.waitUntil(() -> code.getText().equals(theirs));
    }

    private void changeRootGetRequestTemplate(String template) throws Exception {
        Path file = workspace.resolve("apis/petstore01/api.json");
        ObjectNode api = (ObjectNode) Json.mapper().readTree(file.toFile());
        rootGet(api).with("methodIntegration").with("requestTemplates").put("application/json", template);
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(api));
    }

    private String rootGetRequestTemplate() throws Exception {
        JsonNode api = Json.mapper().readTree(workspace.resolve("apis/petstore01/api.json").toFile());
        return rootGet((ObjectNode) api).path("methodIntegration").path("requestTemplates").path("application/json").asText();
    }

    private static ObjectNode rootGet(ObjectNode api) {
        for (JsonNode resource : api.path("resources")) {
            if (resource.path("path").asText().equals("/")) return (ObjectNode) resource.path("resourceMethods").path("GET");
        }
        throw new AssertionError("PetStore has no GET /");
    }

    /** Runs {@code gatehouse deploy PetStore --stage STAGE} as a user would in a terminal; returns the deployment id. */
    private String deployFromShell(String stage, String description) throws Exception {
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        Process deploy = new ProcessBuilder(repo.resolve("engine/target/gatehouse").toString(), "deploy", "PetStore",
                "--stage", stage, "-d", description, "-w", workspace.toString()).redirectErrorStream(true).start();
        assertThat(deploy.waitFor(120, TimeUnit.SECONDS)).as("deploy finished").isTrue();
        String output = new String(deploy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(deploy.exitValue()).as("gatehouse deploy beside the console: %s", output).isZero();
        Matcher id = DEPLOYED.matcher(output);
        assertThat(id.find()).as(output).isTrue();
        return id.group(1);
    }

    /** A bound, not a pace: passes as soon as the console shows it, fails if that takes more than a second. */
    private static void withinASecond(BooleanSupplier shown) {
        try {
            WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, shown::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not show the change within a second", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<StagesViewModel.StageRow> stageTable(FxRobot robot) {
        return robot.lookup("#stageTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<StagesViewModel.DeploymentRow> historyTable(FxRobot robot) {
        return robot.lookup("#deploymentTable").queryAs(TableView.class);
    }
}
