package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {
    @TempDir Path dir;

    @Test
    void aFolderWithoutAWorkspaceIsToldToImportServeTheSampleOrUseTheConsole() {
        Path sample = dir.resolve("sample");
        String message = FirstRun.message(dir, sample);

        assertThat(message).startsWith("Getting started: there is no Gatehouse workspace in " + dir + " yet.")
                .contains("gatehouse import api.yaml")
                .contains("gatehouse serve -w " + sample)
                .contains("create an API, clone one, or add AWS's example PetStore")
                .contains("Then: gatehouse deploy API --stage prod");
    }

    @Test
    void anEmptyWorkspaceIsToldToAddAnApiAndAWorkspaceWithApisHowManyItHolds() throws Exception {
        Files.writeString(dir.resolve("workspace.json"), "{\"formatVersion\": 1, \"name\": \"w\"}");
        assertThat(FirstRun.message(dir, null)).startsWith("Getting started: the workspace in " + dir + " has no API yet.")
                .doesNotContain("serve -w");

        Files.createDirectories(dir.resolve("apis/petstore01"));
        Files.writeString(dir.resolve("apis/petstore01/api.json"), "{}");
        assertThat(FirstRun.message(dir, null)).startsWith("Workspace " + dir + ": 1 API.");
    }

    @Test
    void gatehouseWithNoArgumentsPrintsHowToStartBeforeTheUsage() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(GatehouseCli.execute()).isZero();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.indexOf("gatehouse import api.yaml")).isNotNegative().isLessThan(out.indexOf("Usage: gatehouse"));
    }
}
