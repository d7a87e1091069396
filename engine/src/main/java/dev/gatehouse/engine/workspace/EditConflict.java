package dev.gatehouse.engine.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown by {@link Workspace#apply} for an edit made on an older revision ({@link Edit#baseRevision()}) that would
 * overwrite what another process (the CLI, a second console, a hand edit, git) changed in the same document since.
 * Nothing was written; the workspace holds, and has told its listeners about, the other process's version, so the
 * person can look at it and make their change again. The message is meant to be shown as is.
 */
public final class EditConflict extends WorkspaceException {
    private final transient List<String> places;

    EditConflict(String message, Path file, List<String> places) {
        super(message, file);
        this.places = List.copyOf(places);
    }

    /** Where the two collide, as paths into the stored JSON, e.g. {@code /resources[/pets]/resourceMethods/GET/...}. */
    public List<String> places() {
        return places;
    }
}
