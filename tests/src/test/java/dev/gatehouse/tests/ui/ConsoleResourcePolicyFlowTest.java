package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Console;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Problem;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A source IP deny list for 127.0.0.1, end to end in the console, headless: the Resource Policy page's template filled
 * with a mistyped CIDR, the check naming it, the fix, "Check a request" saying Deny, Save, deploy through the Deploy
 * dialog, and a real HTTP call from 127.0.0.1 to the stage answered 403 with AWS's body for an explicit deny
 * ({@code {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource:
 * arn:aws:execute-api:us-east-1:********9012:…/prod/GET/ with an explicit deny"}}, aws-reference §2 and the engine's
 * ResourcePolicyFilterTest sources); after Remove policy and another deploy, 200 again.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleResourcePolicyFlowTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private static final Pattern SERVING = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+)");

    private final OkHttpClient http = new OkHttpClient();
    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.start(stage, ConsoleFixture.copyOfSampleWorkspace(), false);
    }

    @AfterEach
    void closeConsole() {
        ConsoleFixture.close(console);
    }

    @BeforeEach
    void workspaceIsOpenAndServed(FxRobot robot) {
        ConsoleFixture.awaitOpen(console);
        ConsoleFixture.waitUntil(() -> SERVING.matcher(text(robot, "#statusEngine")).find());
    }

    @Test
    void anIpDenyListCheckedFixedAndDeployedRefusesTheLoopbackCallerWithAwsBodyUntilRemoved(FxRobot robot) throws IOException {
        Matcher serving = SERVING.matcher(text(robot, "#statusEngine"));
        assertThat(serving.find()).isTrue();
        String stageUrl = serving.group(1) + "/prod/";
        String apiId = ConsoleFixture.api(console).id();
        assertThat(get(stageUrl)).startsWith("200 ");

        // given the Resource Policy page of the default API, with no policy yet
        robot.clickOn("#nav-resource_policy");
        ConsoleFixture.waitUntil(() -> text(robot, "#policyTitle").startsWith("Resource policy of "));
        CodeArea area = robot.lookup("#policyEditor .gatehouse-code").queryAs(CodeArea.class);
        assertThat(area.getText()).isEmpty();
        assertThat(text(robot, "#policySummary")).startsWith("No resource policy");

        // when the source IP deny list template is inserted for a mistyped 127.0.0.1/33
        TextField addresses = robot.lookup("#policyTemplateAddresses").queryAs(TextField.class);
        robot.interact(() -> addresses.setText(""));
        robot.clickOn(addresses).write("127.0.0.1/33");
        robot.clickOn("#policyTemplates");
        ConsoleFixture.clickMenuItem(robot, "Source IP deny list");
        ConsoleFixture.waitUntil(() -> area.getText().contains("\"127.0.0.1/33\""));
        assertThat(area.getText()).contains("arn:aws:execute-api:us-east-1:123456789012:" + apiId + "/*");

        // then the check names the bad CIDR, where it is, and Save is off
        @SuppressWarnings("unchecked")
        ListView<Problem> problems = robot.lookup("#policyProblems").queryAs(ListView.class);
        ConsoleFixture.waitUntil(() -> problems.getItems().size() == 1);
        Problem bad = problems.getItems().getFirst();
        assertThat(bad.severity()).isEqualTo(Severity.ERROR);
        assertThat(bad.path()).isEqualTo("$.Statement[1].Condition.IpAddress['aws:SourceIp'][0]");
        assertThat(bad.message()).contains("\"127.0.0.1/33\"").contains("CIDR prefix out of range");
        int line = (int) area.getText().substring(0, area.getText().indexOf("127.0.0.1/33")).chars().filter(c -> c == '\n').count() + 1;
        assertThat(bad.line()).isEqualTo(line);
        assertThat(text(robot, "#policySummary")).startsWith("1 error, 0 warnings");
        assertThat(robot.lookup("#policySave").queryAs(Button.class).isDisabled()).isTrue();

        // when the prefix is corrected in the editor (selected and typed over, as a person would)
        int at = area.getText().indexOf("/33") + 1;
        robot.interact(() -> {
            area.requestFocus();
            area.selectRange(at, at + 2);
        });
        robot.write("32");
        ConsoleFixture.waitUntil(() -> area.getText().contains("\"127.0.0.1/32\"") && problems.getItems().isEmpty());
        assertThat(text(robot, "#policySummary")).startsWith("No problems");

        // then "Check a request" from 127.0.0.1 to GET / on prod is denied explicitly by the deny statement
        TextField ip = robot.lookup("#policyCheckIp").queryAs(TextField.class);
        robot.interact(() -> {
            ip.setText("127.0.0.1");
            robot.lookup("#policyCheckPath").queryAs(TextField.class).setText("/");
            robot.lookup("#policyCheckMethod").queryAs(ComboBox.class).setValue("GET");
        });
        @SuppressWarnings("unchecked")
        ComboBox<String> stageChoice = robot.lookup("#policyCheckStage").queryAs(ComboBox.class);
        ConsoleFixture.waitUntil(() -> stageChoice.getItems().contains("prod"));
        robot.interact(() -> stageChoice.setValue("prod"));
        robot.clickOn("#policyCheckRun");
        ConsoleFixture.waitUntil(() -> !text(robot, "#policyCheckOutcome").isEmpty());
        assertThat(text(robot, "#policyCheckOutcome")).isEqualTo("Deny (explicit)");
        assertThat(text(robot, "#policyCheckReason")).startsWith("Denied explicitly by statement 2 (Sid DenyListedAddresses)");
        assertThat(text(robot, "#policyCheckArn")).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:" + apiId + "/prod/GET/");
        // and another address is let in by the Allow
        robot.interact(() -> ip.setText("203.0.113.9"));
        robot.clickOn("#policyCheckRun");
        ConsoleFixture.waitUntil(() -> text(robot, "#policyCheckOutcome").equals("Allow"));
        assertThat(text(robot, "#policyCheckReason")).startsWith("Allowed by statement 1");

        // when it is saved: one undoable edit, stored where the OpenAPI export reads it
        robot.clickOn("#policySave");
        ConsoleFixture.waitUntil(() -> text(robot, "#policyStatus").startsWith("Saved."));
        String stored = ConsoleFixture.api(console).restApi().policy();
        assertThat(stored).contains("\"127.0.0.1/32\"");
        assertThat(console.workbench().undoTextProperty().get()).contains("Change resource policy of");
        assertThat(EngineTools.exportOpenApi(ConsoleFixture.api(console), ExportFormat.OAS30, ExportOptions.json(ExportExtensions.APIGATEWAY)))
                .contains("\"x-amazon-apigateway-policy\" : {").contains("127.0.0.1/32");

        // and deployed to prod with the Deploy dialog
        deployToProd(robot, "deny loopback");

        // then a real call from 127.0.0.1 is refused with AWS's 403 body for an explicit deny
        try (Response response = http.newCall(new Request.Builder().url(stageUrl).build()).execute()) {
            assertThat(response.code()).isEqualTo(403);
            assertThat(response.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
            assertThat(response.body().string()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform: "
                    + "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:" + apiId
                    + "/prod/GET/ with an explicit deny\"}");
        }

        // when the policy is removed and prod redeployed, the call is let through again
        robot.clickOn("#nav-resource_policy");
        robot.clickOn("#policyRemove");
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).restApi().policy() == null);
        assertThat(area.getText()).isEmpty();
        deployToProd(robot, "no policy");
        assertThat(get(stageUrl)).startsWith("200 ");
    }

    private void deployToProd(FxRobot robot, String description) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        robot.clickOn("#deployExistingStage");
        @SuppressWarnings("unchecked")
        ComboBox<Object> stages = robot.lookup("#deployStageChoice").queryAs(ComboBox.class);
        robot.interact(() -> stages.getItems().stream().filter(s -> String.valueOf(s).contains("prod")).findFirst()
                .ifPresent(stages::setValue));
        robot.clickOn("#deployDescription").write(description);
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());
    }

    private String get(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
