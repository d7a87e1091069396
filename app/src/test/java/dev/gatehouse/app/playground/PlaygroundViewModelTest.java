package dev.gatehouse.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.core.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlaygroundViewModelTest {
    private final PlaygroundViewModel vm = new PlaygroundViewModel(TaskRunner.sameThread(), PlaygroundViewModel.Kind.REQUEST);

    @Test
    void rendersInputParamsAgainstTheSampleAndListsWhatItResolved() {
        vm.pathParametersProperty().set("id=42");
        vm.templateProperty().set("{\"id\": \"$input.params('id')\", \"env\": \"$stageVariables.env\"}");

        vm.render();

        assertThat(vm.outputProperty().get()).isEqualTo("{\"id\": \"42\", \"env\": \"dev\"}");
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).startsWith("Rendered in");
        assertThat(vm.resolved()).contains(new PlaygroundViewModel.ResolvedValue("$input.params.path.id", "42"),
                new PlaygroundViewModel.ResolvedValue("$stageVariables.env", "dev"),
                new PlaygroundViewModel.ResolvedValue("$context.stage", "test-invoke-stage"));
    }

    @Test
    void bodyQueryAndHeadersReachTheTemplate() {
        vm.bodyProperty().set("{\"name\": \"Rex\"}");
        vm.queryStringProperty().set("?type=cat%20s");
        vm.headersProperty().set("X-Trace: abc");
        vm.templateProperty().set("$input.path('$.name') $input.params('type') $input.params().header.get('X-Trace')");

        vm.render();

        assertThat(vm.outputProperty().get()).isEqualTo("Rex cat s abc");
    }

    @Test
    void aSyntaxErrorComesBackWithItsLineAndColumn() {
        vm.templateProperty().set("{\n  \"a\": #if(\n}");

        vm.render();

        PlaygroundViewModel.TemplateError error = vm.errorProperty().get();
        assertThat(error).isNotNull();
        assertThat(error.line()).isBetween(2, 3); // the parser stops where the #if( turns out unclosed
        assertThat(vm.outputProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Error at line " + error.line() + ", column " + error.column());
        assertThat(error.offsetIn("{\n  \"a\": #if(\n}")).isBetween(2, 14);
    }

    @Test
    void aMalformedSampleLineIsNamedWithoutRendering() {
        vm.headersProperty().set("no colon here");

        vm.render();

        assertThat(vm.statusProperty().get()).isEqualTo("Header line 1 must read name: value");
    }

    @Test
    void everyInputChangeBumpsTheRevisionTheViewDebounces() {
        long before = vm.inputRevisionProperty().get();
        vm.templateProperty().set("a");
        vm.bodyProperty().set("b");
        assertThat(vm.inputRevisionProperty().get()).isEqualTo(before + 2);
    }

    @Test
    void aStaleResultIsDroppedWhenANewerRenderWasAskedFor() {
        DeferredRunner runner = new DeferredRunner();
        PlaygroundViewModel deferred = new PlaygroundViewModel(runner, PlaygroundViewModel.Kind.RESPONSE);
        deferred.templateProperty().set("first");
        deferred.render();
        deferred.templateProperty().set("second");
        deferred.render();

        runner.queue.get(1).run(); // the newer render finishes first
        runner.queue.get(0).run(); // the older one arrives late and must not replace it

        assertThat(deferred.outputProperty().get()).isEqualTo("second");
    }

    /** Queues work and runs it on demand, in any order. */
    private static final class DeferredRunner implements TaskRunner {
        final List<Runnable> queue = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            queue.add(() -> {
                try {
                    T result = work.call();
                    onSuccess.accept(result);
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override public void onUiThread(Runnable action) { action.run(); }
    }
}
