package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.shell.Page;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * Screenshots of the Resource Policy page: a source IP deny list with a mistyped CIDR and "Check a request" saying
 * Deny, at the first window's 1360x860 and at 1440x900, and AWS's VPC endpoint template with the warnings about what the local engine does not
 * enforce. {@code -Dgatehouse.screenshots=docs} writes {@code docs/screenshots/policy-*.png}, {@code =target} writes
 * them under {@code tests/target/screenshots}.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleResourcePolicyScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void resourcePolicyEditorChecksAndCheckARequest(FxRobot robot) {
        Path out = ConsoleFixture.screenshotDir();
        robot.interact(() -> console.shell().show(Page.RESOURCE_POLICY));
        ConsoleFixture.waitUntil(() -> text(robot, "#policyTitle").startsWith("Resource policy of "));
        ListView<?> problems = robot.lookup("#policyProblems").queryAs(ListView.class);
        CodeArea area = robot.lookup("#policyEditor .gatehouse-code").queryAs(CodeArea.class);

        // a deny list for loopback and a documentation range, one of them mistyped
        robot.interact(() -> robot.lookup("#policyTemplateAddresses").queryAs(TextField.class).setText("127.0.0.1/32, 198.51.100.0/33"));
        robot.clickOn("#policyTemplates");
        ConsoleFixture.clickMenuItem(robot, "Source IP deny list");
        ConsoleFixture.waitUntil(() -> problems.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#policyCheckStage").queryAs(ComboBox.class).setValue("prod"));
        robot.clickOn("#policyCheckRun");
        ConsoleFixture.waitUntil(() -> !text(robot, "#policyCheckOutcome").isEmpty());
        // the console's first window is 1360x860: the page as most people first see it
        assertThat(stage.getWidth()).isEqualTo(1360);
        ConsoleFixture.snapshot(stage, out.resolve("policy-editor-1360x860.png"));
        robot.interact(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        ConsoleFixture.snapshot(stage, out.resolve("policy-editor-light.png"));

        // AWS's VPC endpoint template: accepted by AWS, not enforced here, and said so
        robot.clickOn("#policyTemplates");
        ConsoleFixture.clickMenuItem(robot, "VPC endpoint allow list (not enforced locally)");
        ConsoleFixture.waitUntil(() -> area.getText().contains("aws:SourceVpce") && problems.getItems().size() == 1
                && text(robot, "#policySummary").startsWith("0 errors"));
        robot.clickOn("#policyCheckRun");
        ConsoleFixture.waitUntil(() -> text(robot, "#policyCheckReason").contains("fails closed"));
        ConsoleFixture.snapshot(stage, out.resolve("policy-not-enforced-light.png"));
        assertThat(out.resolve("policy-not-enforced-light.png")).exists();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
