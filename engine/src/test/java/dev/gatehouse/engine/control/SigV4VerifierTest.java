package dev.gatehouse.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.sigv4.SigV4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:36:00Z");
    private static final String DATE = "20261125T123600Z";
    private static final AccessKeys KEYS = AccessKeys.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private final SigV4Verifier verifier = new SigV4Verifier(KEYS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void computesTheSignatureOfAwsPublishedGetVanillaExample() {
        // AWS's SigV4 test suite, "get-vanilla": GET / with Host and X-Amz-Date, service "service", us-east-1
        ControlRequest request = new ControlRequest("GET", "/", null,
                Map.of("Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z")), null);
        var auth = new SigV4.Authorization("AKIDEXAMPLE", "20150830", "us-east-1", "service",
                List.of("host", "x-amz-date"), "x".repeat(64));
        String canonical = SigV4Verifier.canonicalRequest(request, auth.signedHeaders());

        assertThat(canonical).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SigV4.signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", auth, "20150830T123600Z", canonical))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void acceptsACorrectlySignedRequestAndNamesItsKey() {
        assertThat(verifier.verify(signed("POST", "/restapis", "a=1&b=x%20y", "{\"name\":\"pets\"}", DATE, KEYS)))
                .isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void refusesATamperedBodyAsInvalidSignature() {
        ControlRequest good = signed("POST", "/restapis", null, "{\"name\":\"pets\"}", DATE, KEYS);
        ControlRequest tampered = new ControlRequest(good.method(), good.rawPath(), good.rawQuery(), good.headers(),
                "{\"name\":\"evil\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOfSatisfying(ControlException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
            assertThat(e.getMessage()).startsWith("The request signature we calculated does not match the signature you provided.");
        });
    }

    @Test
    void refusesAWrongSecretAndAnUnknownKeyAsAwsDoes() {
        assertThatThrownBy(() -> verifier.verify(signed("GET", "/restapis", null, "", DATE, AccessKeys.of("AKIDEXAMPLE", "wrong"))))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.errorType()).isEqualTo("InvalidSignatureException"));
        assertThatThrownBy(() -> verifier.verify(signed("GET", "/restapis", null, "", DATE, AccessKeys.of("AKIDOTHER", "x"))))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
                });
    }

    @Test
    void refusesARequestOlderThanFiveMinutesWithAwsMessage() {
        ControlRequest old = signed("GET", "/restapis", null, "", "20261125T123000Z", KEYS);

        assertThatThrownBy(() -> verifier.verify(old)).isInstanceOfSatisfying(ControlException.class, e -> {
            assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
            assertThat(e.getMessage()).isEqualTo("Signature expired: 20261125T123000Z is now earlier than 20261125T123100Z (20261125T123600Z - 5 min.)");
        });
    }

    @Test
    void refusesUnsignedAndMalformedRequests() {
        ControlRequest unsigned = new ControlRequest("GET", "/restapis", null, Map.of("Host", List.of("h")), null);
        assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOfSatisfying(ControlException.class, e -> {
            assertThat(e.errorType()).isEqualTo("MissingAuthenticationTokenException");
            assertThat(e.getMessage()).isEqualTo("Missing Authentication Token");
        });
        ControlRequest malformed = new ControlRequest("GET", "/restapis", null, Map.of("Host", List.of("h"),
                "X-Amz-Date", List.of(DATE), "Authorization", List.of("AWS4-HMAC-SHA256 SignedHeaders=host")), null);
        assertThatThrownBy(() -> verifier.verify(malformed)).isInstanceOfSatisfying(ControlException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorType()).isEqualTo("IncompleteSignatureException");
            assertThat(e.getMessage()).contains("Authorization header requires 'Credential' parameter.");
        });
    }

    @Test
    void withoutConfiguredKeysAcceptsAnyWellFormedSignature() {
        SigV4Verifier open = new SigV4Verifier(AccessKeys.none(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(open.verify(signed("GET", "/restapis", null, "", DATE, AccessKeys.of("anything", "whatever"))))
                .isEqualTo("anything");
    }

    @Test
    void readsKeysFromAwsSharedCredentialsFormat() {
        AccessKeys keys = AccessKeys.parse(List.of("# ops", "[default]", "aws_access_key_id = AKID1",
                "aws_secret_access_key = s1", "region = eu-west-1", "[ci]", "aws_access_key_id=AKID2",
                "aws_secret_access_key=s2"), "creds");

        assertThat(keys.secrets()).containsExactlyInAnyOrderEntriesOf(Map.of("AKID1", "s1", "AKID2", "s2"));
        assertThatThrownBy(() -> AccessKeys.parse(List.of("[default]"), "empty")).hasMessageContaining("holds no access key");
    }

    /** Signs a request with our own signer (the AWS SDK and CLI tests in tests/ check interoperability). */
    private static ControlRequest signed(String method, String path, String query, String body, String amzDate, AccessKeys keys) {
        String id = keys.secrets().keySet().iterator().next();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:9999"));
        headers.put("X-Amz-Date", List.of(amzDate));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ControlRequest unsigned = new ControlRequest(method, path, query, headers, bytes);
        var auth = new SigV4.Authorization(id, amzDate.substring(0, 8), "us-east-1", "apigateway",
                List.of("host", "x-amz-date"), "0".repeat(64));
        String signature = SigV4.signature(keys.secret(id).orElseThrow(), auth, amzDate,
                SigV4Verifier.canonicalRequest(unsigned, auth.signedHeaders()));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + id + "/" + auth.scope()
                + ", SignedHeaders=host;x-amz-date, Signature=" + signature));
        return new ControlRequest(method, path, query, headers, bytes);
    }
}
