package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.StageInfo;
import dev.gatehouse.engine.workspace.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse export API}: the draft or a stage's deployment as OAS 3.0 or Swagger 2.0. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export an API (the draft, or what a stage serves) as OpenAPI.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--format", paramLabel = "oas30|swagger", defaultValue = "oas30", description = "Default: oas30.")
    String format;

    @Option(names = "--extensions", description = "Include the x-amazon-apigateway-* extensions.")
    boolean extensions;

    @Option(names = "--stage", paramLabel = "NAME", description = "Export the deployment this stage serves.")
    String stage;

    @Option(names = "--yaml", description = "Write YAML instead of JSON.")
    boolean yaml;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override public Integer call() throws Exception {
        ExportFormat exportFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "oas30", "openapi", "oas3" -> ExportFormat.OAS30;
            case "swagger", "oas20", "swagger2" -> ExportFormat.SWAGGER;
            default -> throw CliErrors.of("unknown export format '" + format + "': use oas30 or swagger");
        };
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            ExportOptions options = ExportOptions.json(extensions ? ExportExtensions.APIGATEWAY : ExportExtensions.NONE)
                    .withYaml(yaml);
            if (stage != null) {
                ApiDefinition draft = definition;
                Stage s = gateway.workspace().stage(draft.id(), stage)
                        .orElseThrow(() -> CliErrors.of("API " + draft.name() + " has no stage '" + stage + "'"));
                DeploymentSnapshot snapshot = gateway.workspace().deployment(draft.id(), s.deploymentId())
                        .orElseThrow(() -> CliErrors.of("stage " + stage + " points at a missing deployment " + s.deploymentId()));
                definition = snapshot.api();
                options = options.withStage(new StageInfo(stage,
                        Instant.ofEpochSecond(snapshot.deployment().createdDate()),
                        "http://" + definition.id() + ".execute-api.localhost:" + ServeCommand.DEFAULT_PORT));
            }
            String text = OpenApiExporter.export(definition, exportFormat, options);
            if (output == null) {
                System.out.print(text);
                if (!text.endsWith("\n")) System.out.println();
            } else {
                AtomicFiles.write(output.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
                System.err.println("wrote " + output);
            }
        }
        return 0;
    }
}
