package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks one API definition file ({@code apis/<id>/api.json}) as the workspace reads it, outside a workspace (the
 * CLI's {@code validate}): every problem with the file's line and column, in the same words the workspace uses.
 */
public final class DefinitionFiles {

    /** @param api the definition, null when the file could not be read as one */
    public record Checked(ApiDefinition api, List<WorkspaceProblem> problems) {}

    private DefinitionFiles() {}

    public static Checked check(Path file, byte[] json) {
        ApiDefinition api;
        try {
            api = Json.mapper().readValue(json, ApiDefinition.class);
        } catch (IOException | RuntimeException e) {
            return new Checked(null, List.of(ProblemLocator.unreadable(file, json, e)));
        }
        if (api == null) {
            return new Checked(null, List.of(new WorkspaceProblem(file, 1, 1, "Unreadable: the file holds null, not an API definition")));
        }
        return new Checked(api, ProblemLocator.definitionProblems(file, json, api, DefinitionValidator.validate(api)));
    }
}
