package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/** Child process for {@link WorkspaceLockTest}: tries to open a workspace for editing and prints what happened. */
public final class WorkspaceLockProbeMain {
    private WorkspaceLockProbeMain() {}

    public static void main(String[] args) {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.println("opened");
        } catch (WorkspaceLockedException e) {
            System.out.println("locked: " + e.getMessage());
        }
    }
}
