package dev.gatehouse.engine.workspace;

/**
 * Told about every change to a workspace after it is durable on disk and visible through
 * {@link Workspace#state()}: one call per document changed, in the order they were written, edits in the order
 * they were applied.
 *
 * <p>Runs on the writer's thread (whoever called {@link Workspace#apply}), while the writer lock is held, so it
 * must be quick and must not call {@code apply} (that fails with {@link IllegalStateException}): hand the event to
 * your own executor (the console: {@code Platform.runLater}). An exception thrown here is logged and swallowed;
 * it neither undoes the edit nor stops the other listeners.
 */
@FunctionalInterface
public interface WorkspaceListener {
    void onEvent(WorkspaceEvent event);
}
