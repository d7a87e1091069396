package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.sdk.SdkLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** File → Export SDK… on a temporary copy of the sample workspace: PetStore's prod stage as a JavaScript SDK. */
class ConsoleSdkExportFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @TempDir
    Path out;

    @Test
    void exportingTheJavaScriptSdkOfProdWritesItsZipAndShowsWhereItIs(FxRobot robot) {
        // given PetStore selected; when Ctrl+Shift+G opens the dialog
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> "prod".equals(robot.lookup("#sdkStage").tryQueryAs(ComboBox.class)
                .map(ComboBox::getValue).orElse(null)));

        // when Python is picked, then JavaScript: the package name follows the language's default
        pick(robot, SdkLanguage.PYTHON.displayName());
        assertThat(text(robot, "#sdkPackage")).isEqualTo(SdkLanguage.PYTHON.defaultPackageName("PetStore"));
        pick(robot, SdkLanguage.JAVASCRIPT.displayName());
        assertThat(text(robot, "#sdkPackage")).isEqualTo("pet-store");

        // when a name npm refuses is typed, the reason shows under the field and Export is off
        replaceText(robot, "#sdkPackage", "Pet Store");
        String problem = SdkLanguage.JAVASCRIPT.packageNameProblem("Pet Store").orElseThrow();
        ConsoleFixture.waitUntil(() -> problem.equals(label(robot, "#sdkPackageMessage")));
        assertThat(node(robot, "#sdkPackageMessage").getStyleClass()).contains("validation-error");
        assertThat(node(robot, "#sdkExportOk").isDisabled()).isTrue();

        // when it is fixed and a temporary output folder typed
        replaceText(robot, "#sdkPackage", "pet-store");
        replaceText(robot, "#sdkOutput", out.toString());
        ConsoleFixture.waitUntil(() -> !node(robot, "#sdkExportOk").isDisabled());
        assertThat(label(robot, "#sdkPackageMessage")).isEqualTo("The " + SdkLanguage.JAVASCRIPT.packageNameLabel());

        // and Export is pressed
        robot.clickOn("#sdkExportOk");

        // then the zip is written, and the banner in the still open dialog says where it is
        Path zip = out.resolve("pet-store-javascript.zip");
        ConsoleFixture.waitUntil(() -> node(robot, "#sdkResult").isVisible());
        assertThat(zip).isRegularFile();
        assertThat(out.resolve("pet-store-javascript/README.md")).isRegularFile();
        assertThat(text(robot, "#sdkResultPath")).isEqualTo(zip.toString());
        assertThat(label(robot, "#sdkResultSummary")).startsWith(SdkLanguage.JAVASCRIPT.displayName() + " SDK from stage prod");
        assertThat(node(robot, "#sdkBusy").isVisible()).isFalse();
        assertThat(Files.exists(out.resolve("pet-store-javascript/openapi.json"))).isTrue();

        // when the dialog is closed
        robot.clickOn("#sdkClose");

        // then it is gone
        ConsoleFixture.waitUntil(() -> robot.lookup("#sdkExportDialog").tryQuery().isEmpty());
    }

    private static void pick(FxRobot robot, String text) {
        robot.clickOn("#sdkTarget");
        ConsoleFixture.clickMenuItem(robot, text);
        ConsoleFixture.waitUntil(() -> text.equals(String.valueOf(robot.lookup("#sdkTarget").queryAs(ComboBox.class).getValue())));
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        ConsoleFixture.waitUntil(() -> text.equals(text(robot, query)));
    }

    private static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
