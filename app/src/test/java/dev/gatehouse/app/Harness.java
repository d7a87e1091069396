package dev.gatehouse.app;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceOpener;
import dev.gatehouse.app.session.WorkspaceSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A workbench on a {@link FakeSession} with a same-thread runner: everything happens synchronously. */
public final class Harness {
    public final FakeSession session;
    public final FakeDialogs dialogs = new FakeDialogs();
    public final MemoryPreferences preferences = new MemoryPreferences();
    public final Workbench workbench;

    public Harness(FakeSession session) {
        this.session = session;
        WorkspaceOpener opener = new WorkspaceOpener() {
            @Override public WorkspaceSession open(Path folder) { return session; }

            @Override public WorkspaceSession create(Path folder) { return session; }
        };
        workbench = new Workbench(TaskRunner.sameThread(), dialogs, preferences, opener);
        workbench.open(session.root());
    }

    public static Harness petStore() {
        return new Harness(new FakeSession(FakeSession.petStore()));
    }

    /** In-memory preferences. */
    public static final class MemoryPreferences implements ConsolePreferences {
        private final List<Path> recent = new ArrayList<>();
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
    }
}
