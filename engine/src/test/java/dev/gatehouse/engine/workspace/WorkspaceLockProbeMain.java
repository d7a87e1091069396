package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/**
 * Child process for {@link WorkspaceLockTest}: opens a workspace for editing, creates the API named by its second
 * argument, and prints what happened ("edited", or "locked: " and the message). An optional third argument is
 * how long an edit waits for the write lock, in milliseconds.
 */
public final class WorkspaceLockProbeMain {
    private WorkspaceLockProbeMain() {}

    public static void main(String[] args) {
        if (args.length > 2) System.setProperty("gatehouse.workspace.writeWaitMillis", args[2]);
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            ws.apply(Edit.createApi(WorkspaceFixtures.api(args[1], "From the probe", 1)));
            System.out.println("edited");
        } catch (WorkspaceLockedException e) {
            System.out.println("locked: " + e.getMessage());
        }
    }
}
