package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.engine.model.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API key values stay out of the git-tracked definitions: {@code apikeys/{id}.json} holds the value's SHA-256, the
 * value itself sits in the git-ignored {@code .gatehouse/secrets/apikeys/{id}}, readable by the owner only. Old
 * workspaces with clear values are moved to this layout when opened for editing, losing nothing.
 */
class ApiKeyStorageTest {

    private static final String VALUE = "clear-key-value-0123456789abcdef";

    @TempDir Path dir;

    private static ApiKey key(String id, String value) {
        return new ApiKey(id, value, "name-" + id, null, "a key", true, 1L, 2L, List.of(), Map.of());
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void aKeysDefinitionHoldsOnlyTheSha256OfItsValueWhichLivesInAnOwnerOnlySecretFile() throws Exception {
        try (Workspace ws = Workspace.create(dir, "keys")) {
            ws.apply(Edit.putApiKey(key("k1", VALUE)));
        }
        String definition = read(dir.resolve("apikeys/k1.json"));
        assertThat(definition).doesNotContain(VALUE).contains("\"valueSha256\" : \"" + sha256(VALUE) + "\"");
        Path secret = dir.resolve(".gatehouse/secrets/apikeys/k1");
        assertThat(read(secret)).isEqualTo(VALUE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".gatehouse/secrets"))))
                .isEqualTo("rwx------");

        try (Workspace reopened = Workspace.openReadOnly(dir)) {
            assertThat(reopened.state().apiKey("k1").orElseThrow().value()).as("the value comes back from the secret")
                    .isEqualTo(VALUE);
            assertThat(reopened.problems()).isEmpty();
        }
    }

    @Test
    void gitNeverSeesAKeyValueInAWorkspaceCommittedWhole() throws Exception {
        assumeTrue(onPath("git"), "git is not installed");
        try (Workspace ws = Workspace.create(dir, "keys")) {
            ws.apply(Edit.putApiKey(key("k1", VALUE)));
        }
        git("init", "-q");
        git("add", "-A");
        String tracked = git("ls-files");
        assertThat(tracked).contains("apikeys/k1.json").doesNotContain("secrets");
        assertThat(git("grep", "-c", "--cached", "-e", VALUE, "--", ".").isBlank()).as("no tracked file holds the value").isTrue();
    }

    @Test
    void anOldWorkspaceWithAClearValueIsMigratedWhenOpenedForEditingAndNothingIsLost() throws Exception {
        try (Workspace ws = Workspace.create(dir, "keys")) {
            // an ordinary write, so the test only swaps the file for its old-layout form below
            ws.apply(Edit.putApiKey(key("k1", VALUE)));
        }
        Files.delete(dir.resolve(".gatehouse/secrets/apikeys/k1"));
        String old = """
                {
                  "id" : "k1",
                  "value" : "%s",
                  "name" : "name-k1",
                  "description" : "a key",
                  "enabled" : true,
                  "createdDate" : 1,
                  "lastUpdatedDate" : 2
                }
                """.formatted(VALUE);
        Files.writeString(dir.resolve("apikeys/k1.json"), old);

        try (Workspace readOnly = Workspace.openReadOnly(dir)) {
            assertThat(readOnly.state().apiKey("k1").orElseThrow().value()).isEqualTo(VALUE);
        }
        assertThat(read(dir.resolve("apikeys/k1.json"))).as("a read-only open writes nothing").isEqualTo(old);

        try (Workspace editing = Workspace.open(dir)) {
            assertThat(editing.state().apiKey("k1").orElseThrow()).isEqualTo(key("k1", VALUE));
            assertThat(editing.problems()).isEmpty();
        }
        assertThat(read(dir.resolve("apikeys/k1.json"))).doesNotContain(VALUE).contains(sha256(VALUE));
        assertThat(read(dir.resolve(".gatehouse/secrets/apikeys/k1"))).isEqualTo(VALUE);
        try (Workspace again = Workspace.open(dir)) {
            assertThat(again.state().apiKey("k1").orElseThrow()).isEqualTo(key("k1", VALUE));
        }
    }

    @Test
    void aMissingOrForeignSecretIsReportedAndTheKeyHasNoValue() throws Exception {
        try (Workspace ws = Workspace.create(dir, "keys")) {
            ws.apply(Edit.putApiKey(key("k1", VALUE)));
            ws.apply(Edit.putApiKey(key("k2", "second-value-0123456789abcdef")));
        }
        Files.delete(dir.resolve(".gatehouse/secrets/apikeys/k1"));
        Files.writeString(dir.resolve(".gatehouse/secrets/apikeys/k2"), "someone-else-0123456789abcdef");
        try (Workspace ws = Workspace.openReadOnly(dir)) {
            assertThat(ws.state().apiKey("k1").orElseThrow().value()).isNull();
            assertThat(ws.state().apiKey("k2").orElseThrow().value()).isNull();
            assertThat(ws.problems()).extracting(WorkspaceProblem::message).containsExactlyInAnyOrder(
                    "The value of API key k1 is not in .gatehouse/secrets/apikeys/k1 (a copy of the workspace without its "
                            + ".gatehouse folder?); the key matches no request until its value is set again",
                    "The value in .gatehouse/secrets/apikeys/k2 is not API key k2's (its SHA-256 differs from "
                            + "valueSha256); the key matches no request until its value is set again");
        }
    }

    @Test
    void deletingAKeyRemovesItsSecretAndUndoBringsBothBack() throws Exception {
        try (Workspace ws = Workspace.create(dir, "keys")) {
            EditHistory history = new EditHistory(ws);
            history.apply(Edit.putApiKey(key("k1", VALUE)));
            history.apply(Edit.deleteApiKey("k1"));
            assertThat(dir.resolve("apikeys/k1.json")).doesNotExist();
            assertThat(dir.resolve(".gatehouse/secrets/apikeys/k1")).doesNotExist();
            history.undo();
            assertThat(read(dir.resolve(".gatehouse/secrets/apikeys/k1"))).isEqualTo(VALUE);
            assertThat(ws.state().apiKey("k1").orElseThrow().value()).isEqualTo(VALUE);
        }
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c", "user.name=t"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
