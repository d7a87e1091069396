package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse deploy API --stage NAME}: snapshots the draft and points the stage at it, then warns on stderr
 * about each method the stage will refuse because it requires a check the engine cannot run yet (API key,
 * authorizer, IAM), one {@code warning: } line each.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy an API's draft to a stage (created if needed).")
final class DeployCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Option(names = {"-s", "--stage"}, required = true, paramLabel = "NAME")
    String stage;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT")
    String description;

    @Option(names = {"-v", "--variable"}, paramLabel = "NAME=VALUE", description = "Set a stage variable (repeatable).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        try (Gateway gateway = workspace.open(false)) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            DeploymentSnapshot snapshot = gateway.deploy(definition.id(), stage, description, variables);
            System.out.println("deployed " + definition.name() + " to stage " + stage + " (deployment "
                    + snapshot.deployment().id() + ")");
            for (String warning : gateway.accessWarnings(definition.id())) System.err.println("warning: " + warning);
        }
        return 0;
    }
}
