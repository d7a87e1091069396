package dev.gatehouse.app.usageplans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsagePlansViewModelTest {
    private final Harness ws = Harness.sample();
    private final UsagePlansViewModel vm = new UsagePlansViewModel(ws.workbench);

    @AfterEach
    void close() {
        ws.close();
    }

    private UsagePlan stored() {
        return ws.session().traffic().usagePlans().getFirst();
    }

    @Test
    void aPlanIsSavedWithItsStageThrottlePerMethodThrottleAndQuota() {
        // given a new plan on PetStore's prod
        vm.create("Basic");
        UsagePlansViewModel.ApiChoice petStore = vm.apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow();
        vm.addStage(petStore, "prod");
        vm.rateProperty().set("10");
        vm.burstProperty().set("20");
        vm.putMethodThrottle(vm.stages().getFirst(), "get /pets", "2", "4");
        vm.quotaEnabledProperty().set(true);
        vm.quotaLimitProperty().set("1000");
        vm.periodProperty().set(QuotaPeriod.WEEK);
        vm.offsetProperty().set("1");

        // when it is saved
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.save()).isTrue();

        // then AWS's shape is stored: "/pets/GET" keys the per-method throttle
        UsagePlan plan = stored();
        assertThat(plan.throttle()).isEqualTo(new UsagePlan.ThrottleSettings(20, 10.0));
        assertThat(plan.quota()).isEqualTo(new UsagePlan.QuotaSettings(1000, 1, QuotaPeriod.WEEK));
        assertThat(plan.apiStages()).containsExactly(new UsagePlan.ApiStage(petStore.id(), "prod",
                Map.of("/pets/GET", new UsagePlan.ThrottleSettings(4, 2.0))));
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Save usage plan Basic");
    }

    @Test
    void aPlanJustCreatedOrSavedHasNothingToSaveOrRevertUntilTheFormChanges() {
        vm.create("Basic");
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.changedProperty().get()).as("just created").isFalse();

        vm.rateProperty().set("10");
        vm.burstProperty().set("20");
        assertThat(vm.changedProperty().get()).isTrue();
        vm.revert();
        assertThat(vm.changedProperty().get()).as("reverted").isFalse();
        assertThat(vm.rateProperty().get()).isEmpty();

        vm.descriptionProperty().set("for partners");
        assertThat(vm.changedProperty().get()).isTrue();
        assertThat(vm.save()).isTrue();
        assertThat(vm.changedProperty().get()).as("saved").isFalse();
        assertThat(stored().description()).isEqualTo("for partners");

        vm.descriptionProperty().set("for partners, again");
        vm.descriptionProperty().set("for partners");
        assertThat(vm.changedProperty().get()).as("edited back to what is stored").isFalse();
    }

    @Test
    void limitsOutsideAwsRangesAreRefusedInWords() {
        vm.create("Basic");
        vm.rateProperty().set("10");
        assertThat(vm.problemProperty().get()).isEqualTo("Set both the throttle rate and burst, or neither (no throttle)");
        vm.burstProperty().set("-1");
        assertThat(vm.problemProperty().get()).isEqualTo("Throttle burst (requests) must be a whole number from 0 to 5000 (not \"-1\")");
        vm.burstProperty().set("5");
        vm.quotaEnabledProperty().set(true);
        vm.quotaLimitProperty().set("100");
        vm.periodProperty().set(QuotaPeriod.WEEK);
        vm.offsetProperty().set("7");
        assertThat(vm.problemProperty().get())
                .isEqualTo("Quota offset for a WEEK period (0 = Sunday) must be a whole number from 0 to 6 (not \"7\")");
        assertThat(vm.save()).isFalse();
    }

    @Test
    void keysAreAddedAtOnceAndTheUsageOfEachKeyIsReadPerDay() {
        vm.create("Basic");
        ws.session().traffic().createApiKey("partner", null, null, true);
        vm.refreshUsage();
        UsagePlansViewModel.KeyChoice partner = vm.otherKeys().getFirst();
        vm.addKey(partner);
        assertThat(stored().keyIds()).containsExactly(partner.id());
        assertThat(vm.planKeys()).extracting(UsagePlansViewModel.KeyChoice::name).containsExactly("partner");
        // no requests yet: seven days of zero for the key
        assertThat(vm.usage()).hasSize(UsagePlansViewModel.USAGE_DAYS).allMatch(p -> p.used() == 0 && p.keyName().equals("partner"));
    }

    /** A plan "Basic" on PetStore/prod with a quota of {@code limit} per DAY and the key "partner" in it. */
    private UsagePlansViewModel.KeyChoice basicWithPartner(int limit) {
        vm.create("Basic");
        vm.addStage(vm.apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow(), "prod");
        vm.quotaEnabledProperty().set(true);
        vm.quotaLimitProperty().set(String.valueOf(limit));
        assertThat(vm.save()).isTrue();
        ws.session().traffic().createApiKey("partner", null, null, true);
        vm.refreshUsage();
        vm.addKey(vm.otherKeys().getFirst());
        return vm.planKeys().getFirst();
    }

    @Test
    void theRemainingQuotaOfAKeyIsSetOnTheEngineAndTheUsageShowsIt() {
        UsagePlansViewModel.KeyChoice partner = basicWithPartner(2);
        ws.dialogs.textAnswer = "5";
        vm.setRemainingAsking(partner);

        assertThat(ws.dialogs.errors).isEmpty();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(ws.session().traffic().usage(stored().id(), partner.id(), today, today).values())
                .as("[used, remaining] today, from the engine").isEqualTo(Map.of(partner.id(), java.util.List.of(java.util.List.of(0L, 5L))));
        assertThat(vm.noticeProperty().get()).isEqualTo("partner has 5 requests left in today's quota of Basic");
        assertThat(vm.usageSummaryProperty().get()).isEqualTo("partner: 0 requests today, 5 left in today's quota");
        assertThat(ws.workbench.undoTextProperty().get()).as("usage is runtime data, not an undoable edit")
                .isEqualTo("Undo Add API key partner to usage plan Basic");
    }

    @Test
    void aRemainingQuotaThatIsNotAWholeNumberIsRefusedInWordsAndChangesNothing() {
        UsagePlansViewModel.KeyChoice partner = basicWithPartner(2);
        ws.dialogs.textAnswer = "-1";
        vm.setRemainingAsking(partner);
        assertThat(ws.dialogs.errors).containsExactly("Cannot set the remaining quota of partner: Remaining requests must be "
                + "a whole number from 0 to 2147483647 (not \"-1\")");
        assertThat(vm.usageSummaryProperty().get()).isEqualTo("partner: 0 requests today, 2 left in today's quota");
    }

    @Test
    void aPlanWithoutAQuotaSaysSoInsteadOfAskingForARemainingQuota() {
        UsagePlansViewModel.KeyChoice partner = basicWithPartner(2);
        vm.quotaEnabledProperty().set(false);
        assertThat(vm.save()).isTrue();
        ws.dialogs.textAnswer = "5";
        vm.setRemainingAsking(vm.planKeys().getFirst());
        assertThat(ws.dialogs.errors).containsExactly("Cannot set the remaining quota of partner: Usage plan Basic has no "
                + "quota: enable one on the Details tab and save the plan first");
        assertThat(partner.name()).isEqualTo("partner");
    }
}
