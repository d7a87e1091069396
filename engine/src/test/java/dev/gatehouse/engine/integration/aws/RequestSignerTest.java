package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class RequestSignerTest {

    // AWS's SigV4 test suite (aws-sig-v4-test-suite, "get-vanilla"): example keys, 2015-08-30T12:36:00Z,
    // us-east-1, service "service", GET / on example.amazonaws.com
    private static final AwsCredentialsIdentity SUITE_KEYS =
            AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Clock SUITE_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    @Test
    void theReferenceCalculationReproducesAwsTestSuitesGetVanillaSignature() {
        assertThat(ReferenceSigV4.signature("GET", URI.create("https://example.amazonaws.com/"),
                Map.of("Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z")), new byte[0],
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "20150830T123600Z", "us-east-1", "service",
                List.of("host", "x-amz-date")))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void aDynamoDbActionCallIsSignedForItsRegionAndServiceOverWhatIsSent() {
        URI uri = URI.create("http://127.0.0.1:8000/?Action=PutItem&Note=a%20b");
        byte[] body = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/x-amz-json-1.0"),
                "X-Amz-Target", List.of("DynamoDB_20120810.PutItem"));
        Map<String, List<String>> signed = new RequestSigner(SUITE_TIME).sign("POST", uri, headers, body,
                "eu-west-1", "dynamodb", SUITE_KEYS);

        String auth = signed.get("Authorization").get(0);
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/dynamodb/aws4_request, ");
        List<String> signedNames = List.of(auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        assertThat(signedNames).contains("host", "x-amz-date", "x-amz-target", "content-type");
        Map<String, List<String>> sent = new java.util.HashMap<>(signed);
        sent.put("Host", List.of("127.0.0.1:8000"));
        assertThat(auth).endsWith("Signature=" + ReferenceSigV4.signature("POST", uri, sent, body,
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "20150830T123600Z", "eu-west-1", "dynamodb",
                signedNames));
        assertThat(signed.keySet()).noneMatch(name -> name.equalsIgnoreCase("Host"));
    }

    @Test
    void sessionKeysAddTheSecurityTokenAndS3GetsThePayloadHashHeader() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> signed = new RequestSigner(SUITE_TIME).sign("PUT",
                URI.create("http://127.0.0.1:5000/bucket/key"), Map.of("Content-Type", List.of("text/plain")), body,
                "us-east-1", "s3", AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "secret", "the-token"));

        assertThat(signed.get("X-Amz-Security-Token")).containsExactly("the-token");
        // SHA-256("hello"), computed by `printf hello | sha256sum`
        assertThat(signed.get("x-amz-content-sha256"))
                .containsExactly("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(signed.get("Authorization").get(0)).contains("/us-east-1/s3/aws4_request")
                .contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
    }
}
