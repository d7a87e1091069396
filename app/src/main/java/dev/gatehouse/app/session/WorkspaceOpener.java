package dev.gatehouse.app.session;

import java.nio.file.Path;

/**
 * Opens or creates a workspace folder. Called on a background thread; throws an unchecked exception with a
 * message fit for an error dialog when the folder is not a workspace, is locked by another writer, or cannot be
 * read.
 */
public interface WorkspaceOpener {
    /** Opens an existing workspace folder. */
    WorkspaceSession open(Path folder);

    /** Creates a new, empty workspace in {@code folder} (which must be empty or absent) and opens it. */
    WorkspaceSession create(Path folder);
}
