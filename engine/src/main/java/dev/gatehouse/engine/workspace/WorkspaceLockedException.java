package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/**
 * The workspace is already open for editing, by another process (the console, a headless engine, a CLI import) or
 * by another {@link Workspace} instance in this process. The message names the holder as far as it is known,
 * e.g. "… is open for editing by another process (pid 4711, since 2026-11-25T10:00:00Z)". The caller can open it
 * with {@link Workspace#openReadOnly} instead, or try again once the other side has closed it.
 */
public final class WorkspaceLockedException extends WorkspaceException {
    public WorkspaceLockedException(String message, Path lockFile) {
        super(message, lockFile);
    }
}
