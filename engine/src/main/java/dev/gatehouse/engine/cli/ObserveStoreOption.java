package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.observe.ObserveDatabase;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a workspace's observability store for the read-only commands ({@code logs}, {@code metrics}). */
final class ObserveStoreOption {

    private ObserveStoreOption() { }

    /** The store, or a CLI error saying it is created by serving. */
    static ObserveDatabase open(Path workspaceRoot) {
        Path file = workspaceRoot.resolve(".gatehouse").resolve(ObserveDatabase.FILE);
        if (!Files.exists(file)) {
            throw CliErrors.of("no requests observed yet in " + workspaceRoot + " (" + file.getFileName()
                    + " is created when 'gatehouse serve' starts serving)");
        }
        return ObserveDatabase.open(file);
    }
}
