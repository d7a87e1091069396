package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Observations.LogFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Logs page's filters become the store's search, and malformed ones are refused in the product's words. */
class LogsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void theFiltersBecomeOneSearch() {
        try (Harness h = Harness.petStore()) {
            LogsViewModel vm = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), CLOCK);
            vm.rangeProperty().set(TimeRange.FIVE_MINUTES);
            vm.statusProperty().set("5xx");
            vm.methodProperty().set("POST");
            vm.pathGlobProperty().set(" /pets/* ");
            vm.minLatencyProperty().set("250");
            LogFilter f = vm.filter("api1");
            assertThat(f).isEqualTo(new LogFilter("api1", null, Instant.parse("2026-12-02T17:55:01Z"),
                    Instant.parse("2026-12-02T18:00:01Z"), "5xx", "POST", "/pets/*", null, null, 250.0, 500));
        }
    }

    @Test
    void aMalformedLatencyOrStatusIsRefusedNamingTheFilter() {
        try (Harness h = Harness.petStore()) {
            LogsViewModel vm = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), CLOCK);
            vm.minLatencyProperty().set("fast");
            assertThatThrownBy(() -> vm.filter("api1")).hasMessage("Min latency must be a number of milliseconds, not 'fast'");
            vm.minLatencyProperty().set("");
            vm.statusProperty().set("6xx");
            assertThatThrownBy(() -> vm.filter("api1")).hasMessage("Status must be a class such as 5xx or a code such as 404, not '6xx'");
            vm.search();
            assertThat(vm.noticeProperty().get()).isEqualTo("Status must be a class such as 5xx or a code such as 404, not '6xx'");
        }
    }

    @Test
    void logThisStageWithAnyChosenLogsTheApisOnlyStage() {
        try (Harness h = Harness.sample()) {
            // given PetStore, whose one stage is prod (README), and the Stage filter left at Any
            LogsViewModel vm = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), CLOCK);
            assertThat(vm.stageProperty().get()).isEqualTo(LogsViewModel.ANY);

            // when "Log this stage" is pressed
            vm.logStage();

            // then prod logs at INFO with data, and the filter names it
            var prod = h.session().stages(h.api().id()).stream().filter(s -> s.stageName().equals("prod")).findFirst().orElseThrow();
            assertThat(prod.methodSettings().get("*/*").loggingLevel()).isEqualTo(dev.gatehouse.engine.model.LoggingLevel.INFO);
            assertThat(vm.stageProperty().get()).isEqualTo("prod");
            assertThat(vm.noticeProperty().get()).isEqualTo("Stage prod now logs every request (INFO, with data).");
        }
    }

    @Test
    void logThisStageOnAnApiWithNoStageSaysToDeployFirst() {
        try (Harness h = Harness.sample()) {
            LogsViewModel vm = new LogsViewModel(h.workbench, h.workbench.tasks(), h.workbench.tasks(), CLOCK);
            h.createMockApi("Fresh", "{}");

            vm.logStage();

            assertThat(vm.noticeProperty().get()).isEqualTo("This API has no stage to log yet: deploy it first (Deploy → Deploy API…).");
        }
    }
}
