package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * AWS_IAM methods on a served stage, called over real HTTP with requests signed by the AWS SDK for Java v2's own
 * SigV4 signer (a real client), against access keys in the workspace's {@code .gatehouse/credentials}. Refusals are
 * 403 with execute-api's messages: "Missing Authentication Token" (aws-reference §8), the signature mismatch with
 * the canonical string and string to sign appended (execute-api answers quoted in mhart/aws4 #33 and aws-sdk-js
 * #2372), "Signature expired: … is now earlier than … (… - 5 min.)" and "The security token included in the request
 * is invalid." (AWS's SigV4 error messages).
 */
class IamAuthorizationTest {

    static final String KEY_ID = "AKIDGATEHOUSETEST01";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYGATEHOUSEKEY";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    @TempDir static Path dir;
    private static GatewayHarness gh;
    private static ApiDefinition api;

    @BeforeAll
    static void deployIamMethodsWithKeysInTheWorkspace() throws IOException {
        gh = new GatewayHarness(dir);
        Files.createDirectories(dir.resolve(".gatehouse"));
        Files.writeString(dir.resolve(".gatehouse/credentials"), "[tester]\naws_access_key_id = " + KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\n");
        api = gh.createApi("iam", a -> {
            ApiDefinition x = withMethod(a, "/iam", any("{\"secret\":true}").withAuthorization(AuthorizationType.AWS_IAM, null, null));
            return withMethod(x, "/open", any("{\"open\":true}"));
        });
        gh.gateway.deploy(api.id(), "prod", null);
    }

    @AfterAll
    static void stop() {
        gh.close();
    }

    /** An ANY MOCK method answering 200 with {@code body}. */
    static Method any(String body) {
        return Method.of("ANY")
                .withMethodResponses(Map.of("200", new MethodResponse("200", Map.of(), null)))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", body)))));
    }

    private static String url(String pathAndQuery) {
        return gh.gateway.invokeUrl(api.id(), "prod") + pathAndQuery;
    }

    /** The headers the AWS SDK's signer adds to a request for execute-api, signed with {@code secret} at {@code clock}. */
    private static Map<String, List<String>> sdkSigned(String method, String url, byte[] body, String keyId, String secret,
                                                       Clock clock, Map<String, String> extraHeaders) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(URI.create(url));
        extraHeaders.forEach(b::putHeader);
        if (body != null) b.putHeader("Content-Type", "application/json");
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(b.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().headers();
    }

    private static Response send(String method, String url, byte[] body, Map<String, List<String>> headers) throws IOException {
        Request.Builder r = new Request.Builder().url(url)
                .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Host")) return; // OkHttp writes the same host:port the SDK signed
            for (String v : values) r.addHeader(name, v);
        });
        return gh.http.newCall(r.build()).execute();
    }

    private static Response signedCall(String method, String pathAndQuery, byte[] body) throws IOException {
        String u = url(pathAndQuery);
        return send(method, u, body, sdkSigned(method, u, body, KEY_ID, SECRET, Clock.systemUTC(), Map.of()));
    }

    @Test
    void aGetSignedByTheAwsSdkIsServed() throws IOException {
        try (Response r = signedCall("GET", "/iam", null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"secret\":true}");
        }
    }

    @Test
    void aPostWithABodyAndAQuerySignedByTheAwsSdkIsServed() throws IOException {
        try (Response r = signedCall("POST", "/iam?b=2&a=1&name=a%20b", "{\"pet\":\"cat\"}".getBytes(StandardCharsets.UTF_8))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"secret\":true}");
        }
    }

    @Test
    void anUnsignedCallIsAMissingAuthenticationToken() throws IOException {
        try (Response r = gh.get(new URI(url("/iam")).getRawPath())) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWrongSecretIsRefusedWithExecuteApisMismatchMessageAndTheCanonicalString() throws IOException {
        String u = url("/iam");
        try (Response r = send("GET", u, null, sdkSigned("GET", u, null, KEY_ID, "not-the-secret", Clock.systemUTC(), Map.of()))) {
            assertThat(r.code()).isEqualTo(403);
            String body = r.body().string();
            assertThat(body).startsWith("{\"message\":\"" + MISMATCH
                    + "\\n\\nThe Canonical String for this request should have been\\n'GET\\n" + URI.create(u).getRawPath() + "\\n\\n");
            // SHA-256 of the empty body (the SigV4 documentation's constant) ends the canonical request
            assertThat(body).contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"
                    + "\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void anUnknownAccessKeyIsRefused() throws IOException {
        String u = url("/iam");
        try (Response r = send("GET", u, null, sdkSigned("GET", u, null, "AKIDUNKNOWN", SECRET, Clock.systemUTC(), Map.of()))) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
        }
    }

    @Test
    void aSignatureOlderThanFiveMinutesHasExpired() throws IOException {
        String u = url("/iam");
        Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
        try (Response r = send("GET", u, null, sdkSigned("GET", u, null, KEY_ID, SECRET, sixMinutesAgo, Map.of()))) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).matches("\\{\"message\":\"Signature expired: \\d{8}T\\d{6}Z is now earlier than "
                    + "\\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)\"}");
        }
        Clock fourMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-4));
        try (Response r = send("GET", u, null, sdkSigned("GET", u, null, KEY_ID, SECRET, fourMinutesAgo, Map.of()))) {
            assertThat(r.code()).as("inside AWS's five-minute window").isEqualTo(200);
        }
    }

    @Test
    void aChangedBodyOrQueryReplayedUnderTheOldSignatureIsRefused() throws IOException {
        byte[] original = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
        String u = url("/iam?amount=1");
        Map<String, List<String>> headers = sdkSigned("POST", u, original, KEY_ID, SECRET, Clock.systemUTC(), Map.of());
        try (Response r = send("POST", u, original, headers)) {
            assertThat(r.code()).isEqualTo(200);
        }
        try (Response r = send("POST", u, "{\"amount\":1000}".getBytes(StandardCharsets.UTF_8), headers)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).startsWith("{\"message\":\"" + MISMATCH);
        }
        try (Response r = send("POST", url("/iam?amount=1000"), original, headers)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).startsWith("{\"message\":\"" + MISMATCH);
        }
    }

    @Test
    void signedHeadersCannotBeChangedOrDroppedAndHostMustBeSigned() throws IOException {
        String u = url("/iam");
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(sdkSigned("GET", u, null, KEY_ID, SECRET, Clock.systemUTC(), Map.of("X-Tenant", "blue")));
        assertThat(headers.get("Authorization").getFirst()).contains("x-tenant");
        Map<String, List<String>> changed = new java.util.TreeMap<>(headers);
        changed.put("X-Tenant", List.of("red"));
        try (Response r = send("GET", u, null, changed)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).startsWith("{\"message\":\"" + MISMATCH);
        }
        Map<String, List<String>> noDate = new java.util.TreeMap<>(headers);
        noDate.remove("X-Amz-Date");
        try (Response r = send("GET", u, null, noDate)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).startsWith("{\"message\":\"Authorization header requires existence of either "
                    + "a 'X-Amz-Date' or a 'Date' header.");
        }
        Map<String, List<String>> hostUnsigned = new java.util.TreeMap<>(headers);
        hostUnsigned.put("Authorization", List.of(headers.get("Authorization").getFirst()
                .replace("SignedHeaders=host;", "SignedHeaders=")));
        try (Response r = send("GET", u, null, hostUnsigned)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"'Host' or ':authority' must be a 'SignedHeader' in "
                    + "the AWS Authorization.\"}");
        }
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() throws IOException {
        String u = url("/iam");
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(sdkSigned("GET", u, null, KEY_ID, SECRET, Clock.systemUTC(), Map.of()));
        headers.put("Authorization", List.of(headers.get("Authorization").getFirst().replace("/execute-api/", "/apigateway/")));
        try (Response r = send("GET", u, null, headers)) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Credential should be scoped to correct service: 'execute-api'. \"}");
        }
    }

    @Test
    void anOpenMethodBesideNeedsNoSignatureAndAccessWarningsNoLongerListIam() throws IOException {
        try (Response r = send("GET", url("/open"), null, Map.of())) {
            assertThat(r.code()).isEqualTo(200);
        }
        assertThat(gh.gateway.accessWarnings(api.id())).isEmpty();
    }
}
