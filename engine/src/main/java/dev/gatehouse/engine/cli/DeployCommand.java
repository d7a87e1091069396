package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse deploy API --stage NAME}: snapshots the draft and points the stage at it. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy an API's draft to a stage (created if needed).")
final class DeployCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Option(names = {"-s", "--stage"}, required = true, paramLabel = "NAME")
    String stage;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT")
    String description;

    @Option(names = {"-v", "--variable"}, paramLabel = "NAME=VALUE", description = "Set a stage variable (repeatable).")
    java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        try (Gateway gateway = workspace.open(false)) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            DeploymentSnapshot snapshot = gateway.deploy(definition.id(), stage, description, variables);
            System.out.println("deployed " + definition.name() + " to stage " + stage + " (deployment "
                    + snapshot.deployment().id() + ")");
        }
        return 0;
    }
}
