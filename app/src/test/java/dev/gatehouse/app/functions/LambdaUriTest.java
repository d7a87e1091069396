package dev.gatehouse.app.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LambdaUriTest {

    @Test
    void aFunctionNameBecomesApiGatewaysLambdaInvocationUri() {
        // the URI form of API Gateway's docs (set-up-lambda-integrations): .../functions/{function ARN}/invocations
        assertThat(LambdaUri.of("GetHelloWorld")).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:GetHelloWorld/invocations");
    }

    @Test
    void aLambdaArnKeepsItsRegionAndAccount() {
        assertThat(LambdaUri.of("arn:aws:lambda:eu-west-1:111122223333:function:Orders"))
                .isEqualTo("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:eu-west-1:111122223333:function:Orders/invocations");
    }

    @Test
    void theFunctionNameIsReadBackFromTheUriAlsoWithAQualifierOrAStageVariable() {
        assertThat(LambdaUri.functionName("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:Orders:prod/invocations")).contains("Orders");
        assertThat(LambdaUri.functionName("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations")).contains("${stageVariables.fn}");
        assertThat(LambdaUri.functionName("https://example.com/pets")).isEmpty();
    }

    @Test
    void aNameOutsideLambdasRuleIsRefusedWithTheRule() {
        assertThat(LambdaUri.problem("hello world")).contains("Function names are 1-64 letters, digits, hyphens (-) or underscores (_)");
        assertThat(LambdaUri.problem("")).contains("Enter the Lambda function's name, e.g. GetHelloWorld");
        assertThat(LambdaUri.problem("${stageVariables.fn}")).isEmpty();
        assertThat(LambdaUri.problem("arn:aws:lambda:us-east-1:123456789012:layer:x")).isPresent();
    }
}
