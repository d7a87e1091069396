package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.workspace.DefinitionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse validate FILE}: checks an OpenAPI document (a dry-run import with its fidelity report) or a
 * workspace API definition file ({@code apis/<id>/api.json}) against AWS's rules. Writes nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check an OpenAPI document or a workspace api.json without importing it.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--fail-on-warnings", description = "Exit non-zero when there are warnings.")
    boolean failOnWarnings;

    @Override public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) throw CliErrors.of("cannot read " + file + ": no such file");
        byte[] bytes = Files.readAllBytes(file);
        if (isDefinitionFile(bytes)) {
            DefinitionFiles.Checked checked = DefinitionFiles.check(file, bytes);
            if (checked.api() == null) throw CliErrors.of(checked.problems().get(0).toString());
            checked.problems().forEach(p -> System.err.println("error: " + p));
            if (!checked.problems().isEmpty()) throw CliErrors.of(file + ": " + checked.problems().size() + " problem(s)");
            ApiDefinition api = checked.api();
            System.out.println(file + ": valid API definition " + api.name() + " (" + api.methodCount() + " methods)");
            return 0;
        }
        ImportResult result = new OpenApiImporter().importNew(bytes, file.toString(),
                ImportOptions.defaults().withFailOnWarnings(failOnWarnings));
        ImportCommand.print(result.report());
        System.out.println(file + ": valid; would import " + result.api().name() + " with "
                + result.api().methodCount() + " methods, " + result.report().warnings().size() + " warning(s)");
        return 0;
    }

    private static boolean isDefinitionFile(byte[] bytes) {
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            return node != null && node.isObject() && node.has("restApi") && node.has("resources");
        } catch (java.io.IOException | RuntimeException notJson) {
            return false;
        }
    }
}
