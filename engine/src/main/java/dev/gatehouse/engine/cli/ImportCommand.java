package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.FidelityReport;
import dev.gatehouse.engine.openapi.ImportMode;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.workspace.Edit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse import FILE}: an OpenAPI document into the workspace, as a new API or into an existing one. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a Swagger 2.0 / OpenAPI 3.0 / 3.1 document (JSON or YAML).")
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The document to import.")
    Path file;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--mode", paramLabel = "overwrite|merge",
            description = "Import into an existing API (--api, or the API named like the document's title).")
    String mode;

    @Option(names = "--api", paramLabel = "API", description = "Id or name of the API to import into.")
    String api;

    @Option(names = "--fail-on-warnings", description = "Refuse the import when the fidelity report has warnings.")
    boolean failOnWarnings;

    @Override public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) throw CliErrors.of("cannot read " + file + ": no such file");
        byte[] document = Files.readAllBytes(file);
        ImportMode importMode = mode == null ? null : parseMode(mode);
        ImportOptions options = ImportOptions.defaults().withFailOnWarnings(failOnWarnings);
        OpenApiImporter importer = new OpenApiImporter();
        try (Gateway gateway = workspace.open(true)) {
            ImportResult result;
            Edit edit;
            if (importMode == null && api == null) {
                result = importer.importNew(document, file.toString(), options);
                edit = Edit.createApi(result.api());
            } else {
                if (importMode == null) importMode = ImportMode.OVERWRITE;
                String target = api != null ? api : importer.importNew(document, file.toString(), options).api().name();
                ApiDefinition existing = WorkspaceOption.api(gateway.workspace(), target);
                result = importer.importInto(existing, document, file.toString(), importMode, options);
                edit = Edit.replaceApi(result.api()).describedAs("Import " + file.getFileName() + " into " + existing.name());
            }
            gateway.history().apply(edit);
            print(result.report());
            ApiDefinition imported = result.api();
            System.out.println("imported " + imported.name() + " (id " + imported.id() + "): "
                    + (imported.resources().size()) + " resources, " + imported.methodCount() + " methods, "
                    + imported.models().size() + " models");
        }
        return 0;
    }

    static ImportMode parseMode(String mode) {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "overwrite" -> ImportMode.OVERWRITE;
            case "merge" -> ImportMode.MERGE;
            default -> throw CliErrors.of("Enumeration value of OpenAPI import mode must be \"overwrite\" or \"merge\"");
        };
    }

    static void print(FidelityReport report) {
        for (FidelityReport.Entry e : report.entries()) {
            System.err.println(e.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.pointer() + ": " + e.message());
        }
    }
}
