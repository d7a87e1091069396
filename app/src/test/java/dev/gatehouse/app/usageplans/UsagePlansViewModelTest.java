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
}
