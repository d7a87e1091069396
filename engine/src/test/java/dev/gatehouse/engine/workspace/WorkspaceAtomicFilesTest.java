package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceAtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writeReplacesTheContentAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("a.json");
        AtomicFiles.write(file, bytes("a long first content"));
        AtomicFiles.write(file, bytes("short"));

        assertThat(Files.readString(file)).isEqualTo("short");
        assertThat(entries(dir)).containsExactly("a.json");
    }

    @Test
    void writeCreatesMissingFolders() throws Exception {
        Path file = dir.resolve("apis/x/stages/prod.json");
        AtomicFiles.write(file, bytes("{}"));

        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void writeOnceRefusesOtherContentButAcceptsTheSame() throws Exception {
        Path file = dir.resolve("deployments/d1.json");
        AtomicFiles.writeOnce(file, bytes("frozen"));
        AtomicFiles.writeOnce(file, bytes("frozen"));

        assertThatThrownBy(() -> AtomicFiles.writeOnce(file, bytes("thawed"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("frozen");
        assertThat(entries(file.getParent())).containsExactly("d1.json");
    }

    @Test
    void deleteRemovesTheFileAndSaysWhetherThereWasOne() throws Exception {
        Path file = dir.resolve("a.json");
        AtomicFiles.write(file, bytes("x"));

        assertThat(AtomicFiles.delete(file)).isTrue();
        assertThat(AtomicFiles.delete(file)).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void onlyTempFileNamesAreTakenForTempFiles() {
        assertThat(AtomicFiles.isTempFile(Path.of(".api.json.4fzq1.tmp"))).isTrue();
        assertThat(AtomicFiles.isTempFile(Path.of("api.json"))).isFalse();
        assertThat(AtomicFiles.isTempFile(Path.of("notes.tmp"))).isFalse();
        assertThat(AtomicFiles.isTempFile(Path.of(".tmp"))).isFalse();
    }

    @Test
    void deleteTempFilesRemovesOnlyTempFiles() throws Exception {
        Files.writeString(dir.resolve(".a.json.x1.tmp"), "half");
        Files.writeString(dir.resolve("a.json"), "{}");

        assertThat(AtomicFiles.deleteTempFiles(dir)).containsExactly(dir.resolve(".a.json.x1.tmp"));
        assertThat(entries(dir)).containsExactly("a.json");
    }

    @Test
    void anEmptyFolderIsRemovedAndAFolderWithUserFilesIsKept() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("kept"));
        Files.writeString(dir.resolve("kept/README.md"), "mine");

        AtomicFiles.deleteDirectoryIfEmpty(dir.resolve("empty"));
        AtomicFiles.deleteDirectoryIfEmpty(dir.resolve("kept"));

        assertThat(entries(dir)).containsExactly("kept");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
