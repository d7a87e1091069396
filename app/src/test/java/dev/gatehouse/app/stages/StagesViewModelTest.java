package dev.gatehouse.app.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.deploy.DeployViewModel;
import dev.gatehouse.app.stages.StagesViewModel.DeploymentRow;
import dev.gatehouse.engine.deploy.DeploymentDiff;
import dev.gatehouse.engine.model.Stage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StagesViewModelTest {
    private final Harness ws = Harness.empty();
    private StagesViewModel vm;
    private String apiId;
    private String first;
    private String second;

    /** Shop deployed twice to dev: {"v": 1}, then {"v": 2}. */
    @BeforeEach
    void twoDeploymentsOnDev() {
        apiId = ws.createMockApi("Shop", "{\"v\": 1}").id();
        vm = new StagesViewModel(ws.workbench);
        DeployViewModel deploy = new DeployViewModel(ws.workbench, d -> {});
        deploy.prepare(null);
        deploy.descriptionProperty().set("v1");
        deploy.deploy();
        first = deploy.lastDeploymentProperty().get().deploymentId();
        ws.editBody("{\"v\": 2}");
        deploy.prepare("dev");
        deploy.descriptionProperty().set("v2");
        deploy.deploy();
        second = deploy.lastDeploymentProperty().get().deploymentId();
        assertThat(ws.dialogs.errors).isEmpty();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Stage dev() {
        return ws.gateway().workspace().stage(apiId, "dev").orElseThrow();
    }

    private DeploymentRow row(String id) {
        return vm.deployments().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void historyListsDeploymentsNewestFirstWithTheCurrentOneMarked() {
        assertThat(vm.stages()).extracting(StagesViewModel.StageRow::stageName).containsExactly("dev");
        assertThat(vm.selectedStageNameProperty().get()).isEqualTo("dev");
        assertThat(vm.deployments()).extracting(DeploymentRow::description).containsExactlyInAnyOrder("v1", "v2");
        assertThat(vm.deployments()).filteredOn(DeploymentRow::current).extracting(DeploymentRow::id).containsExactly(second);
    }

    @Test
    void afterARedeployTheDiffShowsTheChangedTemplate() {
        // the default comparison is what the stage served before against what it serves now
        assertThat(vm.diffFromProperty().get().id()).isEqualTo(first);
        assertThat(vm.diffToProperty().get().id()).isEqualTo(second);
        assertThat(vm.diff()).extracting(DeploymentDiff.Entry::subject, DeploymentDiff.Entry::detail,
                        DeploymentDiff.Entry::before, DeploymentDiff.Entry::after, DeploymentDiff.Entry::breaking)
                .containsExactly(tuple("GET /", "integration response 200: template application/json", "{\"v\": 1}", "{\"v\": 2}", false));
        assertThat(vm.diffSummaryProperty().get()).isEqualTo("1 change from " + first + " to " + second);

        // and any two deployments compare, either way round
        vm.compare(row(second), row(first));
        assertThat(vm.diff()).singleElement().extracting(DeploymentDiff.Entry::after).isEqualTo("{\"v\": 1}");
        // but a deployment against itself is no comparison: the page asks for two different ones
        vm.compare(row(first), row(first));
        assertThat(vm.diff()).isEmpty();
        assertThat(vm.diffSummaryProperty().get()).isEqualTo("Choose two different deployments to compare.");
        assertThat(vm.canCompareProperty().get()).isTrue();
    }

    @Test
    void aSingleDeploymentIsShownWithoutAComparisonAndTheSummarySaysWhy() {
        // given another API deployed once to its stage beta
        try (Harness once = Harness.empty()) {
            once.createMockApi("Once", "{\"v\": 1}");
            DeployViewModel deploy = new DeployViewModel(once.workbench, d -> {});
            deploy.prepare(null);
            deploy.newStageNameProperty().set("beta");
            deploy.deploy();
            String only = deploy.lastDeploymentProperty().get().deploymentId();

            // when its Stages page shows beta
            StagesViewModel page = new StagesViewModel(once.workbench);

            // then the one deployment is listed, nothing is compared, and the summary says there is only one
            assertThat(page.deployments()).extracting(DeploymentRow::id).containsExactly(only);
            assertThat(page.canCompareProperty().get()).isFalse();
            assertThat(page.diff()).isEmpty();
            assertThat(page.diffSummaryProperty().get()).startsWith("Only one deployment so far (" + only + ")")
                    .doesNotContain("No changes between");
        }
    }

    @Test
    void rollbackPointsTheStageBackInOneUndoableEdit() {
        // when the stage is rolled back to the first deployment
        vm.rollback(row(first));

        // then the stage serves it, the history marks it, and Undo returns to the second
        assertThat(dev().deploymentId()).isEqualTo(first);
        assertThat(row(first).current()).isTrue();
        assertThat(vm.noticeProperty().get()).contains("now serves deployment " + first);
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Roll back stage dev to " + first);
        ws.workbench.undo();
        assertThat(dev().deploymentId()).isEqualTo(second);
        assertThat(row(second).current()).isTrue();
    }

    @Test
    void stageVariablesAreCheckedWithAwsRulesAndSavedAsOneUndoableEdit() {
        StageVariablesViewModel variables = vm.variables();

        // when a variable with an invalid name is added
        VariableRow row = variables.add();
        row.nameProperty().set("bad name");
        row.valueProperty().set("api.example.com");

        // then AWS's message shows and Save is off
        assertThat(variables.table().errorProperty().get())
                .isEqualTo("Stage variable name bad name is invalid: only a-zA-Z0-9_ and at most 64 characters are allowed");
        assertThat(variables.canSaveProperty().get()).isFalse();
        assertThat(ws.workbench.hasUnsavedChanges()).isTrue();

        // when it is fixed and saved
        row.nameProperty().set("host");
        variables.save();

        // then the stage has it, nothing is left unsaved, and Undo removes it
        assertThat(dev().variables()).isEqualTo(Map.of("host", "api.example.com"));
        assertThat(variables.table().dirtyProperty().get()).isFalse();
        assertThat(ws.workbench.hasUnsavedChanges()).isFalse();
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Set variables of stage dev");
        ws.workbench.undo();
        assertThat(dev().variables()).isEmpty();
        assertThat(variables.table().rows()).isEmpty();
    }

    @Test
    void duplicateVariableNamesAreRefused() {
        vm.variables().add().nameProperty().set("a");
        vm.variables().add().nameProperty().set("a");

        assertThat(vm.variables().table().errorProperty().get()).isEqualTo("Duplicate stage variable name a");
    }

    @Test
    void canaryIsValidatedSavedAndRemovedAsUndoableEdits() {
        CanaryViewModel canary = vm.canary();
        assertThat(canary.activeProperty().get()).isFalse();
        assertThat(canary.deploymentIdProperty().get()).isEqualTo(first); // the newest one the stage does not serve

        // when an impossible share is typed
        canary.percentProperty().set("150");
        assertThat(canary.errorProperty().get()).isEqualTo("Canary traffic percentage must be between 0.0 and 100.0");

        // when a valid canary with an override is saved
        canary.percentProperty().set("25");
        VariableRow override = canary.overrides().add();
        override.nameProperty().set("flavour");
        override.valueProperty().set("canary");
        canary.save();

        // then the stage carries it
        Stage.CanarySettings saved = dev().canarySettings();
        assertThat(saved.percentTraffic()).isEqualTo(25.0);
        assertThat(saved.deploymentId()).isEqualTo(first);
        assertThat(saved.stageVariableOverrides()).isEqualTo(Map.of("flavour", "canary"));
        assertThat(canary.activeProperty().get()).isTrue();
        assertThat(vm.stages().getFirst().canary()).isEqualTo("25.0% → " + first);

        // and removing it is one edit that Undo reverts
        canary.remove();
        assertThat(dev().canarySettings()).isNull();
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Remove canary of stage dev");
        ws.workbench.undo();
        assertThat(dev().canarySettings()).isNotNull();
    }
}
