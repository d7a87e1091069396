package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link WorkspaceConcurrentEditTest}: a second writer of a shared workspace, as {@code gatehouse}
 * in a shell beside the console. With the arguments {@code DIR API COUNT} it adds the resources {@code /fromprobeN}
 * (N = 0 … COUNT-1) to the API, one edit each, every edit based on the revision it was made on; with
 * {@code DIR API describe TEXT} it sets the API's description once. Prints "edited N" when done, or the failure.
 */
public final class WorkspaceEditorProbeMain {
    private WorkspaceEditorProbeMain() {}

    public static void main(String[] args) {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            String apiId = args[1];
            if (args[2].equals("describe")) {
                ApiDefinition api = ws.api(apiId).orElseThrow();
                ws.apply(Edit.replaceApi(api.withRestApi(api.restApi().withDescription(args[3]))));
                System.out.println("edited 1");
                return;
            }
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                String part = "fromprobe" + i;
                ws.apply(new Edit() {
                    @Override public String description() {
                        return "Create resource /" + part;
                    }

                    @Override public List<Change<?>> plan(WorkspaceState state) {
                        ApiDefinition api = state.api(apiId).orElseThrow();
                        return Edit.replaceApi(api.addResource(api.root().id(), part, null)).plan(state);
                    }
                }.basedOn(ws.revision()));
            }
            System.out.println("edited " + count);
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
        }
    }
}
