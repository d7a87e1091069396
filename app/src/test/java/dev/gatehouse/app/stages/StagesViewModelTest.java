package dev.gatehouse.app.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.FakeSession;
import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagesViewModelTest {

    @Test
    void listsStagesWithTheirDeploymentAndVariables() {
        FakeSession session = new FakeSession(FakeSession.petStore());
        session.putStages("pets01", List.of(Stage.of("prod", "dep2", 0).withVariables(Map.of("host", "api.example.com"), 0),
                Stage.of("dev", "dep1", 0)));
        Harness h = new Harness(session);

        StagesViewModel vm = new StagesViewModel(h.workbench);

        assertThat(vm.stages()).extracting(StagesViewModel.StageRow::stageName).containsExactly("dev", "prod");
        vm.selectedProperty().set(vm.stages().get(1));
        assertThat(vm.variables()).singleElement().extracting(Map.Entry::getValue).isEqualTo("api.example.com");
    }
}
