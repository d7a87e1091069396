package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** aws-reference §5.2, the table of Lambda proxy responses (LocalStack's AWS-validated payload-format test). */
class LambdaProxyResponseTest {

    private static GatewayResponse parse(String json) {
        return LambdaProxyResponse.parse(json.getBytes(StandardCharsets.UTF_8), BinaryMediaTypes.NONE, null);
    }

    @Test
    void aStatusAloneGivesThatStatusAndAnEmptyBody() {
        GatewayResponse r = parse("{\"statusCode\":200}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aNumericStringStatusIsAccepted() {
        assertThat(parse("{\"statusCode\":\"201\"}").status()).isEqualTo(201);
    }

    @Test
    void headersWithoutStatusGive200AndBooleanHeadersAreSentAsText() {
        GatewayResponse r = parse("{\"headers\":{\"test-header\":\"value\",\"header-bool\":true}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().last("test-header")).isEqualTo("value");
        assertThat(r.headers().last("header-bool")).isEqualTo("true");
    }

    @Test
    void multiValueHeadersWinOverHeadersOfTheSameName() {
        GatewayResponse r = parse("{\"headers\":{\"h\":\"single\"},\"multiValueHeaders\":{\"h\":[\"a\",\"b\"]}}");
        assertThat(r.headers().all("h")).containsExactly("a", "b");
    }

    @Test
    void everyMalformedShapeIs502WithAwsLogLine() {
        for (String bad : List.of("{\"statusCode\":200,\"wrongValue\":1}", "{\"statusCode\":\"test\"}",
                "{\"multiValueHeaders\":{\"h\":\"x\"}}", "\"justAString\"", "{\"body\":{\"an\":\"object\"}}", "not json")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(GatewayException.class, e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.errorMessage()).isEqualTo("Internal server error");
                assertThat(e.logLine()).isEqualTo("Execution failed due to configuration error: Malformed Lambda proxy response");
            });
        }
    }

    @Test
    void aBase64BodyIsDecodedOnlyForABinaryMediaType() {
        String json = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},\"body\":\"AAEC\",\"isBase64Encoded\":true}";
        GatewayResponse binary = LambdaProxyResponse.parse(json.getBytes(StandardCharsets.UTF_8),
                BinaryMediaTypes.of(List.of("image/png")), null);
        GatewayResponse text = parse(json);
        assertThat(binary.body()).containsExactly(0, 1, 2);
        assertThat(text.bodyText()).isEqualTo("AAEC");
    }

    @Test
    void theLambdaTargetBecomesLambdasInvokeUrlWithStageVariables() {
        LambdaTarget t = LambdaTarget.of("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:eu-west-1:123456789012:function:${stageVariables.fn}/invocations");
        assertThat(t.invokeUrl(Map.of("fn", "GetHelloWorld"))).isEqualTo("https://lambda.eu-west-1.amazonaws.com"
                + "/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:GetHelloWorld/invocations");
        assertThat(LambdaTarget.isLambda("arn:aws:apigateway:us-east-1:s3:path/bucket/key")).isFalse();
    }
}
