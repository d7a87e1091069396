package dev.gatehouse.app.awsservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.awsservice.AwsServiceUri.ActionType;
import org.junit.jupiter.api.Test;

class AwsServiceFieldsViewModelTest {
    private final AwsServiceFieldsViewModel vm = new AwsServiceFieldsViewModel();

    @Test
    void fillingTheFieldsWritesAwssActionUri() {
        vm.serviceProperty().set("dynamodb");
        assertThat(vm.problemProperty().get()).isEqualTo("Enter the action name, e.g. PutItem");
        vm.actionProperty().set("PutItem");
        assertThat(vm.uriProperty().get()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void choosingPathOverrideWritesAPathUriWithTheSubdomain() {
        vm.regionProperty().set("us-west-2");
        vm.serviceProperty().set("s3");
        vm.subdomainProperty().set("my-bucket");
        vm.actionTypeProperty().set(ActionType.PATH_OVERRIDE);
        vm.pathOverrideProperty().set("{key}");
        assertThat(vm.uriProperty().get()).isEqualTo("arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}");
    }

    @Test
    void aUriWrittenThereIsReadBackIntoTheFields() {
        vm.uriProperty().set("arn:aws:apigateway:eu-west-2:sqs:path/123456789012/messages");
        assertThat(vm.regionProperty().get()).isEqualTo("eu-west-2");
        assertThat(vm.serviceProperty().get()).isEqualTo("sqs");
        assertThat(vm.actionTypeProperty().get()).isEqualTo(ActionType.PATH_OVERRIDE);
        assertThat(vm.pathOverrideProperty().get()).isEqualTo("123456789012/messages");
        // and editing a field writes it again
        vm.pathOverrideProperty().set("123456789012/orders");
        assertThat(vm.uriProperty().get()).isEqualTo("arn:aws:apigateway:eu-west-2:sqs:path/123456789012/orders");
    }

    @Test
    void anUnreadableUriKeepsTheFieldsAndSaysWhatAndWhere() {
        vm.uriProperty().set("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        vm.uriProperty().set("arn:aws:apigateway:us-east-1:dynamodb:PutItem");
        assertThat(vm.problemProperty().get()).isEqualTo("Cannot read the AWS service URI "
                + "\"arn:aws:apigateway:us-east-1:dynamodb:PutItem\" at character 39: expected action/ or path/ after the"
                + " service, found \"PutItem\"");
        assertThat(vm.actionProperty().get()).isEqualTo("PutItem");
        assertThat(vm.uriProperty().get()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:PutItem");
    }

    @Test
    void aChinaPartitionUriKeepsItsPartitionWhenAFieldChanges() {
        vm.uriProperty().set("arn:aws-cn:apigateway:cn-north-1:dynamodb:action/GetItem");
        vm.actionProperty().set("PutItem");
        assertThat(vm.uriProperty().get()).isEqualTo("arn:aws-cn:apigateway:cn-north-1:dynamodb:action/PutItem");
    }
}
