package dev.gatehouse.engine.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An edit as it was applied: its description and the document changes written, each with its before and after
 * value. Returned by {@link Workspace#apply}; {@link #undoEdit()} and {@link #redoEdit()} turn it back into edits,
 * which is all {@link EditHistory} needs.
 *
 * @param revision the workspace revision this edit produced (see {@link Workspace#revision()})
 */
public record AppliedEdit(String description, List<Change<?>> changes, long revision) {
    public AppliedEdit {
        Objects.requireNonNull(description, "description");
        changes = List.copyOf(changes);
    }

    /** True when the edit changed nothing (everything it set was already so); such edits are not recorded. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The edit that reverts this one. It applies only while every document still holds this edit's result;
     * otherwise {@link Workspace#apply} fails naming the document changed since. Permanent changes (new
     * deployments) are not reverted.
     */
    public Edit undoEdit() {
        return new Edit() {
            @Override public String description() {
                return "Undo " + description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                List<Change<?>> inverse = new ArrayList<>(changes.size());
                for (Change<?> change : changes.reversed()) {
                    if (!change.permanent()) inverse.add(change.inverse());
                }
                return inverse;
            }
        };
    }

    /**
     * The edit that makes this one again after {@link #undoEdit()}; applies only while every document still holds
     * what the undo left. A permanent change already in place (the deployment undo kept) is skipped.
     */
    public Edit redoEdit() {
        return new Edit() {
            @Override public String description() {
                return "Redo " + description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                List<Change<?>> again = new ArrayList<>(changes.size());
                for (Change<?> change : changes) {
                    if (change.permanent() && Objects.equals(state.get(change.key()), change.after())) continue;
                    again.add(change);
                }
                return again;
            }
        };
    }
}
