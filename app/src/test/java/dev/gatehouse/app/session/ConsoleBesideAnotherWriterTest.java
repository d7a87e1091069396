package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.app.Harness;
import dev.gatehouse.app.method.MethodViewModel;
import dev.gatehouse.app.method.TemplatesModel;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console edits a workspace another writer changes at the same time (a shell, a hand edit, git): an edit
 * typed on what the console showed before their change arrived never undoes it, the refusal says why in words,
 * the typed text is kept, and an edit of another part is saved beside their change. And one console edit reads
 * the workspace once.
 */
class ConsoleBesideAnotherWriterTest {
    private static final String THEIRS = "{\"statusCode\": 200, \"from\": \"another process\"}";
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void aTemplateChangedOnDiskWhileTypedInKeepsTheTypedTextAndCannotBeSavedOverTheirs() throws Exception {
        h = Harness.sample();
        TemplatesModel templates = rootGetRequestTemplates();
        String typed = templates.loadedProperty().get().text() + "\n## typed in the console";
        templates.setEditedText(typed);

        changeRootGetRequestTemplateOnDisk(THEIRS);
        assertThat(h.gateway().workspace().refreshIfChangedOnDisk()).isTrue();

        assertThat(templates.problemProperty().get()).startsWith("Changed by another process while you typed");
        assertThat(templates.dirtyProperty().get()).as("the typed text is kept").isTrue();

        templates.setEditedText(typed + "!"); // typed on, then Save
        templates.save();

        assertThat(h.dialogs.errors).singleElement().asString()
                .startsWith("Cannot edit mapping template application/json of GET /: ")
                .contains(h.folder.resolve("apis/petstore01/api.json").toString())
                .contains("was changed by another process")
                .contains("/resources[/]/resourceMethods/GET/methodIntegration/requestTemplates/application/json")
                .contains("Nothing was saved");
        assertThat(rootGetRequestTemplateOnDisk()).isEqualTo(THEIRS);
        assertThat(templates.dirtyProperty().get()).as("still there to copy").isTrue();

        templates.revert();
        assertThat(templates.loadedProperty().get().text()).isEqualTo(THEIRS);
        templates.setEditedText(THEIRS + "\n## typed again, after looking");
        templates.save();
        assertThat(rootGetRequestTemplateOnDisk()).isEqualTo(THEIRS + "\n## typed again, after looking");
    }

    @Test
    void anEditOfAnotherPartIsSavedBesideTheOtherWritersChange() throws Exception {
        h = Harness.sample();
        changeRootGetRequestTemplateOnDisk(THEIRS);
        // no refresh yet: the console still shows the old template when the description is edited

        h.workbench.edit("Change API description", api -> api.withRestApi(api.restApi().withDescription("typed in the console")));

        assertThat(h.dialogs.errors).isEmpty();
        assertThat(rootGetRequestTemplateOnDisk()).isEqualTo(THEIRS);
        assertThat(Files.readString(h.folder.resolve("apis/petstore01/api.json"))).contains("typed in the console");
        assertThat(h.api().restApi().description()).isEqualTo("typed in the console");
    }

    @Test
    void oneConsoleEditReadsTheWorkspaceOnce() {
        h = Harness.petStore();
        int before = h.fake.apisReads;

        h.workbench.edit("Change API description", api -> api.withRestApi(api.restApi().withDescription("once")));

        assertThat(h.api().restApi().description()).isEqualTo("once");
        assertThat(h.fake.apisReads - before).isEqualTo(1);
    }

    private TemplatesModel rootGetRequestTemplates() {
        ApiDefinition api = h.api();
        MethodViewModel vm = new MethodViewModel(h.workbench);
        h.workbench.select(Selection.method(api.root().id(), "GET"));
        TemplatesModel templates = vm.integrationRequest().templates();
        assertThat(templates.selectedProperty().get()).isEqualTo("application/json");
        return templates;
    }

    private void changeRootGetRequestTemplateOnDisk(String template) throws Exception {
        Path file = h.folder.resolve("apis/petstore01/api.json");
        ObjectNode api = (ObjectNode) Json.mapper().readTree(file.toFile());
        rootGet(api).with("methodIntegration").with("requestTemplates").put("application/json", template);
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(api));
    }

    private String rootGetRequestTemplateOnDisk() throws Exception {
        JsonNode api = Json.mapper().readTree(h.folder.resolve("apis/petstore01/api.json").toFile());
        return rootGet((ObjectNode) api).path("methodIntegration").path("requestTemplates").path("application/json").asText();
    }

    private static ObjectNode rootGet(ObjectNode api) {
        for (JsonNode resource : api.path("resources")) {
            if (resource.path("path").asText().equals("/")) return (ObjectNode) resource.path("resourceMethods").path("GET");
        }
        throw new AssertionError("PetStore has no GET /");
    }
}
