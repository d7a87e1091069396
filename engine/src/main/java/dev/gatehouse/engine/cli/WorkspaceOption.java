package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.workspace.Workspace;
import dev.gatehouse.engine.workspace.WorkspaceProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option shared by the commands, and how an API is named on the command line. */
final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "Workspace folder (default: the current folder).")
    Path dir;

    /** Opens the workspace for reading only (no writer lock): for commands that change nothing. */
    Gateway openForReading() {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d.resolve("workspace.json"))) throw CliErrors.of("no workspace at " + d + " (workspace.json not found)");
        Gateway gateway = Gateway.openReadOnly(d);
        for (WorkspaceProblem p : gateway.workspace().problems()) System.err.println("warning: " + p);
        return gateway;
    }

    /** Opens the workspace, creating an empty one when the folder has none yet (if {@code create}). */
    Gateway open(boolean create) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d.resolve("workspace.json"))) {
            if (!create) throw CliErrors.of("no workspace at " + d + " (workspace.json not found)");
            Workspace.create(d, d.getFileName() == null ? "workspace" : d.getFileName().toString()).close();
        }
        Gateway gateway = Gateway.open(d);
        for (WorkspaceProblem p : gateway.workspace().problems()) {
            System.err.println("warning: " + p);
        }
        return gateway;
    }

    /** An API by id, or by name when exactly one API has it. */
    static ApiDefinition api(Workspace workspace, String idOrName) {
        return workspace.api(idOrName).orElseGet(() -> {
            List<ApiDefinition> named = workspace.apis().stream().filter(a -> idOrName.equals(a.name())).toList();
            if (named.size() == 1) return named.get(0);
            if (named.isEmpty()) throw CliErrors.of("no API with id or name '" + idOrName + "' in " + workspace.root());
            throw CliErrors.of("several APIs are named '" + idOrName + "'; use the id: "
                    + named.stream().map(ApiDefinition::id).toList());
        });
    }
}
