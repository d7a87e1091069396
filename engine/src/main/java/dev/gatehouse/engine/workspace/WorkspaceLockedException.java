package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/**
 * Another writer held the workspace's write lock for longer than an edit waits (writes take milliseconds, so it
 * is stuck or very slow): another process (the console, a headless engine, a CLI import) or another
 * {@link Workspace} instance in this process. The message names the holder as far as it is known, e.g. "… is being
 * written by another process (pid 4711, since 2026-11-25T10:00:00Z) for more than 10 s". Nothing was changed;
 * try again once it has finished.
 */
public final class WorkspaceLockedException extends WorkspaceException {
    public WorkspaceLockedException(String message, Path lockFile) {
        super(message, lockFile);
    }
}
