package dev.gatehouse.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Outcome;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Resource Policy page's view-model on the sample workspace (PetStore, stage prod), with the engine's checks. */
class ResourcePolicyViewModelTest {
    private final Harness h = Harness.sample();
    private final ResourcePolicyViewModel vm = new ResourcePolicyViewModel(h.workbench);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void anApiWithoutAPolicySaysEveryCallerIsAdmitted() {
        assertThat(vm.titleProperty().get()).isEqualTo("Resource policy of " + h.api().restApi().name());
        assertThat(vm.textProperty().get()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("No resource policy: every caller may invoke the API");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.hasPolicyProperty().get()).as("nothing for Remove policy to remove").isFalse();
    }

    @Test
    void removePolicyIsOfferedWhileAPolicyIsStored() {
        // given AWS's allow-everyone policy saved
        vm.textProperty().set("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", "
                + "\"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*\"}]}");
        assertThat(vm.hasPolicyProperty().get()).as("typed, not stored").isFalse();
        vm.save();
        assertThat(h.api().restApi().policy()).isNotNull();
        assertThat(vm.hasPolicyProperty().get()).isTrue();

        // when it is removed, then there is nothing left to remove
        vm.removePolicy();
        assertThat(h.api().restApi().policy()).isNull();
        assertThat(vm.hasPolicyProperty().get()).isFalse();
    }

    @Test
    void aTemplateWithAMistypedAddressIsCheckedAndCannotBeSavedUntilFixed() {
        vm.templateAddressesProperty().set("10.0.0.0/8, 10.0.0.1/40");
        vm.insertTemplate(PolicyTemplate.SOURCE_IP_ALLOW_LIST);

        assertThat(vm.textProperty().get()).contains("arn:aws:execute-api:us-east-1:123456789012:" + h.api().id() + "/*")
                .contains("[\"10.0.0.0/8\", \"10.0.0.1/40\"]");
        assertThat(vm.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("\"10.0.0.1/40\"");
        });
        assertThat(vm.summaryProperty().get()).startsWith("1 error, 0 warnings");
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.textProperty().set(vm.textProperty().get().replace("/40", "/32"));
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void savingIsOneUndoableEditStoredAsTheApisPolicyAndRemoveTakesItAway() {
        String name = h.api().restApi().name();
        vm.insertTemplate(PolicyTemplate.SOURCE_IP_DENY_LIST);
        String text = vm.textProperty().get();

        vm.save();

        assertThat(h.api().restApi().policy()).isEqualTo(text);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Saved.");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Change resource policy of " + name);

        h.workbench.undo();
        assertThat(h.api().restApi().policy()).isNull();
        assertThat(vm.textProperty().get()).isEmpty();

        h.workbench.redo();
        assertThat(vm.textProperty().get()).isEqualTo(text);
        vm.removePolicy();
        assertThat(h.api().restApi().policy()).isNull();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Remove resource policy of " + name);
    }

    @Test
    void checkARequestUsesTheEditorsTextAndRefusesAnAddressThatIsNotOne() {
        vm.templateAddressesProperty().set("192.0.2.0/24");
        vm.insertTemplate(PolicyTemplate.SOURCE_IP_DENY_LIST);
        vm.stageProperty().set("prod");
        vm.methodProperty().set("DELETE");
        vm.pathProperty().set("pets/7");

        vm.sourceIpProperty().set("192.0.2.10");
        vm.checkRequest();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(vm.outcomeTextProperty().get()).isEqualTo("Deny (explicit)");
        assertThat(vm.reasonProperty().get()).startsWith("Denied explicitly by statement 2 (Sid DenyListedAddresses)");
        assertThat(vm.methodArnProperty().get())
                .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:" + h.api().id() + "/prod/DELETE/pets/7");

        vm.sourceIpProperty().set("198.51.100.1");
        vm.checkRequest();
        assertThat(vm.outcomeTextProperty().get()).isEqualTo("Allow");

        vm.sourceIpProperty().set("my laptop");
        vm.checkRequest();
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.reasonProperty().get()).startsWith("Enter the caller's IP address");
    }

    @Test
    void checkARequestOffersOnlyTheApisOwnStagesAndSaysSoWhenItHasNone() {
        // given PetStore, deployed to its one stage prod
        assertThat(vm.stageChoices()).containsExactly("prod");
        assertThat(vm.stageProperty().get()).isEqualTo("prod");
        assertThat(vm.stageNoteProperty().get()).isEmpty();

        // when a new API without any stage is shown
        h.workbench.createApi("Toys");

        // then no stage is offered or kept from PetStore, and the page says why and what to do
        assertThat(vm.stageChoices()).isEmpty();
        assertThat(vm.stageProperty().get()).isNull();
        assertThat(vm.hasStagesProperty().get()).isFalse();
        assertThat(vm.stageNoteProperty().get()).startsWith("This API has no stages yet").contains("Deploy the API");

        // and checking a request explains instead of evaluating against a stage that does not exist
        vm.checkRequest();
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.methodArnProperty().get()).isEmpty();
        assertThat(vm.reasonProperty().get()).startsWith("This API has no stages yet");
    }

    @Test
    void aStageNameThatIsNotOneOfTheApisStagesIsRefused() {
        vm.stageProperty().set("staging");

        vm.checkRequest();

        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.reasonProperty().get()).isEqualTo("Choose one of the API's stages: prod");
    }

    @Test
    void withNoApiOpenThereIsNoStageAndNoNote() {
        // given a workspace without APIs (the console starts its pages before any API is shown)
        try (Harness none = Harness.empty()) {
            ResourcePolicyViewModel page = new ResourcePolicyViewModel(none.workbench);

            assertThat(page.stageChoices()).isEmpty();
            assertThat(page.stageProperty().get()).isNull();
            assertThat(page.stageNoteProperty().get()).isEmpty();
            assertThat(page.hasStagesProperty().get()).isFalse();
        }
    }
}
