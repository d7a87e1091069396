package dev.gatehouse.engine.workspace;

import java.util.Objects;

/**
 * One document's value before and after an edit; null means the document does not exist (created or deleted).
 * An {@link AppliedEdit} is a list of these, which is all undo and redo need.
 *
 * @param permanent the change is not reverted by undo: a new deployment stays on disk when "Deploy" is undone
 *                  (the stage moves back, the immutable deployment file remains)
 */
public record Change<T>(DocKey<T> key, T before, T after, boolean permanent) {
    public Change {
        Objects.requireNonNull(key, "key");
        if (before != null && !key.type().isInstance(before)) throw new IllegalArgumentException("before is not a " + key.type().getSimpleName());
        if (after != null && !key.type().isInstance(after)) throw new IllegalArgumentException("after is not a " + key.type().getSimpleName());
    }

    public static <T> Change<T> of(DocKey<T> key, T before, T after) {
        return new Change<>(key, before, after, false);
    }

    /** The change that takes the document back to {@code before}. */
    public Change<T> inverse() {
        return new Change<>(key, after, before, false);
    }

    /** True when the document's value does not change. */
    public boolean isNoop() {
        return Objects.equals(before, after);
    }

    public boolean isCreation() {
        return before == null && after != null;
    }

    public boolean isDeletion() {
        return before != null && after == null;
    }
}
