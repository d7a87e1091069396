package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/**
 * A workspace operation that could not be done, with a message meant for the user as is: a quarantined file an
 * edit would overwrite, an undo whose files were changed since, a failed disk write, a folder that is not a
 * workspace. When thrown by {@link Workspace#apply}, nothing changed on disk or in memory. Definition rule
 * violations are {@link dev.gatehouse.engine.model.DefinitionException}s instead (AWS's kinds and messages).
 */
public class WorkspaceException extends RuntimeException {
    private final transient Path file;

    public WorkspaceException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public WorkspaceException(String message, Path file) {
        this(message, file, null);
    }

    /** The file concerned, or null when the failure is not about one file. */
    public Path file() {
        return file;
    }

    /** A file an edit would write was changed on disk since the workspace read it: {@link Workspace#apply} reloads. */
    static final class ChangedOnDisk extends WorkspaceException {
        ChangedOnDisk(String message, Path file) {
            super(message, file);
        }
    }
}
