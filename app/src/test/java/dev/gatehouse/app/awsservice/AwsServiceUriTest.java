package dev.gatehouse.app.awsservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.app.awsservice.AwsServiceUri.ActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected URIs are AWS's documented forms: PutIntegration's {@code uri}
 * ("arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}", with the examples
 * {@code arn:aws:apigateway:us-west-2:s3:action/GetObject&Key={key}&Bucket={bucket}} and
 * {@code arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}}), the Kinesis proxy tutorial's
 * {@code arn:aws:apigateway:us-east-1:kinesis:action/ListStreams} and the Lambda invocation URI.
 */
class AwsServiceUriTest {

    @Test
    void anActionNameIsWrittenAsActionSlashName() {
        assertThat(AwsServiceUri.action("us-east-1", "dynamodb", "", "PutItem").toUri())
                .isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem");
        assertThat(AwsServiceUri.action("us-east-1", "kinesis", null, "ListStreams").toUri())
                .isEqualTo("arn:aws:apigateway:us-east-1:kinesis:action/ListStreams");
    }

    @Test
    void aPathOverrideIsWrittenAsPathSlashPathWithoutItsLeadingSlash() {
        assertThat(AwsServiceUri.pathOverride("us-west-2", "s3", "", "{bucket}/{key}").toUri())
                .isEqualTo("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}");
        assertThat(AwsServiceUri.pathOverride("us-west-2", "s3", "", "/{bucket}/{key}").toUri())
                .isEqualTo("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}");
    }

    @Test
    void aSubdomainGoesBeforeTheServiceWithADot() {
        assertThat(AwsServiceUri.pathOverride("us-west-2", "s3", "my-bucket", "{key}").toUri())
                .isEqualTo("arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}");
    }

    @Test
    void aDocumentedActionUriWithParametersIsReadIntoItsFields() {
        AwsServiceUri f = AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:action/GetObject&Key={key}&Bucket={bucket}");
        assertThat(f).isEqualTo(new AwsServiceUri("aws", "us-west-2", "s3", "", ActionType.ACTION,
                "GetObject&Key={key}&Bucket={bucket}"));
        assertThat(f.problem()).isEmpty();
    }

    @Test
    void aDocumentedPathUriIsReadIntoItsFields() {
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}"))
                .isEqualTo(new AwsServiceUri("aws", "us-west-2", "s3", "", ActionType.PATH_OVERRIDE, "{bucket}/{key}"));
    }

    @Test
    void theSubdomainAndThePartitionAreRead() {
        assertThat(AwsServiceUri.parse("arn:aws-cn:apigateway:cn-north-1:my.bucket.s3:path/{key}"))
                .isEqualTo(new AwsServiceUri("aws-cn", "cn-north-1", "s3", "my.bucket", ActionType.PATH_OVERRIDE, "{key}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
            "arn:aws:apigateway:eu-west-2:sqs:action/SendMessage",
            "arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}",
            "arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}",
            "arn:aws:apigateway:us-west-2:s3:action/GetObject&Key={key}&Bucket={bucket}",
            "arn:aws-us-gov:apigateway:us-gov-west-1:states:action/StartExecution",
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Hi/invocations"})
    void everyDocumentedFormRoundTrips(String uri) {
        AwsServiceUri fields = AwsServiceUri.parse(uri);
        assertThat(fields.problem()).isEmpty();
        assertThat(fields.toUri()).isEqualTo(uri);
    }

    @Test
    void theLambdaInvocationUriIsRecognisedSoTheLambdaFieldsEditIt() {
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:Hi/invocations").isLambdaInvocation()).isTrue();
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem").isLambdaInvocation()).isFalse();
    }

    @Test
    void aUriWithoutActionOrPathSaysSoAndWhere() {
        // "arn:aws:apigateway:us-east-1:dynamodb:" is 38 characters: the 39th is where action/ or path/ belongs
        assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:us-east-1:dynamodb:PutItem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read the AWS service URI \"arn:aws:apigateway:us-east-1:dynamodb:PutItem\" at character 39:"
                        + " expected action/ or path/ after the service, found \"PutItem\"");
    }

    @Test
    void anHttpUrlIsNotAnAwsServiceUri() {
        assertThatThrownBy(() -> AwsServiceUri.parse("https://dynamodb.us-east-1.amazonaws.com/"))
                .hasMessageEndingWith("at character 1: an AWS service URI starts with \"arn:\"");
    }

    @Test
    void anotherServicesArnIsRefusedAtItsServicePart() {
        assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:lambda:us-east-1:123456789012:function:Hi"))
                .hasMessageEndingWith("at character 9: an integration URI names the apigateway service here, found \"lambda\"");
    }

    @Test
    void aBadRegionIsNamedWithItsPlace() {
        assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:useast1:dynamodb:action/PutItem"))
                .hasMessageEndingWith("at character 20: \"useast1\" is not a region name such as us-east-1");
    }

    @Test
    void aSpaceInAnActionNameIsNamedWithItsPlace() {
        // "arn:aws:apigateway:us-east-1:dynamodb:action/" is 45 characters; "Put" then the space at 49
        assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:us-east-1:dynamodb:action/Put Item"))
                .hasMessageEndingWith("at character 49: an action name cannot hold \" \"");
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:us-east-1:s3:path/"))
                .hasMessageEndingWith("at character 38: the path after path/ is missing");
    }

    @Test
    void fieldProblemsNameTheFieldInTheConsolesWords() {
        assertThat(AwsServiceUri.action("", "dynamodb", "", "PutItem").problem()).contains("Enter the AWS Region, e.g. us-east-1");
        assertThat(AwsServiceUri.action("us-east-1", "DynamoDB", "", "PutItem").problem().orElseThrow())
                .startsWith("AWS service \"DynamoDB\" must be the service's endpoint prefix");
        assertThat(AwsServiceUri.action("us-east-1", "dynamodb", "", "").problem()).contains("Enter the action name, e.g. PutItem");
        assertThat(AwsServiceUri.pathOverride("us-east-1", "s3", "", "a b").problem().orElseThrow())
                .isEqualTo("Path override \"a b\" has a space at character 2: encode it as %20");
        assertThat(AwsServiceUri.action("us-east-1", "dynamodb", "", "PutItem").problem()).isEmpty();
    }
}
