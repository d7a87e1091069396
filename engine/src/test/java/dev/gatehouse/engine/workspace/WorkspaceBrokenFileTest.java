package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceBrokenFileTest {
    @TempDir Path dir;
    ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 4);
    ApiDefinition other = WorkspaceFixtures.api("orders0001", "Orders", 2);

    @BeforeEach
    void twoApisWithAStage() {
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.apply(Edit.createApi(api));
            ws.apply(Edit.createApi(other));
            ws.apply(Edit.deployDraft(api.id(), new Deployment("dep001", null, 1L), "prod", NOW));
        }
    }

    @Test
    void badJsonIsReportedWithPathLineAndColumnAndEverythingElseOpens() {
        Path broken = dir.resolve("apis/petstore01/stages/beta.json");
        String text = "{\n  \"stageName\" : \"beta\",\n  \"deploymentId\" : \"dep001\",\n  \"variables\" : { \"a\" : \"b\", }\n}\n";
        WorkspaceFixtures.write(broken, text);

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).hasSize(1);
            WorkspaceProblem problem = ws.problems().getFirst();
            assertThat(problem.file()).isEqualTo(broken);
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(text.lines().toList().get(3).lastIndexOf('}') + 1);
            assertThat(problem.message()).startsWith("Unreadable: ").contains("expected a field name in double quotes");
            assertThat(ws.isQuarantined(broken)).isTrue();
            assertThat(ws.apis()).hasSize(2);
            assertThat(ws.stages(api.id())).extracting(s -> s.stageName()).containsExactly("prod");
        }
    }

    @Test
    void aValueOfTheWrongShapeIsReportedAtItsField() {
        Path broken = dir.resolve("apikeys/key0000001.json");
        WorkspaceFixtures.write(broken, "{\n  \"id\" : \"key0000001\",\n  \"enabled\" : \"very\"\n}\n");

        try (Workspace ws = Workspace.open(dir)) {
            WorkspaceProblem problem = ws.problems().getFirst();
            assertThat(problem.file()).isEqualTo(broken);
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(15);
            assertThat(problem.message()).contains("expected true or false").contains("\"very\"");
            assertThat(ws.apiKeys()).isEmpty();
        }
    }

    @Test
    void anUnknownFieldIsReportedAtItsLine() {
        Path broken = dir.resolve("apikeys/key0000001.json");
        WorkspaceFixtures.write(broken, "{\n  \"id\" : \"key0000001\",\n  \"naem\" : \"alice\"\n}\n");

        try (Workspace ws = Workspace.open(dir)) {
            WorkspaceProblem problem = ws.problems().getFirst();
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).contains("naem");
        }
    }

    @Test
    void aDefinitionBreakingAwsRulesIsReportedAtTheOffendingLineAndStillShown() throws Exception {
        Path file = dir.resolve("apis/petstore01/api.json");
        String text = Files.readString(file).replace("\"pathPart\" : \"items1\"", "\"pathPart\" : \"items 1\"");
        Files.writeString(file, text);
        int expectedLine = lineOf(text, "\"pathPart\" : \"items 1\"");

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
            WorkspaceProblem pathPart = ws.problems().stream().filter(p -> p.message().contains("path part")).findFirst().orElseThrow();
            assertThat(pathPart.line()).isEqualTo(expectedLine);
            assertThat(pathPart.column()).isEqualTo(7);
            assertThat(ws.api(api.id())).isPresent();
            assertThat(ws.isQuarantined(file)).isTrue();
        }
    }

    @Test
    void problemsPointIntoTheFileEvenWhenItListsResourcesInAnotherOrder() throws Exception {
        Path file = dir.resolve("apis/petstore01/api.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(file.toFile());
        ArrayNode resources = (ArrayNode) tree.get("resources");
        List<com.fasterxml.jackson.databind.JsonNode> reversed = new ArrayList<>();
        resources.forEach(reversed::add);
        resources.removeAll();
        reversed.reversed().forEach(resources::add);
        String text = Json.pretty(tree).replace("\"pathPart\" : \"items1\"", "\"pathPart\" : \"items 1\"");
        Files.writeString(file, text);

        try (Workspace ws = Workspace.open(dir)) {
            WorkspaceProblem pathPart = ws.problems().stream().filter(p -> p.message().contains("path part")).findFirst().orElseThrow();
            assertThat(pathPart.line()).isEqualTo(lineOf(text, "\"pathPart\" : \"items 1\""));
        }
    }

    @Test
    void aBrokenFileStaysByteForByteAsItWasWhileEverythingElseIsEdited() throws Exception {
        Path broken = dir.resolve("apis/petstore01/stages/beta.json");
        WorkspaceFixtures.write(broken, "{ \"stageName\" : \"beta\", oops }");
        byte[] before = Files.readAllBytes(broken);

        try (Workspace ws = Workspace.open(dir)) {
            ws.apply(Edit.replaceApi(ws.api(api.id()).orElseThrow().withRestApi(api.restApi().withDescription("changed"))));
            ws.apply(Edit.putStage(api.id(), WorkspaceFixtures.stage("gamma", "dep001")));
            ws.apply(Edit.deployDraft(api.id(), new Deployment("dep002", null, 2L), "prod", NOW));
            ws.apply(Edit.deleteStage(api.id(), "gamma"));
            ws.apply(Edit.deleteApi(other.id()));
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).extracting(WorkspaceProblem::file).containsExactly(broken);
        }
        assertThat(Files.readAllBytes(broken)).isEqualTo(before);
    }

    @Test
    void anEditThatWouldOverwriteABrokenFileFailsNamingIt() throws Exception {
        Path broken = dir.resolve("apis/petstore01/stages/beta.json");
        WorkspaceFixtures.write(broken, "not json");

        try (Workspace ws = Workspace.open(dir)) {
            Map<String, byte[]> files = WorkspaceFixtures.files(dir);
            assertThatThrownBy(() -> ws.apply(Edit.putStage(api.id(), WorkspaceFixtures.stage("beta", "dep001"))))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(broken.toString())
                    .hasMessageContaining("has problems")
                    .satisfies(e -> assertThat(((WorkspaceException) e).file()).isEqualTo(broken));
            assertThatThrownBy(() -> ws.apply(Edit.deleteApi(api.id())))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(broken.toString());
            assertThat(WorkspaceFixtures.files(dir)).containsOnlyKeys(files.keySet());
            assertThat(Files.readString(broken)).isEqualTo("not json");
        }
    }

    @Test
    void aDefinitionBreakingAwsRulesCannotBeReplacedUntilFixedByHand() throws Exception {
        Path file = dir.resolve("apis/petstore01/api.json");
        Files.writeString(file, Files.readString(file).replace("\"pathPart\" : \"items1\"", "\"pathPart\" : \"items 1\""));
        byte[] before = Files.readAllBytes(file);

        try (Workspace ws = Workspace.open(dir)) {
            assertThatThrownBy(() -> ws.apply(Edit.replaceApi(api)))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(file.toString());
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileWhoseIdDoesNotMatchItsNameIsReported() {
        Path misnamed = dir.resolve("apis/petstore01/stages/staging.json");
        WorkspaceFixtures.write(misnamed, Json.pretty(WorkspaceFixtures.stage("prod2", "dep001")));

        try (Workspace ws = Workspace.open(dir)) {
            WorkspaceProblem problem = ws.problems().getFirst();
            assertThat(problem.file()).isEqualTo(misnamed);
            assertThat(problem.message()).contains("prod2").contains("staging.json");
            assertThat(problem.line()).isEqualTo(lineOf(WorkspaceFixtures.read(misnamed), "\"stageName\""));
            assertThat(ws.stages(api.id())).extracting(s -> s.stageName()).containsExactly("prod");
        }
    }

    @Test
    void aBrokenWorkspaceJsonStillOpensUnderTheFolderName() {
        WorkspaceFixtures.write(dir.resolve("workspace.json"), "{\"formatVersion\": 1, \"name\": ");

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.name()).isEqualTo(dir.getFileName().toString());
            assertThat(ws.problems()).extracting(WorkspaceProblem::file).containsExactly(dir.resolve("workspace.json"));
            assertThat(ws.apis()).hasSize(2);
            assertThatThrownBy(() -> ws.apply(Edit.setDefaultApi(api.id()))).isInstanceOf(WorkspaceException.class);
        }
    }

    @Test
    void aWorkspaceFromANewerFormatIsReportedAndItsSettingsLeftAlone() {
        WorkspaceFixtures.write(dir.resolve("workspace.json"), "{\"formatVersion\": 2, \"name\": \"future\"}");

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems().getFirst().message()).contains("Format version 2 is not supported");
            assertThatThrownBy(() -> ws.apply(Edit.setDefaultApi(api.id()))).isInstanceOf(WorkspaceException.class);
        }
    }

    @Test
    void leftoverTempFilesAreNeverReadAndAreRemovedWhenOpenedForEditing() throws Exception {
        Path temp = dir.resolve("apis/petstore01/.api.json.k3j2h1.tmp");
        Path stageTemp = dir.resolve("apis/petstore01/stages/.prod.json.x9.tmp");
        WorkspaceFixtures.write(temp, "{ half a fi");
        WorkspaceFixtures.write(stageTemp, "");

        try (Workspace ws = Workspace.openReadOnly(dir)) {
            assertThat(ws.problems()).isEmpty();
            assertThat(temp).exists();
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).isEmpty();
            assertThat(ws.api(api.id())).contains(api);
        }
        assertThat(temp).doesNotExist();
        assertThat(stageTemp).doesNotExist();
    }

    @Test
    void anApiFolderWithoutApiJsonIsReportedAndIgnored() throws Exception {
        Files.delete(dir.resolve("apis/orders0001/api.json"));
        WorkspaceFixtures.write(dir.resolve("apis/orders0001/stages/prod.json"), Json.pretty(WorkspaceFixtures.stage("prod", "x")));

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.problems()).extracting(WorkspaceProblem::file).containsExactly(dir.resolve("apis/orders0001"));
            assertThat(ws.apis()).extracting(ApiDefinition::id).containsExactly(api.id());
            assertThat(ws.stages("orders0001")).isEmpty();
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in text");
    }
}
