package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link WorkspaceCrashSafetyTest}: opens the workspace and applies, in a tight loop, one
 * multi-file edit that flips the API, its stage, an API key, a usage plan and the default API between their old
 * and new values, until it is killed. Arguments as {@link WorkspaceCrashWriterMain}; the payload files are the
 * documents' JSON, in the order of {@link WorkspaceCrashSafetyTest#targets}.
 */
public final class WorkspaceCrashEditorMain {
    private WorkspaceCrashEditorMain() {}

    public static void main(String[] args) throws Exception {
        Path payload = Path.of(args[1]);
        Edit[] edits = {edit(payload, "new"), edit(payload, "old")};
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            for (long round = Long.parseLong(args[2]); ; round++) {
                ws.apply(edits[(int) (round % 2)]);
            }
        }
    }

    private static Edit edit(Path payload, String which) throws Exception {
        WorkspaceSettings settings = Json.mapper().readValue(payload.resolve("0." + which).toFile(), WorkspaceSettings.class);
        ApiDefinition api = Json.mapper().readValue(payload.resolve("1." + which).toFile(), ApiDefinition.class);
        Stage stage = Json.mapper().readValue(payload.resolve("2." + which).toFile(), Stage.class);
        ApiKey key = Json.mapper().readValue(payload.resolve("3." + which).toFile(), ApiKey.class);
        UsagePlan plan = Json.mapper().readValue(payload.resolve("4." + which).toFile(), UsagePlan.class);
        return Edit.all("Flip to " + which, List.of(Edit.replaceApi(api), Edit.putStage(api.id(), stage),
                Edit.putApiKey(key), Edit.putUsagePlan(plan), Edit.setDefaultApi(settings.defaultApiId())));
    }
}
