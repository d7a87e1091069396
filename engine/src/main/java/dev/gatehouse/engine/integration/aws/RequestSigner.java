package dev.gatehouse.engine.integration.aws;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs an integration request with AWS Signature Version 4 using the AWS SDK for Java v2's signer
 * ({@link AwsV4HttpSigner}), as API Gateway signs the calls it makes with the integration's role. The payload is
 * always signed (its SHA-256 in the canonical request). For S3 the path is neither double-encoded nor normalised
 * and {@code x-amz-content-sha256} is sent, as S3 requires (S3 API reference, "Signature Calculations for the
 * Authorization Header"); other services get the standard double-encoded, normalised path.
 *
 * <p>The URI must already be in SigV4's canonical encoding (see {@link SigV4Encoding}) so the receiving service
 * canonicalises the same bytes the signature covers. Thread-safe (the SDK signer is).
 */
public final class RequestSigner {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Clock clock;

    public RequestSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param headers the headers to send, without Host (the URI decides it)
     * @return the headers to send: {@code headers} plus {@code X-Amz-Date}, {@code Authorization},
     *         {@code X-Amz-Security-Token} for session keys and, for S3, {@code x-amz-content-sha256}; without Host
     */
    public Map<String, List<String>> sign(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                                          String region, String service, AwsCredentialsIdentity keys) {
        boolean s3 = service.equals("s3");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        if (s3) request.putHeader("x-amz-content-sha256", sha256Hex(body));
        SignedRequest signed = SIGNER.sign(r -> r.identity(keys)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3));
        Map<String, List<String>> out = new LinkedHashMap<>(signed.request().headers());
        out.keySet().removeIf(name -> name.equalsIgnoreCase("Host"));
        return out;
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
