package dev.gatehouse.app.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.awsservice.AwsServiceUri.ActionType;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The integration request editor's "AWS Service" fields on a real workspace (PetStore's POST /pets). */
class AwsServiceIntegrationRequestTest {
    private final Harness h = Harness.petStore();
    private final MethodViewModel vm = new MethodViewModel(h.workbench);
    private String petsId;

    @BeforeEach
    void selectPostPets() {
        petsId = api().resourceByPath("/pets").orElseThrow().id();
        new dev.gatehouse.app.resources.ResourceTreeViewModel(h.workbench).addMethod(petsId, "POST");
        h.workbench.select(Selection.method(petsId, "POST"));
    }

    private ApiDefinition api() {
        return h.workbench.selectedApi().orElseThrow();
    }

    private Integration stored() {
        Method m = api().resource(petsId).orElseThrow().method("POST");
        return m.methodIntegration();
    }

    @Test
    void theAwsServiceFieldsMakeTheUriAndTheExecutionRoleIsSavedAsCredentials() {
        IntegrationRequestViewModel integration = vm.integrationRequest();
        integration.typeProperty().set(IntegrationType.AWS);
        integration.awsServiceProperty().set(true);
        assertThat(integration.httpMethodProperty().get()).isEqualTo("POST");
        integration.awsFields().serviceProperty().set("dynamodb");
        assertThat(integration.problemProperty().get()).isEqualTo("Enter the action name, e.g. PutItem");
        integration.awsFields().actionProperty().set("PutItem");
        integration.credentialsProperty().set("arn:aws:iam::123456789012:role/GuestbookRole");

        assertThat(integration.uriProperty().get()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(integration.problemProperty().get()).isEmpty();
        integration.saveSettings();

        assertThat(stored().type()).isEqualTo(IntegrationType.AWS);
        assertThat(stored().httpMethod()).isEqualTo("POST");
        assertThat(stored().uri()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(stored().credentials()).isEqualTo("arn:aws:iam::123456789012:role/GuestbookRole");
        assertThat(integration.dirtyProperty().get()).isFalse();
    }

    @Test
    void aStoredServiceUriIsReadBackIntoTheFields() {
        IntegrationRequestViewModel integration = vm.integrationRequest();
        integration.typeProperty().set(IntegrationType.AWS);
        integration.awsServiceProperty().set(true);
        integration.uriProperty().set("arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}");
        integration.httpMethodProperty().set("GET");
        integration.saveSettings();
        // another method and back: the editor loads the stored URI
        h.workbench.select(Selection.method(petsId, "GET"));
        assertThat(integration.awsServiceProperty().get()).isFalse();
        h.workbench.select(Selection.method(petsId, "POST"));

        assertThat(integration.awsServiceProperty().get()).isTrue();
        assertThat(integration.awsFields().regionProperty().get()).isEqualTo("us-west-2");
        assertThat(integration.awsFields().serviceProperty().get()).isEqualTo("s3");
        assertThat(integration.awsFields().subdomainProperty().get()).isEqualTo("my-bucket");
        assertThat(integration.awsFields().actionTypeProperty().get()).isEqualTo(ActionType.PATH_OVERRIDE);
        assertThat(integration.awsFields().pathOverrideProperty().get()).isEqualTo("{key}");
        assertThat(integration.dirtyProperty().get()).isFalse();
    }

    @Test
    void anUnreadableUriIsRefusedWithWhatAndWhere() {
        IntegrationRequestViewModel integration = vm.integrationRequest();
        integration.typeProperty().set(IntegrationType.AWS);
        integration.awsServiceProperty().set(true);
        integration.uriProperty().set("arn:aws:apigateway:us-east-1:dynamodb:PutItem");

        assertThat(integration.problemProperty().get()).isEqualTo("Cannot read the AWS service URI "
                + "\"arn:aws:apigateway:us-east-1:dynamodb:PutItem\" at character 39: expected action/ or path/ after the"
                + " service, found \"PutItem\"");
    }

    @Test
    void aLambdaIntegrationKeepsTheLambdaFields() {
        IntegrationRequestViewModel integration = vm.integrationRequest();
        integration.typeProperty().set(IntegrationType.AWS);
        integration.lambdaFunctionProperty().set("GetHelloWorld");
        integration.saveSettings();
        h.workbench.select(Selection.method(petsId, "GET"));
        h.workbench.select(Selection.method(petsId, "POST"));

        assertThat(integration.awsServiceProperty().get()).isFalse();
        assertThat(integration.lambdaFunctionProperty().get()).isEqualTo("GetHelloWorld");
    }
}
