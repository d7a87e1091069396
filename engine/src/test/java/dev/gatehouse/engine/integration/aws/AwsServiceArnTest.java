package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsServiceArnTest {

    @Test
    void anActionUriNamesRegionServiceAndAction() {
        AwsServiceArn arn = AwsServiceArn.parse("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(arn).isEqualTo(new AwsServiceArn("us-east-1", null, "dynamodb", "PutItem", null));
        assertThat(arn.isAction()).isTrue();
    }

    @Test
    void aPathUriKeepsItsPlaceholdersAndAnOptionalSubdomain() {
        assertThat(AwsServiceArn.parse("arn:aws:apigateway:eu-west-1:s3:path/{bucket}/{key}"))
                .isEqualTo(new AwsServiceArn("eu-west-1", null, "s3", null, "{bucket}/{key}"));
        assertThat(AwsServiceArn.parse("arn:aws:apigateway:eu-west-1:my-bucket.s3:path/{key}"))
                .isEqualTo(new AwsServiceArn("eu-west-1", "my-bucket", "s3", null, "{key}"));
    }

    @Test
    void malformedUrisFailWithApiGatewaysMessages() {
        assertThatThrownBy(() -> AwsServiceArn.parse("https://dynamodb.amazonaws.com"))
                .hasMessageStartingWith("Invalid ARN specified in the request");
        assertThatThrownBy(() -> AwsServiceArn.parse("arn:aws:apigateway:us-east-1:dynamodb:PutItem"))
                .hasMessageStartingWith("AWS ARN for integration must contain path or action");
        assertThatThrownBy(() -> AwsServiceArn.parse("arn:aws:apigateway:us-east-1:sqs:action/Send Message"))
                .hasMessageContaining("expected action/ActionName");
    }

    @Test
    void anActionUriMayCarryAmpersandJoinedInputParametersAsAwsDocumentsForS3GetObject() {
        // PutIntegration's uri: "the uri can be either arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}
        // or arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}"
        AwsServiceArn arn = AwsServiceArn.parse("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}");
        assertThat(arn.isAction()).isTrue();
        assertThat(arn.region()).isEqualTo("us-west-2");
        assertThat(arn.service()).isEqualTo("s3");
        assertThat(arn.action()).isEqualTo("GetObject");
        assertThat(arn.actionParameterTemplates()).containsExactly(
                java.util.Map.entry("Bucket", "{bucket}"), java.util.Map.entry("Key", "{key}"));
        assertThat(arn.toString()).isEqualTo("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}");
        assertThat(AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:action/GetObject&Key={key}&Bucket={bucket}")
                .actionParameterTemplates()).containsExactly(
                java.util.Map.entry("Key", "{key}"), java.util.Map.entry("Bucket", "{bucket}"));
    }

    @Test
    void anActionParameterWithoutAValueSignOrWithASpaceIsRefusedNamingTheExpectedForm() {
        assertThatThrownBy(() -> AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:action/GetObject&Bucket"))
                .hasMessageContaining("action/GetObject&Bucket={bucket}&Key={key}");
        assertThatThrownBy(() -> AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:action/GetObject&Key=a b"))
                .hasMessageContaining("expected action/ActionName");
    }
}
