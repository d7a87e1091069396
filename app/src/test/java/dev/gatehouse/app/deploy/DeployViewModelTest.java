package dev.gatehouse.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployViewModelTest {
    private final Harness ws = Harness.empty();
    private final List<DeployViewModel.Deployed> deployed = new ArrayList<>();
    private final DeployViewModel vm = new DeployViewModel(ws.workbench, deployed::add);

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void newStageNameIsCheckedWithAwsMessagesAsItIsTyped() {
        // given an API with a method and the dialog prepared
        ws.createMockApi("Shop", "{\"v\": 1}");
        vm.prepare(null);
        assertThat(vm.newStageProperty().get()).isTrue();
        assertThat(vm.newStageNameProperty().get()).isEqualTo("dev");
        assertThat(vm.canDeployProperty().get()).isTrue();

        // when a name with a space is typed
        vm.newStageNameProperty().set("my stage");

        // then AWS's message shows and Deploy is off until the name is fixed
        assertThat(vm.stageErrorProperty().get()).isEqualTo("Stage name only allows a-zA-Z0-9_-");
        assertThat(vm.canDeployProperty().get()).isFalse();
        vm.newStageNameProperty().set("my_stage-2");
        assertThat(vm.stageErrorProperty().get()).isEmpty();
        assertThat(vm.canDeployProperty().get()).isTrue();
    }

    @Test
    void theDeployedNotificationNamesTheStagesInvokeUrlWhileTheDataPlaneServes() {
        // given an API with a method, the local data plane serving on a free port
        ws.createMockApi("Shop", "{\"v\": 1}");
        ws.session().serve("127.0.0.1", 0);
        vm.prepare(null);

        // when it is deployed to a new stage dev
        vm.deploy();

        // then the notification ends with the stage's local invoke URL (the workspace's only API is its default API,
        // served at plain /{stage}, as the Settings page says)
        assertThat(ws.dialogs.notifications).singleElement().asString()
                .matches("(?s)Deployed Shop: Stage dev now serves deployment \\w+\nInvoke URL: http://127\\.0\\.0\\.1:\\d+/dev");
    }

    @Test
    void deployCreatesTheStageAndTheNextDialogOffersItAsExisting() {
        // given an API with a method
        String apiId = ws.createMockApi("Shop", "{\"v\": 1}").id();
        vm.prepare(null);
        vm.descriptionProperty().set("first cut");

        // when it is deployed to a new stage dev
        vm.deploy();

        // then the stage serves the new deployment with its description, and the callback heard of it
        assertThat(ws.dialogs.errors).isEmpty();
        assertThat(vm.deployingProperty().get()).isFalse();
        DeployViewModel.Deployed done = vm.lastDeploymentProperty().get();
        assertThat(done.stageName()).isEqualTo("dev");
        assertThat(deployed).containsExactly(done);
        assertThat(ws.gateway().workspace().stage(apiId, "dev").orElseThrow().deploymentId()).isEqualTo(done.deploymentId());
        assertThat(ws.gateway().workspace().deployment(apiId, done.deploymentId()).orElseThrow().deployment().description())
                .isEqualTo("first cut");
        // and the notification says where to call it (the local data plane is not serving in this test: no URL)
        assertThat(ws.dialogs.notifications).containsExactly("Deployed Shop: Stage dev now serves deployment "
                + done.deploymentId() + ": first cut");

        // and the next time the dialog targets the existing stage; typing its name as a new stage is refused
        vm.prepare("dev");
        assertThat(vm.existingStages()).containsExactly("dev");
        assertThat(vm.newStageProperty().get()).isFalse();
        assertThat(vm.targetStage()).isEqualTo("dev");
        vm.newStageProperty().set(true);
        vm.newStageNameProperty().set("dev");
        assertThat(vm.stageErrorProperty().get()).isEqualTo("Stage already exists");
    }

    @Test
    void anApiWithoutMethodsIsSaidToHaveNothingToDeployBeforeDeployIsPressed() {
        // given a new, empty API (AWS answers CreateDeployment on it with 400 "The REST API doesn't contain any methods")
        ws.workbench.createApi("Empty");

        // when the dialog is prepared
        vm.prepare(null);

        // then it says so in plain words, with what to do and AWS's own message, and Deploy is off
        assertThat(vm.nothingToDeployProperty().get())
                .startsWith("Empty has no methods yet, so there is nothing to deploy. Add one first")
                .contains("Add method")
                .contains("\"The REST API doesn't contain any methods\"");
        assertThat(vm.canDeployProperty().get()).isFalse();

        // and pressing Deploy anyway deploys nothing and raises no error dialog
        vm.deploy();
        assertThat(ws.dialogs.errors).isEmpty();
        assertThat(vm.lastDeploymentProperty().get()).isNull();
        assertThat(ws.gateway().workspace().stages(ws.api().id())).isEmpty();
    }

    @Test
    void addingAMethodWhileTheDialogIsOpenLetsTheApiBeDeployed() {
        // given the dialog open on an empty API
        ws.workbench.createApi("Empty");
        vm.prepare(null);
        assertThat(vm.canDeployProperty().get()).isFalse();

        // when a method is added to its root
        ws.workbench.edit("Create method GET /", api -> api.updateResource(api.root().id(),
                r -> r.withMethod(dev.gatehouse.engine.model.Method.of("GET")
                        .withIntegration(dev.gatehouse.engine.model.Integration.mock()))));

        // then the note goes and Deploy comes on
        assertThat(vm.nothingToDeployProperty().get()).isEmpty();
        assertThat(vm.canDeployProperty().get()).isTrue();
    }

    @Test
    void deployIsUndoableLikeEveryOtherEdit() {
        // given a deploy to dev
        String apiId = ws.createMockApi("Shop", "{\"v\": 1}").id();
        vm.prepare(null);
        vm.deploy();

        // when the workbench undoes
        assertThat(ws.workbench.undoTextProperty().get()).startsWith("Undo Deploy");
        ws.workbench.undo();

        // then the stage is gone again
        assertThat(ws.gateway().workspace().stage(apiId, "dev")).isEmpty();
    }

    @Test
    void theDialogListsTheMethodsADeployedStageWillRefuseBeforeDeploying() {
        // given GET / requires IAM authorization and the workspace configures no access keys (.gatehouse/credentials),
        // so no signature can pass
        ws.createMockApi("Shop", "{\"v\": 1}");
        ws.workbench.edit("Require IAM", api -> api.updateResource(api.root().id(),
                r -> r.withMethod(r.method("GET").withAuthorization(
                        dev.gatehouse.engine.model.AuthorizationType.AWS_IAM, null, null))));

        // when the dialog is prepared
        vm.prepare(null);

        // then one warning names the method, the check, and AWS's answer to an unsigned call
        assertThat(vm.accessWarnings()).hasSize(1);
        assertThat(vm.accessWarnings().getFirst()).startsWith("GET / requires IAM (SigV4) authorization")
                .contains("403 {\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void anApiOpenToEveryoneHasNoAccessWarnings() {
        ws.createMockApi("Shop", "{\"v\": 1}");

        vm.prepare(null);

        assertThat(vm.accessWarnings()).isEmpty();
    }
}
