package dev.gatehouse.app.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MethodViewModelTest {
    private final Harness h = Harness.petStore();
    private final MethodViewModel vm = new MethodViewModel(h.workbench);
    private String petsId;

    @BeforeEach
    void selectGetPets() {
        petsId = api().resourceByPath("/pets").orElseThrow().id();
        new dev.gatehouse.app.resources.ResourceTreeViewModel(h.workbench).addMethod(petsId, "POST");
        h.workbench.select(Selection.method(petsId, "POST"));
    }

    private ApiDefinition api() {
        return h.workbench.selectedApi().orElseThrow();
    }

    private Method post() {
        return api().resource(petsId).orElseThrow().method("POST");
    }

    @Test
    void selectionShowsTheMethodWithPhaseSummaries() {
        assertThat(vm.titleProperty().get()).isEqualTo("POST /pets");
        assertThat(vm.summariesProperty().get().get(Phase.INTEGRATION_REQUEST)).isEqualTo("MOCK");
        assertThat(vm.summariesProperty().get().get(Phase.METHOD_RESPONSE)).isEqualTo("200");
    }

    @Test
    void methodRequestSettingsAreSavedTogetherAsOneEdit() {
        MethodRequestViewModel request = vm.methodRequest();
        request.apiKeyRequiredProperty().set(true);
        request.authorizationTypeProperty().set(AuthorizationType.AWS_IAM);
        assertThat(request.dirtyProperty().get()).isTrue();
        assertThat(h.workbench.hasUnsavedChanges()).isTrue();

        request.saveSettings();

        assertThat(post().apiKeyRequired()).isTrue();
        assertThat(post().authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(request.dirtyProperty().get()).isFalse();
        assertThat(h.workbench.hasUnsavedChanges()).isFalse();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Update method request of POST /pets");
    }

    @Test
    void requestParametersAreAddedAndMadeRequired() {
        MethodRequestViewModel request = vm.methodRequest();
        assertThat(request.parameterProblem("querystring", "a b")).isNotNull();

        request.addParameter("querystring", "limit", false);
        request.setRequired(request.parameters().getFirst(), true);

        assertThat(post().requestParameters()).containsEntry("method.request.querystring.limit", true);
    }

    @Test
    void httpIntegrationWithoutEndpointIsRefusedWithAwsMessage() {
        IntegrationRequestViewModel integration = vm.integrationRequest();
        integration.typeProperty().set(IntegrationType.HTTP);
        integration.uriProperty().set("");

        assertThat(integration.problemProperty().get()).isEqualTo("Invalid HTTP endpoint specified for URI");
        integration.uriProperty().set("https://${stageVariables.host}/pets");
        assertThat(integration.problemProperty().get()).isEmpty();
        assertThat(integration.stageVariableHintProperty().get()).isEqualTo("Uses stage variables: host");

        integration.saveSettings();
        assertThat(post().methodIntegration().type()).isEqualTo(IntegrationType.HTTP);
        assertThat(post().methodIntegration().uri()).isEqualTo("https://${stageVariables.host}/pets");
        assertThat(post().methodIntegration().requestTemplates()).containsKey("application/json");
    }

    @Test
    void responseTemplateEditIsSavedThenUndoneAndRedone() {
        TemplatesModel templates = vm.integrationResponses().templates();
        assertThat(templates.selectedProperty().get()).isEqualTo("application/json");

        templates.setEditedText("{\"ok\": true}");
        assertThat(templates.dirtyProperty().get()).isTrue();
        templates.save();

        assertThat(post().methodIntegration().integrationResponses().get("200").responseTemplates())
                .containsEntry("application/json", "{\"ok\": true}");
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Edit mapping template application/json of POST /pets");
        h.workbench.undo();
        assertThat(templates.loadedProperty().get().text()).isEmpty();
        h.workbench.redo();
        assertThat(templates.loadedProperty().get().text()).isEqualTo("{\"ok\": true}");
        assertThat(templates.dirtyProperty().get()).isFalse();
    }

    @Test
    void typedTemplateTextSurvivesAnUnrelatedEdit() {
        TemplatesModel templates = vm.integrationRequest().templates();
        templates.setEditedText("#set($x = 1)");

        vm.methodRequest().addParameter("header", "X-Trace", false);

        assertThat(templates.dirtyProperty().get()).isTrue();
    }

    @Test
    void integrationResponseNeedsAMatchingMethodResponse() {
        IntegrationResponsesViewModel responses = vm.integrationResponses();
        assertThat(responses.responseProblem("404", "4\\d{2}")).isEqualTo("Add method response 404 first");

        vm.methodResponses().addStatus("404");
        assertThat(responses.responseProblem("404", "4\\d{2}")).isNull();
        assertThat(responses.responseProblem("404", "4\\d{2")).startsWith("Invalid regular expression");
        responses.addResponse("404", "4\\d{2}");

        assertThat(post().methodIntegration().integrationResponses().get("404").selectionPattern()).isEqualTo("4\\d{2}");
        assertThat(responses.selectedProperty().get()).isEqualTo("404");
    }

    @Test
    void methodResponseInUseCannotBeRemoved() {
        vm.methodResponses().selectedProperty().set("200");

        vm.methodResponses().removeSelected();

        assertThat(post().methodResponses()).containsKey("200");
        assertThat(h.dialogs.errors).singleElement().asString().contains("integration response 200 uses it");
    }
}
