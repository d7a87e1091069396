package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The Dashboard opens on something to measure: the first deployed stage of the selected API; and an API with no
 * deployed stage says so and where to go, instead of empty charts.
 */
class DashboardViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void thePageOpensOnTheFirstDeployedStageOfTheSelectedApi() {
        try (Harness h = Harness.sample()) {
            // given the sample workspace, PetStore selected (deployed to its one stage, prod, per the README)
            // when the Dashboard's view model is made
            DashboardViewModel vm = new DashboardViewModel(h.workbench, h.workbench.tasks(), CLOCK);

            // then prod is chosen without a click, and nothing says a stage is missing
            assertThat(vm.stages()).containsExactly("prod");
            assertThat(vm.stageProperty().get()).isEqualTo("prod");
            assertThat(vm.nothingDeployedProperty().get()).isFalse();
            assertThat(vm.messageProperty().get()).startsWith("No requests to prod in this range yet");
        }
    }

    @Test
    void anApiWithNoDeployedStageSaysSoAndNamesDeploy() {
        try (Harness h = Harness.sample()) {
            DashboardViewModel vm = new DashboardViewModel(h.workbench, h.workbench.tasks(), CLOCK);

            // when a new API is created (and selected): it has no stage yet
            h.createMockApi("Fresh", "{}");

            // then no stage is chosen, and the page says the API has nothing deployed and how to deploy it
            assertThat(vm.stages()).isEmpty();
            assertThat(vm.stageProperty().get()).isNull();
            assertThat(vm.nothingDeployedProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo("Fresh has no deployed stage yet: deploy it "
                    + "(Deploy → Deploy API…, Ctrl+Shift+E) and its stage's requests show here.");
        }
    }

    @Test
    void aFirstDeployOfTheApiChoosesItsNewStage() {
        try (Harness h = Harness.sample()) {
            DashboardViewModel vm = new DashboardViewModel(h.workbench, h.workbench.tasks(), CLOCK);
            String api = h.createMockApi("Fresh", "{}").id();
            assertThat(vm.nothingDeployedProperty().get()).isTrue();

            // when the API is deployed to a new stage beta (the workspace changes, so the page reloads its stages)
            h.workbench.change("Deploy", s -> s.deploy(api, "beta", "first"), d -> { });

            // then beta is chosen and the "nothing deployed" state is gone
            assertThat(vm.stages()).containsExactly("beta");
            assertThat(vm.stageProperty().get()).isEqualTo("beta");
            assertThat(vm.nothingDeployedProperty().get()).isFalse();
        }
    }
}
