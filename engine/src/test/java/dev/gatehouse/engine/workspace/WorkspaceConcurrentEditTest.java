package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one workspace folder, each a real process writing real files: the console (this JVM) and
 * {@code gatehouse} in a shell ({@link WorkspaceEditorProbeMain} in a child JVM). An edit built on what the console
 * showed before another process's write arrived carries that revision ({@link Edit#basedOn}): it is rebased onto
 * the other write when they touch different fields of the same file, and refused, naming the place, when it would
 * undo what the other process wrote. Nothing is lost either way.
 */
class WorkspaceConcurrentEditTest {
    private static final String API = "shared0001";

    @TempDir Path dir;

    @Test
    void anEditMadeBeforeAnotherProcessChangedTheSameFieldIsRefusedAndTheirChangeIsKeptAndShown() throws Exception {
        try (Workspace console = Workspace.create(dir, "demo")) {
            console.apply(Edit.createApi(WorkspaceFixtures.api(API, "Shared", 1)));
            long shown = console.revision();
            ApiDefinition seen = console.api(API).orElseThrow();

            assertThat(runProbe(API, "describe", "written by the shell")).isEqualTo("edited 1");

            Edit mine = Edit.replaceApi(seen.withRestApi(seen.restApi().withDescription("typed in the console")))
                    .describedAs("Change API Shared").basedOn(shown);
            assertThatThrownBy(() -> console.apply(mine))
                    .isInstanceOf(EditConflict.class)
                    .hasMessageContaining("Cannot change API Shared: ")
                    .hasMessageContaining(dir.resolve("apis/shared0001/api.json").toString())
                    .hasMessageContaining("was changed by another process")
                    .hasMessageContaining("at /restApi/description")
                    .hasMessageContaining("Nothing was saved")
                    .satisfies(e -> assertThat(((EditConflict) e).places()).containsExactly("/restApi/description"));

            assertThat(Files.readString(dir.resolve("apis/shared0001/api.json"))).contains("written by the shell")
                    .doesNotContain("typed in the console");
            assertThat(console.api(API).orElseThrow().restApi().description()).as("their version is shown")
                    .isEqualTo("written by the shell");
            assertThat(console.revision()).as("the reload is an event of its own").isGreaterThan(shown);

            ApiDefinition fresh = console.api(API).orElseThrow();
            console.apply(Edit.replaceApi(fresh.withRestApi(fresh.restApi().withDescription("typed again, after looking")))
                    .basedOn(console.revision()));
            assertThat(Files.readString(dir.resolve("apis/shared0001/api.json"))).contains("typed again, after looking");
        }
    }

    @Test
    void anEditOfAnotherFieldMadeBeforeAnotherProcessWroteTheFileIsRebasedOntoTheirVersion() throws Exception {
        try (Workspace console = Workspace.create(dir, "demo")) {
            console.apply(Edit.createApi(WorkspaceFixtures.api(API, "Shared", 1)));
            long shown = console.revision();

            assertThat(runProbe(API, "describe", "written by the shell")).isEqualTo("edited 1");

            console.apply(addResource("fromconsole").basedOn(shown));

            try (Workspace reopened = Workspace.open(dir)) {
                ApiDefinition stored = reopened.api(API).orElseThrow();
                assertThat(stored.restApi().description()).isEqualTo("written by the shell");
                assertThat(stored.resourceByPath("/fromconsole")).isPresent();
            }
        }
    }

    @Test
    void anEditWithoutABaseStillRefusesAFileChangedOnDiskSinceItWasRead() throws Exception {
        try (Workspace cli = Workspace.create(dir, "demo")) {
            cli.apply(Edit.createApi(WorkspaceFixtures.api(API, "Shared", 1)));
            ApiDefinition seen = cli.api(API).orElseThrow();
            assertThat(runProbe(API, "describe", "written by the shell")).isEqualTo("edited 1");

            assertThatThrownBy(() -> cli.apply(Edit.replaceApi(seen.withRestApi(seen.restApi().withDescription("stale")))))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("was changed on disk since this workspace read it");
            assertThat(Files.readString(dir.resolve("apis/shared0001/api.json"))).contains("written by the shell");
        }
    }

    @Test
    void theConsoleAndAShellEditingOneFileAtOnceLoseNoEditOfEither() throws Exception {
        int count = 25;
        try (Workspace console = Workspace.create(dir, "demo")) {
            console.apply(Edit.createApi(WorkspaceFixtures.api(API, "Shared", 1)));
            console.followDisk(java.time.Duration.ofMillis(5)); // reloads interleave with the console's edits

            Process shell = WorkspaceChildJvm.start(WorkspaceEditorProbeMain.class, dir.toString(), API, String.valueOf(count));
            try {
                for (int i = 0; i < count; i++) {
                    String text = "console edit " + i;
                    console.apply(change("Describe", api -> api.withRestApi(api.restApi().withDescription(text)))
                            .basedOn(console.revision()));
                    console.apply(addResource("fromconsole" + i).basedOn(console.revision()));
                }
                assertThat(shell.waitFor(120, TimeUnit.SECONDS)).as("the shell finished").isTrue();
                String answer = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).contains("edited " + count);
            } finally {
                shell.destroyForcibly();
            }
        }
        try (Workspace reopened = Workspace.open(dir)) {
            ApiDefinition stored = reopened.api(API).orElseThrow();
            List<String> paths = stored.resources().stream().map(Resource::path).toList();
            for (int i = 0; i < count; i++) {
                assertThat(paths).as("the console's and the shell's resources").contains("/fromconsole" + i, "/fromprobe" + i);
            }
            assertThat(stored.restApi().description()).isEqualTo("console edit " + (count - 1));
        }
    }

    private static Edit addResource(String part) {
        return change("Create resource /" + part, api -> api.addResource(api.root().id(), part, null));
    }

    /** An edit as the console makes them: a change applied to the newest definition of the API. */
    private static Edit change(String description, UnaryOperator<ApiDefinition> op) {
        return new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                return Edit.replaceApi(op.apply(state.api(API).orElseThrow())).plan(state);
            }
        };
    }

    private String runProbe(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = dir.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        Process child = WorkspaceChildJvm.start(WorkspaceEditorProbeMain.class, all);
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("edited") || l.startsWith("failed")).findFirst().orElse("(no answer)");
        } finally {
            child.destroyForcibly();
        }
    }
}
