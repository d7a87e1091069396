package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.sdk.DocsResult;
import dev.gatehouse.engine.sdk.SdkException;
import dev.gatehouse.engine.sdk.SdkGenerator;
import dev.gatehouse.engine.sdk.StageDocument;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse docs API --stage S --out DIR}: one HTML page for a stage, with its OpenAPI file beside it. */
@Command(name = "docs", mixinStandardHelpOptions = true, description = "Write a stage's API documentation: index.html (one file) and openapi.json.")
final class DocsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--stage", required = true, paramLabel = "NAME", description = "The stage to document.")
    String stage;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "DIR", description = "Folder for index.html and openapi.json.")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The stage's invoke URL shown in examples. Default: the local engine's path-style URL.")
    String baseUrl;

    @Override public Integer call() {
        try (Gateway gateway = workspace.open(false)) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            String url = baseUrl != null ? baseUrl
                    : StageDocument.defaultInvokeUrl(definition.id(), stage, ServeCommand.DEFAULT_PORT);
            DocsResult r = SdkGenerator.generateDocs(StageDocument.of(gateway.workspace(), definition.id(), stage, url), out);
            System.out.println(r.html());
            System.out.println(r.openApi());
            System.err.printf(Locale.ROOT, "documentation for %s stage %s in %.1f s%n", definition.name(), stage,
                    r.elapsed().toMillis() / 1000.0);
        } catch (SdkException e) {
            throw CliErrors.of(e.getMessage());
        }
        return 0;
    }
}
