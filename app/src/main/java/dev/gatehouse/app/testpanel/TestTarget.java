package dev.gatehouse.app.testpanel;

/**
 * Where a test request goes: the API's draft (the engine's in-process test invoke, with an execution log) or a
 * deployed stage (a real HTTP call to its invoke URL on the local data plane, whose execution log the engine
 * records for the console).
 *
 * @param stageName the stage, or null for the draft
 */
public record TestTarget(String stageName) {
    /** The draft, as AWS's console "Test" tab runs it. */
    public static final TestTarget DRAFT = new TestTarget(null);

    public static TestTarget stage(String name) {
        return new TestTarget(java.util.Objects.requireNonNull(name, "name"));
    }

    public boolean isDraft() {
        return stageName == null;
    }

    @Override
    public String toString() {
        return isDraft() ? "Draft" : "Stage " + stageName;
    }
}
