package dev.gatehouse.app.awsservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.resources.ResourceTreeViewModel;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** "AWS Service" in Create method, on a real workspace (PetStore): the method it makes, as AWS's console makes it. */
class AwsServiceIntegrationChoiceTest {
    private final Harness h = Harness.petStore();
    private final ResourceTreeViewModel tree = new ResourceTreeViewModel(h.workbench);
    private final AwsServiceIntegrationChoice choice = new AwsServiceIntegrationChoice();

    @Test
    void theFieldsMakeAnAwsIntegrationWithTheRoleAndA200Response() {
        String petsId = h.workbench.selectedApi().orElseThrow().resourceByPath("/pets").orElseThrow().id();
        var target = new SimpleStringProperty();
        choice.bindTarget(target);
        assertThat(tree.newMethodProblem(petsId, "PUT", choice, target.get())).contains(
                "Fill in the AWS service and the action name or path override, or paste an integration URI");
        // what the dialog's fields hold after typing
        AwsServiceFieldsViewModel fields = fieldsOf(target);
        fields.serviceProperty().set("dynamodb");
        fields.actionProperty().set("PutItem");
        fields.credentialsProperty().set("arn:aws:iam::123456789012:role/ItemsWriter");
        assertThat(target.get()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(tree.newMethodProblem(petsId, "PUT", choice, target.get())).isEmpty();

        tree.addMethod(petsId, "PUT", choice, target.get(), "POST");

        Integration i = h.workbench.selectedApi().orElseThrow().resource(petsId).orElseThrow().method("PUT").methodIntegration();
        assertThat(i.type()).isEqualTo(IntegrationType.AWS);
        assertThat(i.httpMethod()).isEqualTo("POST");
        assertThat(i.uri()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(i.credentials()).isEqualTo("arn:aws:iam::123456789012:role/ItemsWriter");
        assertThat(i.integrationResponses()).containsKey("200");
    }

    @Test
    void aPastedUriFillsTheFields() {
        var target = new SimpleStringProperty();
        choice.bindTarget(target);
        target.set("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}");
        assertThat(fieldsOf(target).serviceProperty().get()).isEqualTo("s3");
        assertThat(fieldsOf(target).pathOverrideProperty().get()).isEqualTo("{bucket}/{key}");
    }

    private AwsServiceFieldsViewModel fieldsOf(javafx.beans.property.StringProperty target) {
        return choice.fields();
    }
}
