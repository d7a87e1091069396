package dev.gatehouse.app.keys;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.session.WorkspaceTraffic;
import dev.gatehouse.engine.model.DefinitionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the API Keys and Usage Plans pages reach the workspace's keys, plans and usage: a page's one reload (newest
 * wins, through a {@link LatestTask}) and its commands, each off the FX thread through the open session's
 * {@link WorkspaceTraffic}, answers back on the FX thread, failures as an error dialog in the product's words (AWS's
 * message alone for a refused definition, the exception with details otherwise). Nothing runs without a session.
 * FX thread only; one per page view-model.
 */
public final class TrafficTasks {

    private final Workbench workbench;
    private final LatestTask loading;

    public TrafficTasks(Workbench workbench) {
        this.workbench = workbench;
        this.loading = new LatestTask(workbench.tasks());
    }

    /**
     * Runs {@code work} on the session's traffic off the FX thread, then {@code done} with its result on the FX
     * thread; when it fails, an error dialog titled {@code failure} ("Cannot save usage plan Basic").
     */
    public <T> void run(String failure, Function<WorkspaceTraffic, T> work, Consumer<T> done) {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        workbench.tasks().run(() -> work.apply(session.traffic()), done::accept, e -> showError(failure, e));
    }

    /**
     * Reads the page's content with the session off the FX thread, cancelling a read still running; {@code show}
     * gets it on the FX thread, a failure is an error dialog titled {@code failure}. Without a session the read
     * still running is cancelled and {@code none} empties the page.
     */
    public <T> void reload(String failure, Function<WorkspaceSession, T> read, Consumer<T> show, Runnable none) {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) {
            loading.cancel();
            none.run();
            return;
        }
        loading.run(BackgroundTask.of(() -> read.apply(session)).onSuccess(show).onFailure(e -> showError(failure, e)));
    }

    private void showError(String title, Throwable e) {
        if (e instanceof DefinitionException) workbench.dialogs().showError(title, e.getMessage());
        else workbench.dialogs().showError(title, e);
    }
}
