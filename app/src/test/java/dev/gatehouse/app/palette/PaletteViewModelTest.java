package dev.gatehouse.app.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.shell.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {
    private final Harness h = Harness.sample();
    private final List<Page> pages = new ArrayList<>();
    private final List<String> stages = new ArrayList<>();
    private final PaletteViewModel vm = new PaletteViewModel(h.workbench, pages::add, (api, stage) -> stages.add(api + "/" + stage));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void listsEveryResourceMethodAndStageOfTheWorkspace() {
        vm.refresh();

        assertThat(vm.matches()).extracting(PaletteEntry::label)
                .contains("/pets", "GET /pets", "POST /pets", "GET /pets/{petId}", "Stage prod", "POST /items", "Stage dev");
    }

    @Test
    void wordsNarrowTheListAndTheBestMatchComesFirst() {
        vm.refresh();

        vm.queryProperty().set("get pets");

        assertThat(vm.matches()).extracting(PaletteEntry::label).startsWith("GET /pets", "GET /pets/{petId}")
                .allMatch(label -> label.startsWith("GET "));
        vm.queryProperty().set("/items");
        assertThat(vm.matches().getFirst().label()).isEqualTo("/items");
    }

    @Test
    void jumpingToAMethodOfAnotherApiSelectsThatApiAndTheMethod() {
        vm.refresh();
        vm.queryProperty().set("get items");
        PaletteEntry entry = vm.matches().getFirst();

        vm.jump(entry);

        assertThat(h.api().name()).isEqualTo(entry.apiName());
        assertThat(h.workbench.selectionProperty().get()).isEqualTo(Selection.method(entry.resourceId(), "GET"));
        assertThat(pages).containsExactly(Page.RESOURCES);
    }

    @Test
    void jumpingToAStageShowsTheStagesPage() {
        vm.refresh();
        vm.queryProperty().set("prod");

        vm.jump(vm.matches().getFirst());

        assertThat(pages).containsExactly(Page.STAGES);
        assertThat(stages).containsExactly("petstore01/prod");
    }
}
