package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: child JVMs rewrite workspace files in a tight loop and are killed ({@code destroyForcibly}, i.e.
 * SIGKILL) at random moments; after every kill the workspace is opened and every file must parse and hold exactly
 * its old or its new content. Most children write with {@link AtomicFiles} directly (they start in ~0.1 s); every
 * tenth applies multi-file edits through {@link Workspace#apply} (~0.5 s to start). The number of kills is the
 * system property {@code gatehouse.crashKills} (default 200).
 *
 * <p>What this does not simulate: power loss. A killed process leaves the page cache intact, so this checks the
 * write protocol (no torn file is ever visible under its real name); the fsyncs that make it hold across power loss
 * are in the code but not provable here.
 */
class WorkspaceCrashSafetyTest {
    private static final int KILLS = Integer.getInteger("gatehouse.crashKills", 200);
    private static final int MAX_DELAY_MILLIS = 40;

    @TempDir Path tmp;

    /** The files the children rewrite, relative to the workspace; the payload files are numbered in this order. */
    static final List<String> targets = List.of("workspace.json", "apis/crashapi01/api.json",
            "apis/crashapi01/stages/prod.json", "apikeys/crashkey01.json", "usageplans/crashplan1.json");

    @Test
    void killingWritersAtRandomMomentsLeavesEveryFileWithItsOldOrItsNewContent() throws Exception {
        Path ws = tmp.resolve("ws");
        Path payload = tmp.resolve("payload");
        byte[][][] contents = prepare(ws, payload);
        Random random = new Random();
        int newSeen = 0;
        int oldSeen = 0;
        int midWrite = 0;
        long started = System.nanoTime();

        for (int kill = 0; kill < KILLS; kill++) {
            Class<?> main = kill % 10 == 9 ? WorkspaceCrashEditorMain.class : WorkspaceCrashWriterMain.class;
            Process child = WorkspaceChildJvm.start(main, ws.toString(), payload.toString(), Integer.toString(random.nextInt(2)));
            try {
                awaitReady(child);
                Thread.sleep(random.nextInt(MAX_DELAY_MILLIS + 1));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            if (tempFiles(ws) > 0) midWrite++;

            try (Workspace opened = Workspace.open(ws)) {
                assertThat(opened.problems()).as("problems after kill %d", kill).isEmpty();
                for (int i = 0; i < targets.size(); i++) {
                    byte[] now = Files.readAllBytes(ws.resolve(targets.get(i)));
                    boolean isOld = Arrays.equals(now, contents[i][0]);
                    boolean isNew = Arrays.equals(now, contents[i][1]);
                    assertThat(isOld || isNew).as("%s after kill %d holds its old or new content", targets.get(i), kill).isTrue();
                    if (isNew) newSeen++;
                    else oldSeen++;
                }
            }
            assertThat(tempFiles(ws)).as("temp files left after opening").isZero();
        }

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("crash safety: %d kills in %d s; %d kills left a write in flight; files found old %d, new %d times%n",
                KILLS, seconds, midWrite, oldSeen, newSeen);
        assertThat(newSeen).as("the children really wrote").isPositive();
        assertThat(oldSeen).as("the children really wrote back").isPositive();
    }

    /** Creates the workspace with the old contents and the payload folder; returns [target][old=0,new=1] bytes. */
    private static byte[][][] prepare(Path ws, Path payload) throws Exception {
        ApiDefinition oldApi = WorkspaceFixtures.api("crashapi01", "Crash", 8);
        ApiDefinition newApi = WorkspaceFixtures.api("crashapi01", "Crash", 30);
        dev.gatehouse.engine.model.ApiKey oldKey = WorkspaceFixtures.apiKey("crashkey01", "old");
        try (Workspace w = Workspace.create(ws, "crash")) {
            w.apply(Edit.createApi(oldApi));
            w.apply(Edit.deployDraft(oldApi.id(), new Deployment("dep001", null, 1L), "prod", NOW));
            w.apply(Edit.putApiKey(oldKey));
            w.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("crashplan1", oldApi.id(), "prod", List.of())));
        }
        Map<String, Object> newValues = Map.of(
                targets.get(0), WorkspaceSettings.named("crash").withDefaultApiId("crashapi01"),
                targets.get(1), newApi,
                targets.get(2), WorkspaceFixtures.stage("prod", "dep001").withDescription("a much longer description of the new stage", 7L),
                targets.get(3), WorkspaceFixtures.apiKey("crashkey01", "the new name of this key"),
                targets.get(4), WorkspaceFixtures.usagePlan("crashplan1", oldApi.id(), "prod", List.of("crashkey01")));
        Files.createDirectories(payload);
        Files.write(payload.resolve("targets.txt"), targets);
        byte[][][] contents = new byte[targets.size()][2][];
        for (int i = 0; i < targets.size(); i++) {
            contents[i][0] = Files.readAllBytes(ws.resolve(targets.get(i)));
            contents[i][1] = ChangeWriter.serialise(newValues.get(targets.get(i)));
            assertThat(contents[i][1].length).as("old and new differ in size").isNotEqualTo(contents[i][0].length);
            Files.write(payload.resolve(i + ".old"), contents[i][0]);
            Files.write(payload.resolve(i + ".new"), contents[i][1]);
            if (newValues.get(targets.get(i)) instanceof dev.gatehouse.engine.model.ApiKey key) {
                // the key's file holds its value's hash only (the value is a secret): the child needs the whole key
                Files.writeString(payload.resolve(i + ".old"), dev.gatehouse.engine.model.Json.pretty(oldKey));
                Files.writeString(payload.resolve(i + ".new"), dev.gatehouse.engine.model.Json.pretty(key));
            }
        }
        return contents;
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("ready")) return;
            seen.append(line).append('\n');
        }
        throw new AssertionError("child exited before it was ready:\n" + seen);
    }

    private static long tempFiles(Path ws) throws Exception {
        try (Stream<Path> walk = Files.walk(ws)) {
            return walk.filter(AtomicFiles::isTempFile).count();
        }
    }
}
