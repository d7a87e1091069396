package dev.gatehouse.app.core;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of background work and what to do with its outcome (JabRef's {@code BackgroundTask}):
 * {@code BackgroundTask.of(() -> session.stages(id)).onSuccess(this::show).onFailure(this::showError).runWith(tasks)}.
 *
 * <p>The work runs on the {@link TaskRunner}'s background thread; exactly one of the callbacks runs afterwards on
 * the UI thread, unless the task was {@linkplain #cancel() cancelled} first: then neither runs. Cancelling does
 * not interrupt work that has started (the workspace worker runs edits to the end); it only drops the outcome.
 * A {@link LatestTask} keeps the newest of a series and cancels the others ("latest result wins").
 *
 * <p>Built and run on the UI thread. Without {@link #onFailure} a failure goes nowhere, so view-models always
 * name one: errors belong to the view-model, which shows them.
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> {};
    private Consumer<? super Throwable> onFailure = error -> {};
    private Runnable onFinished = () -> {};
    private volatile boolean cancelled;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Work without a result. */
    public static BackgroundTask<Void> ofRunnable(ThrowingRunnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Background work that returns nothing and may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        onSuccess = Objects.requireNonNull(action, "onSuccess");
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> action) {
        onFailure = Objects.requireNonNull(action, "onFailure");
        return this;
    }

    /** Runs on the UI thread before the success or failure callback (e.g. to clear a "running" flag). */
    public BackgroundTask<T> onFinished(Runnable action) {
        onFinished = Objects.requireNonNull(action, "onFinished");
        return this;
    }

    /** Submits the work; returns this task so the caller can cancel it. */
    public BackgroundTask<T> runWith(TaskRunner runner) {
        runner.run(() -> cancelled ? null : work.call(), result -> {
            if (cancelled) return;
            onFinished.run();
            onSuccess.accept(result);
        }, error -> {
            if (cancelled) return;
            onFinished.run();
            onFailure.accept(error);
        });
        return this;
    }

    /** Drops the outcome: no callback runs after this; work not yet started is skipped. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
