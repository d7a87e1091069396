package dev.gatehouse.app.core;

/**
 * A series of background tasks of which only the newest counts: running a task cancels the one before, so a
 * slow answer to an old question never overwrites the answer to a new one (reloading a panel after each
 * revision, rendering a template as it is typed, reading the invoke URL of the stage in view).
 *
 * <p>UI thread only. One per question a view-model asks; {@link #cancel()} when the question goes away (another
 * workspace, the panel disposed).
 */
public final class LatestTask {
    private final TaskRunner runner;
    private BackgroundTask<?> current;

    public LatestTask(TaskRunner runner) {
        this.runner = runner;
    }

    /** Cancels the previous task and runs {@code task}. */
    public <T> void run(BackgroundTask<T> task) {
        cancel();
        current = task;
        task.runWith(runner);
    }

    /** Cancels the task in flight, if any: its callbacks will not run. */
    public void cancel() {
        if (current != null) current.cancel();
        current = null;
    }
}
