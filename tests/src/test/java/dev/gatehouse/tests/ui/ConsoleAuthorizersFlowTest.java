package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.authorizers.AuthorizersViewModel;
import dev.gatehouse.app.method.MethodRequestViewModel;
import dev.gatehouse.app.testpanel.TestTarget;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.AuthorizerType;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A Cognito authorizer on the workspace key, end to end in the console, headless: created on the Authorizers page,
 * attached to GET / in the Method request settings, a token minted and put into the test panel; the deployed stage
 * answers 200 with it and 401 {"message":"Unauthorized"} without it (AWS's body, aws-reference §8); the Test authorizer
 * panel shows the token's claims.
 */
class ConsoleAuthorizersFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @BeforeEach
    void workspaceIsServed(FxRobot robot) {
        ConsoleFixture.waitUntil(() -> robot.lookup("#statusEngine").queryAs(Label.class).getText().contains("Serving on"));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static void selectTab(FxRobot robot, String text) {
        TabPane tabs = robot.lookup("#authorizerTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> t.getText().equals(text)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    }

    @Test
    void aCognitoAuthorizerOnTheWorkspaceKeyLetsAMintedTokenThroughAndRefusesACallWithoutOne(FxRobot robot) {
        // given a Cognito authorizer created on the Authorizers page, trusting the workspace key
        robot.clickOn("#nav-authorizers");
        robot.clickOn("#authorizerName").write("local-pool");
        robot.interact(() -> combo(robot, "#authorizerType").setValue(AuthorizerType.COGNITO_USER_POOLS));
        robot.clickOn("#authorizerTrustWorkspaceKey");
        ConsoleFixture.waitUntil(() -> "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local"
                .equals(combo(robot, "#authorizerUserPool").getValue()));
        robot.clickOn("#authorizerSave");
        @SuppressWarnings("unchecked")
        TableView<AuthorizersViewModel.Row> table = robot.lookup("#authorizerTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> table.getItems().size() == 1);
        String authorizerId = table.getItems().getFirst().id();

        // and attached to GET / in its Method request settings
        robot.clickOn("#nav-resources");
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").queryAs(Label.class).getText().equals("GET /"));
        robot.clickOn("#phase-method-request");
        robot.interact(() -> combo(robot, "#authorizationType").setValue(AuthorizationType.COGNITO_USER_POOLS));
        ComboBox<MethodRequestViewModel.AuthorizerChoice> authorizer = combo(robot, "#methodAuthorizer");
        robot.interact(() -> authorizer.setValue(authorizer.getItems().getFirst()));
        robot.clickOn("#saveMethodRequest");
        ConsoleFixture.waitUntil(() -> authorizerId.equals(ConsoleFixture.api(console).root().method("GET").authorizerId()));

        // and the API deployed to prod
        String apiId = ConsoleFixture.api(console).id();
        AtomicBoolean deployed = new AtomicBoolean();
        robot.interact(() -> console.workbench().change("Deploy prod", s -> s.deploy(apiId, "prod", "authorizer"),
                d -> deployed.set(true)));
        ConsoleFixture.waitUntil(deployed::get);

        // when a token is minted on the workspace key and put into the test panels
        robot.clickOn("#nav-authorizers");
        robot.interact(() -> table.getSelectionModel().select(0));
        selectTab(robot, "Token minter");
        robot.clickOn("#tokenMint");
        TextArea token = robot.lookup("#tokenValue").queryAs(TextArea.class);
        ConsoleFixture.waitUntil(() -> !token.getText().isEmpty());
        robot.clickOn("#tokenUseInTestPanel");

        // then the Test authorizer panel lets it through and shows its claims
        selectTab(robot, "Test authorizer");
        assertThat(robot.lookup("#authorizerTestHeaders").queryAs(TextArea.class).getText())
                .isEqualTo("Authorization: " + token.getText());
        robot.clickOn("#authorizerTestRun");
        Label status = robot.lookup("#authorizerTestStatus").queryAs(Label.class);
        ConsoleFixture.waitUntil(() -> status.getText().startsWith("Response code"));
        assertThat(status.getText()).startsWith("Response code 200 (allowed)");
        assertThat(robot.lookup("#authorizerTestClaims").queryAs(TextArea.class).getText())
                .contains("sub = local-user").contains("token_use = id");
        assertThat(robot.lookup("#authorizerTestLog").queryAs(TextArea.class).getText())
                .startsWith("Execution log for request test-request").contains("Successfully completed authorizer execution");

        // and the deployed GET / answers 200 with the token in the method test panel
        robot.clickOn("#nav-resources");
        robot.clickOn("#tree-GET-_");
        robot.clickOn("#methodTab-test");
        ConsoleFixture.waitUntil(() -> robot.lookup("#testTitle").queryAs(Label.class).getText().equals("GET /"));
        TextArea headers = robot.lookup("#testHeaders").queryAs(TextArea.class);
        assertThat(headers.getText()).startsWith("Authorization: " + token.getText());
        ComboBox<TestTarget> target = combo(robot, "#testTarget");
        robot.interact(() -> target.getSelectionModel().select(TestTarget.stage("prod")));
        robot.clickOn("#testSend");
        @SuppressWarnings("unchecked")
        ListView<Object> history = robot.lookup("#testHistory").queryAs(ListView.class);
        ConsoleFixture.waitUntil(() -> history.getItems().size() == 1);
        assertThat(robot.lookup("#testStatus").queryAs(Label.class).getText()).isEqualTo("200");

        // and 401 {"message":"Unauthorized"} without it
        robot.interact(() -> headers.setText(""));
        robot.clickOn("#testSend");
        ConsoleFixture.waitUntil(() -> history.getItems().size() == 2);
        assertThat(robot.lookup("#testStatus").queryAs(Label.class).getText()).isEqualTo("401");
        assertThat(robot.lookup("#testResponseBody-code").queryAs(CodeArea.class).getText().replaceAll("\\s", ""))
                .isEqualTo("{\"message\":\"Unauthorized\"}");
    }
}
