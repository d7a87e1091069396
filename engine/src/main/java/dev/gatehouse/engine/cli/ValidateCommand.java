package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Problem;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            ApiDefinition api;
            try {
                api = Json.mapper().readValue(bytes, ApiDefinition.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                var loc = e.getLocation();
                throw CliErrors.of(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                        + ": " + e.getOriginalMessage());
            }
            List<Problem> problems = DefinitionValidator.validate(api);
            problems.forEach(p -> System.err.println("error: " + p.pointer() + ": " + p.message()));
            if (!problems.isEmpty()) throw CliErrors.of(file + ": " + problems.size() + " problem(s)");
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
