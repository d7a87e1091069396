package dev.gatehouse.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestTaskTest {

    /** Holds submitted work until {@link #runAll} (or runs it in reverse), as a slow background thread would. */
    private static final class HeldRunner implements TaskRunner {
        private final ArrayDeque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            held.add(() -> TaskRunner.sameThread().run(work, onSuccess, onFailure));
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        void runNewestFirst() {
            while (!held.isEmpty()) held.pollLast().run();
        }
    }

    private final HeldRunner runner = new HeldRunner();
    private final LatestTask latest = new LatestTask(runner);
    private final List<String> shown = new ArrayList<>();

    @Test
    void anOlderAnswerArrivingLastIsDropped() {
        // given two questions asked in a row
        latest.run(BackgroundTask.of(() -> "old").onSuccess(shown::add));
        latest.run(BackgroundTask.of(() -> "new").onSuccess(shown::add));

        // when the answers arrive newest first
        runner.runNewestFirst();

        // then only the newest is shown
        assertThat(shown).containsExactly("new");
    }

    @Test
    void aFailureOfTheNewestTaskGoesToItsFailureCallback() {
        latest.run(BackgroundTask.<String>of(() -> {
            throw new IllegalStateException("disk full");
        }).onSuccess(shown::add).onFailure(e -> shown.add("failed: " + e.getMessage())));

        runner.runNewestFirst();

        assertThat(shown).containsExactly("failed: disk full");
    }

    @Test
    void cancelledWorkThatHasNotStartedIsSkippedAndReportsNothing() {
        List<String> ran = new ArrayList<>();
        latest.run(BackgroundTask.of(() -> {
            ran.add("work");
            return "x";
        }).onSuccess(shown::add).onFailure(e -> shown.add("failed")));

        latest.cancel();
        runner.runNewestFirst();

        assertThat(ran).isEmpty();
        assertThat(shown).isEmpty();
    }

    @Test
    void onFinishedRunsBeforeTheOutcome() {
        BackgroundTask.of(() -> "done").onFinished(() -> shown.add("finished")).onSuccess(shown::add)
                .runWith(TaskRunner.sameThread());

        assertThat(shown).containsExactly("finished", "done");
    }
}
