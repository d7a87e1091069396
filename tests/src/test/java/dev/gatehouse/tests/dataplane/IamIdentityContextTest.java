package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code $context.identity.accessKey}, {@code .caller}, {@code .user} and {@code .accountId} of a call an AWS_IAM
 * method admitted: AWS sets them from the signing principal only under IAM authorization (mapping-template reference,
 * aws-reference §6); the access key is the one in the SigV4 {@code Credential} the AWS SDK's signer wrote. On a method
 * without IAM they stay empty.
 */
class IamIdentityContextTest {

    private static final String KEY_ID = "AKIDIDENTITYTEST01";
    private static final String SECRET = "identity-context-secret";
    private static final String TEMPLATE = "{\"accessKey\":\"$context.identity.accessKey\",\"caller\":\"$context.identity.caller\","
            + "\"user\":\"$context.identity.user\",\"accountId\":\"$context.identity.accountId\"}";

    @TempDir static Path dir;
    private static GatewayHarness gh;
    private static ApiDefinition api;

    @BeforeAll
    static void deploy() throws IOException {
        gh = new GatewayHarness(dir);
        Files.createDirectories(dir.resolve(".gatehouse"));
        Files.writeString(dir.resolve(".gatehouse/credentials"), "[tester]\naws_access_key_id = " + KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\n");
        api = gh.createApi("iam-identity", a -> withMethod(
                withMethod(a, "/iam", IamAuthorizationTest.any(TEMPLATE).withAuthorization(AuthorizationType.AWS_IAM, null, null)),
                "/open", IamAuthorizationTest.any(TEMPLATE)));
        gh.gateway.deploy(api.id(), "prod", null);
    }

    @AfterAll
    static void stop() {
        gh.close();
    }

    @Test
    void anIamCallerSeesItsAccessKeyAndAccountInTheContext() throws IOException {
        String url = gh.gateway.invokeUrl(api.id(), "prod") + "/iam";
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(url)).build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC()));
        Request.Builder request = new Request.Builder().url(url);
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) values.forEach(v -> request.addHeader(name, v));
        });
        try (Response r = gh.http.newCall(request.build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"accessKey\":\"" + KEY_ID + "\",\"caller\":\"" + KEY_ID
                    + "\",\"user\":\"" + KEY_ID + "\",\"accountId\":\"123456789012\"}");
        }
    }

    @Test
    void aCallToAMethodWithoutIamHasNoIamIdentity() throws IOException {
        String url = gh.gateway.invokeUrl(api.id(), "prod") + "/open";
        try (Response r = gh.http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.body().string()).isEqualTo("{\"accessKey\":\"\",\"caller\":\"\",\"user\":\"\",\"accountId\":\"\"}");
        }
    }
}
