package dev.gatehouse.app.dataplane;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.engine.model.ApiDefinition;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The local data plane of the open workspace. When a workspace opens, it starts the engine's server on
 * {@code 127.0.0.1} at the port from the preferences (4010 unless changed), or on any free port when that one is
 * taken; the server stops with the workspace (closing the session stops it). It also works out
 * the invoke URL of {@link #stageProperty() the stage in view} of the selected API.
 *
 * <p>FX thread only; the server starts on the workbench's task runner, after the previous workspace has closed
 * (same queue), so the previous server's port is free again.
 */
public final class DataPlaneViewModel {
    /** Where the data plane listens. */
    public static final String HOST = "127.0.0.1";

    /** The server's life. */
    public enum State { STOPPED, STARTING, SERVING, FAILED }

    private final Workbench workbench;
    private final ConsolePreferences preferences;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.STOPPED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Data plane stopped");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port");
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper(this, "baseUrl");
    private final StringProperty stage = new SimpleStringProperty(this, "stage");
    private final ReadOnlyStringWrapper invokeUrl = new ReadOnlyStringWrapper(this, "invokeUrl");
    private final LatestTask starting;
    private final LatestTask urlLookup;

    public DataPlaneViewModel(Workbench workbench, ConsolePreferences preferences) {
        this.workbench = workbench;
        this.preferences = preferences;
        this.starting = new LatestTask(workbench.tasks());
        this.urlLookup = new LatestTask(workbench.tasks());
        workbench.sessionProperty().addListener((obs, old, session) -> onSession(session));
        workbench.selectedApiProperty().addListener((obs, old, api) -> refreshInvokeUrl());
        workbench.revisionProperty().addListener((obs, old, rev) -> refreshInvokeUrl()); // the default API may change
        stage.addListener((obs, old, name) -> refreshInvokeUrl());
        onSession(workbench.sessionProperty().get());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /** "Serving on http://127.0.0.1:4010", "Starting the data plane…", "Data plane stopped", or the failure. */
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }

    /** More about the state, for a tooltip ("Port 4010 was taken, so the data plane took a free one"). */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    /** The bound port while serving, else 0. */
    public ReadOnlyIntegerProperty portProperty() { return port.getReadOnlyProperty(); }

    /** {@code http://127.0.0.1:PORT} while serving, else null. */
    public ReadOnlyStringProperty baseUrlProperty() { return baseUrl.getReadOnlyProperty(); }

    /** The stage whose invoke URL to show (the stage page's selection); null for none. */
    public StringProperty stageProperty() { return stage; }

    /** The invoke URL of {@link #stageProperty()} of the selected API, or null when there is none or not serving. */
    public ReadOnlyStringProperty invokeUrlProperty() { return invokeUrl.getReadOnlyProperty(); }

    // ---- internals -------------------------------------------------------------------------------------------

    private void onSession(WorkspaceSession session) {
        port.set(0);
        detail.set("");
        baseUrl.set(null);
        invokeUrl.set(null);
        if (session == null) {
            starting.cancel();
            urlLookup.cancel();
            state.set(State.STOPPED);
            statusText.set("Data plane stopped");
            return;
        }
        state.set(State.STARTING);
        statusText.set("Starting the data plane…");
        int preferred = preferences.dataPlanePort();
        // latest wins: another workspace opened meanwhile cancels this start's outcome
        starting.run(BackgroundTask.of(() -> session.serve(HOST, preferred)).onSuccess(bound -> {
            state.set(State.SERVING);
            port.set(bound);
            baseUrl.set("http://" + HOST + ":" + bound);
            statusText.set("Serving on " + baseUrl.get());
            detail.set(bound != preferred && preferred != 0
                    ? "Port " + preferred + " was taken, so the data plane took a free one"
                    : "Every deployed stage of the workspace is served here");
            refreshInvokeUrl();
        }).onFailure(e -> {
            state.set(State.FAILED);
            statusText.set("Data plane failed");
            detail.set(rootMessage(e));
        }));
    }

    private void refreshInvokeUrl() {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        String stageName = stage.get();
        if (session == null || api == null || stageName == null || state.get() != State.SERVING) {
            urlLookup.cancel();
            invokeUrl.set(null);
            return;
        }
        String apiId = api.id();
        urlLookup.run(BackgroundTask.of(() -> session.invokeUrl(apiId, stageName))
                .onSuccess(url -> invokeUrl.set(url.orElse(null)))
                .onFailure(e -> invokeUrl.set(null)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return e.getMessage() + (m != null && t != e ? " (" + m + ")" : "");
    }
}
