package dev.gatehouse.app;

import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A workbench on the real engine (a temporary copy of {@code resources/sample-workspace} opened with
 * {@link Gateway#open}) and a same-thread runner: ViewModel tests without a toolkit that still exercise the
 * engine. Close it to release the workspace.
 */
public final class EngineHarness implements AutoCloseable {
    public final Path folder;
    public final FakeDialogs dialogs = new FakeDialogs();
    public final Harness.MemoryPreferences preferences = new Harness.MemoryPreferences();
    public final Workbench workbench;

    private EngineHarness(Path folder) {
        this.folder = folder;
        workbench = new Workbench(TaskRunner.sameThread(), dialogs, preferences, EngineWorkspaceSession.opener());
        workbench.open(folder);
        if (workbench.session().isEmpty()) throw new AssertionError("workspace did not open: " + dialogs.errors);
    }

    /** Opens a fresh copy of the sample workspace (PetStore selected). */
    public static EngineHarness sample() {
        return new EngineHarness(copy(repo().resolve("resources/sample-workspace")));
    }

    /** The repository root (tests run in {@code app/}). */
    public static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("resources/sample-workspace"))) dir = dir.getParent();
        if (dir == null) throw new AssertionError("repository root not found");
        return dir;
    }

    public Gateway gateway() {
        return ((EngineWorkspaceSession) workbench.session().orElseThrow()).gateway();
    }

    public ApiDefinition api() {
        return workbench.selectedApi().orElseThrow();
    }

    private static Path copy(Path source) {
        try {
            Path target = Files.createTempDirectory("gatehouse-vm-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workbench.close();
    }
}
