package dev.gatehouse.app;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new, empty engine workspace in a temporary folder ({@link Workspace#create}, opened through
 * {@link Gateway#open}) behind a workbench with a same-thread runner: ViewModel tests of deploys, stages and the
 * data plane without a toolkit. Close it to stop the data plane and release the workspace.
 *
 * <p>The runner is {@link QueueRunner}: like the app's single worker, work submitted while other work runs waits
 * for it (the workbench re-reads the workspace after an edit has been recorded in the undo history).
 */
public final class TempEngineWorkspace implements AutoCloseable {
    public final Path folder;
    public final FakeDialogs dialogs = new FakeDialogs();
    public final Preferences preferences = new Preferences();
    public final Workbench workbench;

    public TempEngineWorkspace() {
        try {
            folder = Files.createTempDirectory("gatehouse-deploy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Workspace.create(folder, "deploy-test").close();
        preferences.port = 0; // tests never compete for 4010 unless they ask
        workbench = new Workbench(new QueueRunner(), dialogs, preferences, EngineWorkspaceSession.opener());
        workbench.open(folder);
        if (workbench.session().isEmpty()) throw new AssertionError("workspace did not open: " + dialogs.errors);
    }

    /** Creates an API named {@code name} with {@code GET /} as a MOCK answering 200 with {@code body}; selects it. */
    public ApiDefinition createMockApi(String name, String body) {
        workbench.createApi(name);
        workbench.edit("Add GET /", api -> api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", body))))))));
        return api();
    }

    /** Replaces the 200 response template of {@code GET /}. */
    public void editBody(String body) {
        workbench.edit("Edit body", api -> api.updateResource(api.root().id(), r -> {
            Method m = r.method("GET");
            return r.withMethod(m.withIntegration(m.methodIntegration().withIntegrationResponses(Map.of("200",
                    IntegrationResponse.of("200").withResponseTemplates(Map.of("application/json", body))))));
        }));
    }

    public Gateway gateway() {
        return workbench.gateway().orElseThrow();
    }

    public ApiDefinition api() {
        return workbench.selectedApi().orElseThrow();
    }

    @Override
    public void close() {
        workbench.close();
    }

    /**
     * Runs everything on the calling thread, except that work submitted while other work runs (a workspace
     * listener reacting to an edit) waits until that work has returned, and runs before its callback: the edit is
     * then recorded in the undo history before the workbench re-reads the workspace, as with the app's one
     * worker thread. Everything has run when the outermost {@link #run} returns.
     */
    public static final class QueueRunner implements TaskRunner {
        private final java.util.ArrayDeque<Runnable> deferred = new java.util.ArrayDeque<>();
        private boolean inWork;

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                            java.util.function.Consumer<? super Throwable> onFailure) {
            if (inWork) {
                deferred.add(() -> run(work, onSuccess, onFailure));
                return;
            }
            T result;
            Throwable failure = null;
            inWork = true;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                result = null;
                failure = e;
            } finally {
                inWork = false;
            }
            while (!deferred.isEmpty()) deferred.poll().run();
            if (failure != null) onFailure.accept(failure);
            else onSuccess.accept(result);
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }
    }

    /** In-memory preferences with a settable data-plane port. */
    public static final class Preferences implements ConsolePreferences {
        private final List<Path> recent = new ArrayList<>();
        public int port = DEFAULT_DATA_PLANE_PORT;
        private boolean dark;
        private WindowBounds bounds;

        @Override public List<Path> recentWorkspaces() { return List.copyOf(recent); }

        @Override public void addRecentWorkspace(Path p) {
            recent.remove(p);
            recent.addFirst(p);
        }

        @Override public void removeRecentWorkspace(Path p) { recent.remove(p); }

        @Override public boolean darkTheme() { return dark; }

        @Override public void setDarkTheme(boolean d) { dark = d; }

        @Override public Optional<WindowBounds> windowBounds() { return Optional.ofNullable(bounds); }

        @Override public void setWindowBounds(WindowBounds b) { bounds = b; }

        @Override public int dataPlanePort() { return port; }

        @Override public void setDataPlanePort(int p) { port = p; }
    }
}
