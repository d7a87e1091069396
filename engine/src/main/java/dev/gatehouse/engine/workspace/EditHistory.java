package dev.gatehouse.engine.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo over one workspace, for one editor (the console keeps one): edits made through
 * {@link #apply} can be undone and redone in order. Edits others make (the control-plane API, another view) are
 * not in this history; undoing over them fails with a {@link WorkspaceException} naming the document they
 * changed, and the history stays as it was.
 *
 * <p>Thread-safe (methods are synchronized); calls block while the workspace writes, so the console calls them
 * from its background executor, never the FX thread. Failures are those of {@link Workspace#apply}; after a
 * failure the stacks are unchanged.
 */
public final class EditHistory {
    /** How many edits are kept for undo by default. */
    public static final int DEFAULT_LIMIT = 200;

    private final Workspace workspace;
    private final int limit;
    private final Deque<AppliedEdit> undo = new ArrayDeque<>();
    private final Deque<AppliedEdit> redo = new ArrayDeque<>();

    public EditHistory(Workspace workspace) {
        this(workspace, DEFAULT_LIMIT);
    }

    public EditHistory(Workspace workspace, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
        this.workspace = workspace;
        this.limit = limit;
    }

    /** Applies an edit and records it for undo (an edit that changed nothing is not recorded); clears redo. */
    public synchronized AppliedEdit apply(Edit edit) {
        AppliedEdit applied = workspace.apply(edit);
        if (!applied.isEmpty()) {
            undo.push(applied);
            if (undo.size() > limit) undo.removeLast();
            redo.clear();
        }
        return applied;
    }

    /** Reverts the newest recorded edit. @throws IllegalStateException when there is nothing to undo */
    public synchronized AppliedEdit undo() {
        AppliedEdit last = undo.peek();
        if (last == null) throw new IllegalStateException("Nothing to undo");
        AppliedEdit reverted = workspace.apply(last.undoEdit());
        redo.push(undo.pop());
        return reverted;
    }

    /** Makes the newest undone edit again. @throws IllegalStateException when there is nothing to redo */
    public synchronized AppliedEdit redo() {
        AppliedEdit next = redo.peek();
        if (next == null) throw new IllegalStateException("Nothing to redo");
        AppliedEdit again = workspace.apply(next.redoEdit());
        undo.push(redo.pop());
        return again;
    }

    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What "Undo" would revert, e.g. "Create resource /pets". */
    public synchronized Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(AppliedEdit::description);
    }

    /** What "Redo" would make again. */
    public synchronized Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(AppliedEdit::description);
    }

    /** Forgets every recorded edit (e.g. after the workspace is reopened). */
    public synchronized void clear() {
        undo.clear();
        redo.clear();
    }
}
