package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceUrlTest {

    private static final EndpointResolver.Endpoint REAL =
            new EndpointResolver.Endpoint("https://sqs.us-east-1.amazonaws.com", false, "default");
    private static final EndpointResolver.Endpoint LOCAL =
            new EndpointResolver.Endpoint("http://127.0.0.1:5000", true, "aws.json");

    @Test
    void anActionGoesToTheEndpointRootWithActionFirstThenTheMappedQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("QueueUrl", "http://q/123/orders");
        query.put("MessageBody", "hello world+1");
        assertThat(ServiceUrl.build(AwsServiceArn.parse("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"), REAL,
                Map.of(), Map.of(), query))
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/?Action=SendMessage"
                        + "&QueueUrl=http%3A%2F%2Fq%2F123%2Forders&MessageBody=hello%20world%2B1");
    }

    @Test
    void pathPlaceholdersAreFilledOneSegmentEachUnlessGreedy() {
        AwsServiceArn arn = AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}");
        assertThat(ServiceUrl.build(arn, LOCAL, Map.of("bucket", "files", "key", "a b/c.txt"), Map.of(), Map.of()))
                .isEqualTo("http://127.0.0.1:5000/files/a%20b%2Fc.txt");
        AwsServiceArn greedy = AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:path/${stageVariables.bucket}/{key+}");
        assertThat(ServiceUrl.build(greedy, LOCAL, Map.of("key", "a b/c.txt"), Map.of("bucket", "prod-files"),
                Map.of("versionId", "3")))
                .isEqualTo("http://127.0.0.1:5000/prod-files/a%20b/c.txt?versionId=3");
    }

    @Test
    void anS3SubdomainBecomesThePathsFirstSegmentOnAnOverriddenEndpoint() {
        AwsServiceArn arn = AwsServiceArn.parse("arn:aws:apigateway:us-east-1:files.s3:path/{key}");
        assertThat(ServiceUrl.build(arn, LOCAL, Map.of("key", "k"), Map.of(), Map.of()))
                .isEqualTo("http://127.0.0.1:5000/files/k");
    }

    @Test
    void actionParametersOfTheUriFollowTheActionWithTheirPlaceholdersFilledAndEncodedOnce() {
        AwsServiceArn arn = AwsServiceArn.parse("arn:aws:apigateway:us-east-1:s3:action/GetObject&Key={key}&Bucket={bucket}");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("versionId", "3");
        assertThat(ServiceUrl.build(arn, LOCAL, Map.of("bucket", "files", "key", "a b/c.txt"), Map.of(), query))
                .isEqualTo("http://127.0.0.1:5000/?Action=GetObject&Key=a%20b%2Fc.txt&Bucket=files&versionId=3");
    }

    @Test
    void aMappedQueryParameterReplacesTheSameParameterWrittenInTheActionUri() {
        AwsServiceArn arn = AwsServiceArn.parse(
                "arn:aws:apigateway:us-east-1:sqs:action/SendMessage&QueueUrl=${stageVariables.queue}&MessageBody=x");
        assertThat(ServiceUrl.build(arn, REAL, Map.of(), Map.of("queue", "http://q/1/orders"), Map.of("MessageBody", "hi")))
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/?Action=SendMessage"
                        + "&QueueUrl=http%3A%2F%2Fq%2F1%2Forders&MessageBody=hi");
    }
}
