package dev.gatehouse.app.importexport;

import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.Gateway;

/** The engine facade behind the workbench's session. */
final class Engines {
    private Engines() {}

    /** The open workspace's gateway; IllegalStateException when none is open (or it is not the engine's). */
    static Gateway gateway(Workbench workbench) {
        WorkspaceSession s = workbench.session().orElse(null);
        if (s instanceof EngineWorkspaceSession engine) return engine.gateway();
        throw new IllegalStateException("No workspace is open");
    }
}
