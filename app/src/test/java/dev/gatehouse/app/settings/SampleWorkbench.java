package dev.gatehouse.app.settings;

import dev.gatehouse.app.EngineHarness;
import dev.gatehouse.app.FakeDialogs;
import dev.gatehouse.app.TempEngineWorkspace;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A temporary copy of {@code resources/sample-workspace} (opened with {@code Gateway.open}, PetStore selected)
 * behind a workbench with {@link TempEngineWorkspace.QueueRunner}: the undo history is complete before the
 * workbench re-reads the workspace, as with the app's one worker, so "Undo …" texts can be checked.
 */
public final class SampleWorkbench implements AutoCloseable {
    public final FakeDialogs dialogs = new FakeDialogs();
    public final Workbench workbench;

    public SampleWorkbench() {
        Path folder = copy(EngineHarness.repo().resolve("resources/sample-workspace"));
        workbench = new Workbench(new TempEngineWorkspace.QueueRunner(), dialogs, new TempEngineWorkspace.Preferences(),
                EngineWorkspaceSession.opener());
        workbench.open(folder);
        if (workbench.session().isEmpty()) throw new AssertionError("workspace did not open: " + dialogs.errors);
    }

    public ApiDefinition api() {
        return workbench.selectedApi().orElseThrow();
    }

    @Override
    public void close() {
        workbench.close();
    }

    private static Path copy(Path source) {
        try {
            Path target = Files.createTempDirectory("gatehouse-settings-");
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
}
