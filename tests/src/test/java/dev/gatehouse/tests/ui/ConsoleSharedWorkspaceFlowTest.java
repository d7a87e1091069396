package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Console;
import dev.gatehouse.app.stages.StagesViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console and the CLI share a workspace (issue 10, item 7): with the console open, {@code gatehouse deploy}
 * from a shell succeeds, and the console shows the new deployment within a second of the command's end.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleSharedWorkspaceFlowTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    private static final Pattern DEPLOYED = Pattern.compile("\\(deployment (\\w+)\\)");
    private final Path workspace = ConsoleFixture.copyOfSampleWorkspace();
    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.start(stage, workspace, false);
    }

    @AfterEach
    void closeConsole() {
        ConsoleFixture.close(console);
    }

    @BeforeEach
    void workspaceIsOpen() {
        ConsoleFixture.awaitOpen(console);
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
