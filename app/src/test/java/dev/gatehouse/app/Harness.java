package dev.gatehouse.app;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceOpener;
import dev.gatehouse.app.session.WorkspaceSession;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The app's one test harness: a {@link Workbench} with a synchronous {@link QueueRunner}, fake dialogs and
 * in-memory preferences, on one of three workspaces — {@link #petStore() a fake session} (no disk), {@link #sample()
 * a copy of resources/sample-workspace} or {@link #empty() a new empty workspace}, both on the real engine.
 * View-model tests need no toolkit. Close it (try-with-resources or {@code @AfterEach}) to stop the data plane
 * and release the workspace; closing goes through the workbench, as the console's does.
 */
public final class Harness implements AutoCloseable {
    public final FakeDialogs dialogs = new FakeDialogs();
    public final Preferences preferences = new Preferences();
    public final Workbench workbench;
    /** The workspace folder. */
    public final Path folder;
    /** The fake behind {@link #petStore()}; null on the engine. */
    public final FakeSession fake;
    private Gateway gateway;

    private Harness(Path folder, FakeSession fake) {
        this.folder = folder;
        this.fake = fake;
        preferences.port = 0; // tests never compete for 4010 unless they ask
        WorkspaceOpener opener = fake != null ? new WorkspaceOpener() {
            @Override public WorkspaceSession open(Path f) { return fake; }

            @Override public WorkspaceSession create(Path f) { return fake; }
        } : new WorkspaceOpener() {
            @Override public WorkspaceSession open(Path f) {
                gateway = Gateway.open(f);
                return new EngineWorkspaceSession(gateway);
            }

            @Override public WorkspaceSession create(Path f) { throw new UnsupportedOperationException(); }
        };
        workbench = new Workbench(new QueueRunner(), dialogs, preferences, opener);
        workbench.open(folder);
        if (workbench.session().isEmpty()) throw new AssertionError("workspace did not open: " + dialogs.errors);
    }

    /** A fake, in-memory session with a PetStore-like API (selected). */
    public static Harness petStore() {
        return fake(new FakeSession(FakeSession.petStore()));
    }

    /** A workbench on {@code session}. */
    public static Harness fake(FakeSession session) {
        return new Harness(session.root(), session);
    }

    /** A fresh copy of {@code resources/sample-workspace} on the engine (PetStore selected). */
    public static Harness sample() {
        return new Harness(copy(repo().resolve("resources/sample-workspace")), null);
    }

    /** A new, empty workspace on the engine. */
    public static Harness empty() {
        Path folder = tempDir("gatehouse-empty-");
        Workspace.create(folder, "test").close();
        return new Harness(folder, null);
    }

    /** The repository root (tests run in {@code app/}). */
    public static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("resources/sample-workspace"))) dir = dir.getParent();
        if (dir == null) throw new AssertionError("repository root not found");
        return dir;
    }

    /** The open session, as the view-models see it. */
    public WorkspaceSession session() {
        return workbench.session().orElseThrow();
    }

    /** The engine behind the session, for assertions the session does not offer; engine workspaces only. */
    public Gateway gateway() {
        if (gateway == null) throw new IllegalStateException("a fake session has no engine");
        return gateway;
    }

    /** The selected API, newest version. */
    public ApiDefinition api() {
        return workbench.selectedApi().orElseThrow();
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

    @Override
    public void close() {
        workbench.close();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path source) {
        Path target = tempDir("gatehouse-sample-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs everything on the calling thread, except that work submitted while other work runs (a workspace
     * listener reacting to an edit) waits until that work has returned, and runs before its callback: the edit is
     * then recorded in the undo history before the workbench re-reads the workspace, as with the app's one
     * worker thread. Everything has run when the outermost {@link #run} returns.
     */
    public static final class QueueRunner implements TaskRunner {
        private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
        private boolean inWork;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
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
