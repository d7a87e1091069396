package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceRoundTripTest {
    @TempDir Path dir;

    @Test
    void everyDocumentTypeReadsBackEqualAfterReopening() {
        ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 6);
        WorkspaceState written;
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
            ws.apply(Edit.deployDraft(api.id(), new Deployment("dep001", "first", NOW.getEpochSecond()), "prod", NOW));
            ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("key0000001", "alice")));
            ws.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("plan01", api.id(), "prod", List.of("key0000001"))));
            ws.apply(Edit.putDomainName(WorkspaceFixtures.domainName("api.example.com", api.id(), "prod")));
            ws.apply(Edit.setDefaultApi(api.id()));
            written = ws.state();
        }

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).isEmpty();
            assertThat(ws.name()).isEqualTo("demo");
            assertThat(ws.defaultApiId()).contains("petstore01");
            assertThat(ws.apis()).containsExactly(api);
            assertThat(ws.stages(api.id())).isEqualTo(written.stages(api.id())).hasSize(1);
            assertThat(ws.deployments(api.id())).isEqualTo(written.deployments(api.id())).hasSize(1);
            assertThat(ws.deployment(api.id(), "dep001").orElseThrow().api()).isEqualTo(api);
            assertThat(ws.apiKeys()).isEqualTo(written.apiKeys()).hasSize(1);
            assertThat(ws.usagePlans()).isEqualTo(written.usagePlans()).hasSize(1);
            assertThat(ws.domainNames()).isEqualTo(written.domainNames()).hasSize(1);
        }
        assertThat(WorkspaceFixtures.files(dir).keySet()).containsExactly(
                "apikeys/key0000001.json",
                "apis/petstore01/api.json",
                "apis/petstore01/deployments/dep001.json",
                "apis/petstore01/stages/prod.json",
                "domainnames/api.example.com.json",
                "usageplans/plan01.json",
                "workspace.json");
    }

    @Test
    void workspaceJsonHoldsFormatVersionNameAndDefaultApi() throws Exception {
        try (Workspace ws = Workspace.create(dir, "demo")) {
            assertThat(Files.readString(dir.resolve("workspace.json")))
                    .isEqualToIgnoringWhitespace("{\"formatVersion\":1,\"name\":\"demo\"}");
            ws.apply(Edit.createApi(WorkspaceFixtures.api("petstore01", "PetStore", 1)));
            ws.apply(Edit.setDefaultApi("petstore01"));
        }
        assertThat(Files.readString(dir.resolve("workspace.json")))
                .isEqualToIgnoringWhitespace("{\"defaultApiId\":\"petstore01\",\"formatVersion\":1,\"name\":\"demo\"}");
    }

    @Test
    void filesArePrettySortedUtf8WithLfLineEndsAndAFinalNewline() throws Exception {
        ApiDefinition api = WorkspaceFixtures.api("petstore01", "Pet Störe ✓", 3);
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("apis/petstore01/api.json"));
        assertThat(bytes).isEqualTo(Json.pretty(api).getBytes(StandardCharsets.UTF_8));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("}\n").contains("Pet Störe ✓").contains("\n  \"resources\"");
    }

    @Test
    void savingAnUnchangedDefinitionDoesNotRewriteTheFile() throws Exception {
        ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 3);
        Path file = dir.resolve("apis/petstore01/api.json");
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
            FileTime old = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(file, old);
            ApiDefinition equalCopy = Json.mapper().readValue(Json.pretty(api), ApiDefinition.class);

            AppliedEdit applied = ws.apply(Edit.replaceApi(equalCopy));

            assertThat(applied.isEmpty()).isTrue();
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        }
    }

    @Test
    void aHandFormattedFileIsLeftAsItIsWhenItsApiIsSavedUnchanged() throws Exception {
        ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 2);
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
        }
        Path file = dir.resolve("apis/petstore01/api.json");
        String compact = Json.mapper().writeValueAsString(api);
        Files.writeString(file, compact);
        try (Workspace ws = Workspace.open(dir)) {
            ws.apply(Edit.replaceApi(ws.api("petstore01").orElseThrow()));
            ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey("key0000001", "alice")));
        }
        assertThat(Files.readString(file)).isEqualTo(compact);
    }

    @Test
    void deploymentsAreListedOldestFirst() {
        ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 1);
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
            ws.apply(Edit.deploy(api.id(), WorkspaceFixtures.deployment(api, "zzz001", 300), null));
            ws.apply(Edit.deploy(api.id(), WorkspaceFixtures.deployment(api, "aaa001", 200), null));
            ws.apply(Edit.deploy(api.id(), WorkspaceFixtures.deployment(api, "mmm001", 100), null));
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.deployments(api.id())).extracting(d -> d.deployment().id()).containsExactly("mmm001", "aaa001", "zzz001");
        }
    }

    @Test
    void aFolderWithoutWorkspaceJsonIsNotAWorkspace() {
        assertThatThrownBy(() -> Workspace.open(dir))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("is not a Gatehouse workspace");
        assertThat(dir.resolve(".gatehouse")).doesNotExist();
    }

    @Test
    void creatingAWorkspaceWhereOneExistsFails() {
        Workspace.create(dir, "first").close();
        assertThatThrownBy(() -> Workspace.create(dir, "second"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("already holds a Gatehouse workspace");
    }

    @Test
    void runtimeFolderIsIgnoredByGit() throws Exception {
        Workspace.create(dir, "demo").close();
        assertThat(Files.readString(dir.resolve(".gatehouse/.gitignore"))).isEqualTo("*\n");
    }
}
