package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access checks that cannot pass are refused on a deployed stage, over real HTTP, as AWS refuses a caller that is
 * not allowed (fail closed): IAM without a valid signature, a Lambda authorizer whose function does not exist,
 * a key-required method without a known key. Expected
 * bodies and error types are AWS's (aws-reference §1.11, §1.12, §8; recorded header lists in LocalStack's
 * test_apigateway_integrations snapshot). AWS's TestInvokeMethod skips authorization and API keys; so does ours.
 */
class DataPlaneFailClosedAccessTest {

    @TempDir static Path dir;
    private static GatewayHarness gh;
    private static ApiDefinition api;

    @BeforeAll
    static void deployMethodsThatNeedKeysAuthorizersAndIam() {
        gh = new GatewayHarness(dir);
        api = gh.createApi("guarded", a -> {
            ApiDefinition x = a.withRestApi(a.restApi().withMinimumCompressionSize(0))
                    .withAuthorizers(List.of(new Authorizer("auth01", "jwt-check", AuthorizerType.TOKEN, null, null,
                            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:"
                                    + "123456789012:function:check/invocations", null,
                            "method.request.header.Authorization", null, 300)));
            x = withMethod(x, "/keyed", mock("{\"secret\":1}").withApiKeyRequired(true));
            x = withMethod(x, "/token", mock("{\"secret\":2}").withAuthorization(AuthorizationType.CUSTOM, "auth01", null));
            x = withMethod(x, "/iam", mock("{\"secret\":3}").withAuthorization(AuthorizationType.AWS_IAM, null, null));
            x = withMethod(x, "/open", mock("{\"open\":true}"));
            return x;
        });
        gh.gateway.deploy(api.id(), "prod", null);
    }

    @AfterAll
    static void stop() {
        gh.close();
    }

    private static Response call(String path, String... headers) throws IOException {
        Request.Builder b = new Request.Builder().url(gh.gateway.invokeUrl(api.id(), "prod") + path);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return gh.http.newCall(b.build()).execute();
    }

    @Test
    void aMethodRequiringAnApiKeyIsForbiddenWithoutAKeyOrWithAnUnknownOne() throws IOException {
        for (String[] headers : new String[][] {{}, {"x-api-key", "abcdefghijklmnopqrstuvwxyz"}}) {
            try (Response r = call("/keyed", headers)) {
                assertThat(r.code()).isEqualTo(403);
                assertThat(r.body().string()).isEqualTo("{\"message\":\"Forbidden\"}");
                assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ForbiddenException");
            }
        }
    }

    @Test
    void aLambdaAuthorizerWithoutItsIdentitySourceAnswersUnauthorized() throws IOException {
        try (Response r = call("/token")) {
            assertThat(r.code()).isEqualTo(401);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("UnauthorizedException");
        }
    }

    @Test
    void aLambdaAuthorizerWhoseFunctionIsMissingAnswersAnAuthorizerConfigurationError() throws IOException {
        try (Response r = call("/token", "Authorization", "Bearer abc")) {
            assertThat(r.code()).isEqualTo(500);
            assertThat(r.body().string()).isEqualTo("{\"message\": null}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("AuthorizerConfigurationException");
        }
    }

    @Test
    void anUnsignedCallToAnIamMethodIsAMissingAuthenticationToken() throws IOException {
        try (Response r = call("/iam")) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        }
        try (Response r = call("/iam", "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/us-east-1/"
                + "execute-api/aws4_request, SignedHeaders=host, Signature=00")) {
            assertThat(r.code()).as("a malformed signature is refused, never let through").isEqualTo(403);
        }
    }

    @Test
    void anOpenMethodOfTheSameApiIsServed() throws IOException {
        try (Response r = call("/open")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"open\":true}");
        }
    }

    @Test
    void gatewayErrorsAreCompressedLikeAnyResponseAboveTheMinimumSize() throws IOException {
        try (Response r = call("/keyed", "Accept-Encoding", "gzip")) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body().bytes())).readAllBytes();
            assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Forbidden\"}");
        }
    }

    @Test
    void testInvokeSkipsApiKeysAndAuthorizersAsAwsDoes() {
        for (String path : List.of("/keyed", "/token", "/iam")) {
            String resourceId = api.resourceByPath(path).orElseThrow().id();
            TestInvokeResult result = gh.gateway.testInvoke(api.id(), resourceId, "GET",
                    new TestInvokeRequest(path, null, null, null, null));
            assertThat(result.status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void deployWarnsOfEveryMethodThatRefusesCalls() {
        List<String> warnings = gh.gateway.accessWarnings(api.id());
        // API keys and IAM signatures are checked and a Lambda authorizer runs on the local functions, but this
        // one's function is missing (so it answers 500, see above) and the workspace has no IAM access keys
        assertThat(warnings).hasSize(2);
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("GET /token requires the Lambda authorizer "
                + "'jwt-check', whose function check is not in functions/"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("GET /iam requires IAM (SigV4) authorization, but "
                + "the workspace has no access keys (.gatehouse/credentials"));
    }
}
