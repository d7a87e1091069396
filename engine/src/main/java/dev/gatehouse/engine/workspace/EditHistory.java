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
 * <p>Thread-safe. {@link #apply}, {@link #undo} and {@link #redo} write to disk and block while another edit is
 * written, so the console calls them from its background executor, never the FX thread; the queries
 * ({@link #canUndo}, {@link #undoDescription}, ...) never block and may be called from any thread. Failures are
 * those of {@link Workspace#apply}; after a failure the history is unchanged.
 */
public final class EditHistory {
    /** How many edits are kept for undo by default. */
    public static final int DEFAULT_LIMIT = 200;

    private final Workspace workspace;
    private final int limit;
    private final Deque<AppliedEdit> undo = new ArrayDeque<>();
    private final Deque<AppliedEdit> redo = new ArrayDeque<>();
    /** What the queries read: replaced after every change of the stacks, so reading needs no lock. */
    private volatile Tops tops = new Tops(null, null);

    private record Tops(String undo, String redo) {}

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
            publishTops();
        }
        return applied;
    }

    /** Reverts the newest recorded edit. @throws IllegalStateException when there is nothing to undo */
    public synchronized AppliedEdit undo() {
        AppliedEdit last = undo.peek();
        if (last == null) throw new IllegalStateException("Nothing to undo");
        AppliedEdit reverted = workspace.apply(last.undoEdit());
        redo.push(undo.pop());
        publishTops();
        return reverted;
    }

    /** Makes the newest undone edit again. @throws IllegalStateException when there is nothing to redo */
    public synchronized AppliedEdit redo() {
        AppliedEdit next = redo.peek();
        if (next == null) throw new IllegalStateException("Nothing to redo");
        AppliedEdit again = workspace.apply(next.redoEdit());
        undo.push(redo.pop());
        publishTops();
        return again;
    }

    public boolean canUndo() {
        return tops.undo() != null;
    }

    public boolean canRedo() {
        return tops.redo() != null;
    }

    /** What "Undo" would revert, e.g. "Create resource /pets". */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(tops.undo());
    }

    /** What "Redo" would make again. */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(tops.redo());
    }

    /** Forgets every recorded edit (e.g. after the workspace is reopened). */
    public synchronized void clear() {
        undo.clear();
        redo.clear();
        publishTops();
    }

    private void publishTops() {
        AppliedEdit u = undo.peek();
        AppliedEdit r = redo.peek();
        tops = new Tops(u == null ? null : u.description(), r == null ? null : r.description());
    }
}
