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
        if (!Files.exists(d.resolve("workspace.json"))) throw noWorkspace(d);
        Gateway gateway = Gateway.openReadOnly(d);
        for (WorkspaceProblem p : gateway.workspace().problems()) System.err.println("warning: " + p);
        return gateway;
    }

    /** Opens the workspace, creating an empty one when the folder has none yet (if {@code create}). */
    Gateway open(boolean create) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d.resolve("workspace.json"))) {
            if (!create) throw noWorkspace(d);
            Workspace.create(d, d.getFileName() == null ? "workspace" : d.getFileName().toString()).close();
        }
        Gateway gateway = Gateway.open(d);
        for (WorkspaceProblem p : gateway.workspace().problems()) {
            System.err.println("warning: " + p);
        }
        return gateway;
    }

    /** The error for a folder without {@code workspace.json}, saying how to make one. */
    static CliErrors noWorkspace(Path dir) {
        return CliErrors.of("no workspace at " + dir + " (workspace.json not found): 'gatehouse import FILE -w " + dir
                + "' creates one from an OpenAPI document, 'gatehouse serve -w " + dir + " --admin-port 4011' an empty "
                + "one to fill with the AWS CLI or 'gatehouse push'");
    }

    /** A stage of {@code api} by name; an unknown one is refused naming the stages the API has. */
    static dev.gatehouse.engine.model.Stage stage(Workspace workspace, ApiDefinition api, String name) {
        return workspace.stage(api.id(), name).orElseThrow(() -> CliErrors.of("API " + api.name() + " has no stage '"
                + name + "' (stages: " + workspace.stages(api.id()).stream()
                .map(dev.gatehouse.engine.model.Stage::stageName).toList() + ")"));
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
