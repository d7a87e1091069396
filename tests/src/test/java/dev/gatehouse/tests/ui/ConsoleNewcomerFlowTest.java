package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 10, as a newcomer meets the console (AWS's launch walkthrough): create an API and see it selected, clone
 * an API and deploy the clone to a stage of its own, create a method choosing HTTP and its endpoint, delete with a
 * confirmation that names what depends on it.
 */
class ConsoleNewcomerFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    @Test
    void aNewApiIsSelectedAtOnceWithItsRootInTheTree(FxRobot robot) {
        // given the sample workspace with PetStore selected
        assertThat(selectorText(robot)).isEqualTo("PetStore");

        // when the user presses Ctrl+Shift+N, names the API and creates it
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiName").write("Toys");
        robot.clickOn("#createApiDescription").write("Toy shop");
        robot.clickOn("#createApiOk");

        // then the selector shows it, the tree shows its root, and it is among the selector's choices
        ConsoleFixture.waitUntil(() -> "Toys".equals(selectorText(robot)));
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#resourceTree").queryAs(TreeView.class);
        ConsoleFixture.waitUntil(() -> tree.getRoot() != null && "/".equals(((javafx.scene.control.Labeled) robot.lookup("#tree-_").query()).getText()));
        @SuppressWarnings("unchecked")
        ComboBox<ApiDefinition> selector = robot.lookup("#apiSelector").queryAs(ComboBox.class);
        assertThat(selector.getItems()).extracting(ApiDefinition::name).contains("PetStore", "Toys");
        assertThat(ConsoleFixture.api(console).restApi().description()).isEqualTo("Toy shop");

        // and the Models page shows its two models without an error
        robot.clickOn("#nav-models");
        ConsoleFixture.waitUntil(() -> robot.lookup("#modelsPage").tryQuery().isPresent());
        assertThat(robot.lookup("#modelSchemaProblem").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void creatingAnApiFromAnotherPageOpensItsResources(FxRobot robot) {
        // given the API Keys page in front
        robot.clickOn("#nav-api_keys");
        ConsoleFixture.waitUntil(() -> robot.lookup("#apiKeysPage").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));

        // when an API is created (Ctrl+Shift+N, as File → New API…)
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiName").write("Orders");
        robot.clickOn("#createApiOk");

        // then the Resources page shows it, its root in the tree: where resources and methods are added
        ConsoleFixture.waitUntil(() -> "Orders".equals(selectorText(robot)));
        ConsoleFixture.waitUntil(() -> console.shell().pageProperty().get() == dev.gatehouse.app.shell.Page.RESOURCES);
        ConsoleFixture.waitUntil(() -> robot.lookup("#tree-_").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    @Test
    void aCloneIsSelectedAndDeploysToAStageOfItsOwn(FxRobot robot) {
        // when PetStore is cloned as PetStore v2 from the Create API dialog
        robot.clickOn("#newApiButton");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createApiDialog").tryQuery().isPresent());
        robot.clickOn("#createApiMode-CLONE");
        robot.doubleClickOn("#createApiName").eraseText(30).write("PetStore v2");
        robot.clickOn("#createApiOk");

        // then the clone is selected, with PetStore's resources
        ConsoleFixture.waitUntil(() -> "PetStore v2".equals(selectorText(robot)));
        assertThat(ConsoleFixture.api(console).resourceByPath("/pets/{petId}")).isPresent();

        // when the clone is deployed to a new stage v2
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isPresent());
        robot.clickOn("#deployNewStage");
        robot.doubleClickOn("#deployStageName").eraseText(20).write("v2");
        robot.clickOn("#deployOk");
        ConsoleFixture.waitUntil(() -> robot.lookup("#deployDialog").tryQuery().isEmpty());

        // then the clone has its stage and PetStore keeps its own
        String clone = ConsoleFixture.api(console).id();
        ConsoleFixture.waitUntil(() -> stages(clone).equals(java.util.List.of("v2")));
        String petstore = console.workbench().apisProperty().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow().id();
        assertThat(stages(petstore)).contains("prod");
    }

    @Test
    void aMethodCreatedAsHttpCallsTheEndpointTheUserTyped(FxRobot robot) {
        // given the root resource selected
        robot.clickOn("#tree-_");

        // when the user adds a POST, chooses HTTP, and types the endpoint
        robot.clickOn("#resourceAddMethod");
        ConsoleFixture.clickMenuItem(robot, "POST");
        ConsoleFixture.waitUntil(() -> robot.lookup("#createMethodDialog").tryQuery().isPresent());
        robot.clickOn("#createMethodType-HTTP");
        // an empty endpoint cannot be created: the dialog says what is missing
        assertThat(robot.lookup("#createMethodOk").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#createMethodProblem").queryAs(Label.class).getText()).startsWith("Enter the endpoint URL");
        robot.clickOn("#createMethodTarget").write("ftp://example.com");
        assertThat(robot.lookup("#createMethodProblem").queryAs(Label.class).getText()).isEqualTo("The endpoint URL must start with http:// or https://");
        robot.doubleClickOn("#createMethodTarget").eraseText(30).write("https://petstore.example.com/pets");
        robot.clickOn("#createMethodOk");

        // then POST / is an HTTP integration calling that endpoint with POST, and it is open in the method view
        ConsoleFixture.waitUntil(() -> rootMethod("POST") != null);
        Integration integration = rootMethod("POST").methodIntegration();
        assertThat(integration.type()).isEqualTo(IntegrationType.HTTP);
        assertThat(integration.uri()).isEqualTo("https://petstore.example.com/pets");
        assertThat(integration.httpMethod()).isEqualTo("POST");
        ConsoleFixture.waitUntil(() -> "POST /".equals(robot.lookup("#methodTitle").queryAs(Label.class).getText()));
        assertThat(console.workbench().undoTextProperty().get()).isEqualTo("Undo Create method POST /");
    }

    @Test
    void deletingAnApiNamesItsStagesAndCanBeUndone(FxRobot robot) {
        // given PetStore, served by stage prod
        String petstore = ConsoleFixture.api(console).id();

        // when File → Delete API… is chosen
        robot.clickOn("File");
        robot.clickOn("Delete API…");

        // then the confirmation names the stage that goes with it
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getContentText()).contains("Stage prod").contains("Edit → Undo");

        // when confirmed, PetStore is gone and another API is selected; undo brings it back
        robot.clickOn(robot.from(pane).lookup((Button b) -> "Delete API".equals(b.getText())).queryButton());
        ConsoleFixture.waitUntil(() -> console.workbench().apisProperty().stream().noneMatch(a -> a.id().equals(petstore)));
        ConsoleFixture.waitUntil(() -> console.workbench().selectedApi().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> console.workbench().apisProperty().stream().anyMatch(a -> a.id().equals(petstore)));
        assertThat(stages(petstore)).contains("prod");
    }

    @Test
    void aTemplateWithASyntaxErrorIsNotSavedAndSaysWhereInWords(FxRobot robot) {
        // given GET /'s integration response templates open
        robot.clickOn("#tree-GET-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#methodTitle").tryQuery().isPresent());
        robot.clickOn("#phase-integration-response");
        String before = responseTemplate("/");

        // when an unclosed #if is typed and saved (Ctrl+S)
        robot.clickOn("#responseTemplates-code");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        robot.write("#if($input.path('$.a') == 1)\n{\"a\": 1}\n");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        // then it is not stored, the problem names line and column in words, and Save stays disabled
        ConsoleFixture.waitUntil(() -> !robot.lookup("#responseTemplates-problem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#responseTemplates-problem").queryAs(Label.class).getText())
                .matches("Not saved: line \\d+, column \\d+: the template ends before .*").doesNotContain("Encountered");
        assertThat(robot.lookup("#responseTemplates-save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(responseTemplate("/")).isEqualTo(before);
    }

    @Test
    void corsIsEnabledFromTheResourceItself(FxRobot robot) {
        // given the root resource / selected (it has no OPTIONS method yet)
        robot.clickOn("#tree-_");
        ConsoleFixture.waitUntil(() -> robot.lookup("#resourceEnableCors").tryQuery().isPresent());

        // when Enable CORS is pressed on the resource and confirmed
        robot.clickOn("#resourceEnableCors");
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(robot.from(pane).lookup((Button b) -> "Enable CORS".equals(b.getText())).queryButton());

        // then / answers the preflight with an OPTIONS MOCK
        ConsoleFixture.waitUntil(() -> rootMethod("OPTIONS") != null);
        assertThat(rootMethod("OPTIONS").methodIntegration().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(console.workbench().undoTextProperty().get()).isEqualTo("Undo Enable CORS on /");
    }

    private String responseTemplate(String path) {
        return ConsoleFixture.api(console).resourceByPath(path).map(r -> r.method("GET"))
                .map(m -> m.methodIntegration().integrationResponses().get("200"))
                .map(r -> r.responseTemplates().get("text/html")).orElse(null);
    }

    private java.util.List<String> stages(String apiId) {
        return console.workbench().session().orElseThrow().stages(apiId).stream().map(dev.gatehouse.engine.model.Stage::stageName).toList();
    }

    private Method rootMethod(String verb) {
        return ConsoleFixture.api(console).root().method(verb);
    }

    @SuppressWarnings("unchecked")
    private static String selectorText(FxRobot robot) {
        ComboBox<ApiDefinition> selector = robot.lookup("#apiSelector").queryAs(ComboBox.class);
        ApiDefinition value = selector.getValue();
        return value == null ? "" : value.name();
    }
}
