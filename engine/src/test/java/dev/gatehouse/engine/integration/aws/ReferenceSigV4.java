package dev.gatehouse.engine.integration.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent, test-only SigV4 calculation straight from the IAM user guide ("Create a signed AWS API
 * request": canonical request, string to sign, derived key, signature), used to check the signatures the SDK's
 * signer produced. Canonicalises what would be sent: the path and query as they appear in the URI (already in
 * SigV4 encoding), encoded once more for services other than S3; the headers named in {@code SignedHeaders}.
 */
final class ReferenceSigV4 {

    private ReferenceSigV4() { }

    /** The signature hex for the request as sent. */
    static String signature(String method, URI uri, Map<String, List<String>> headers, byte[] body, String secret,
                            String date, String amzDate, String region, String service, List<String> signedHeaders) {
        boolean s3 = service.equals("s3");
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!s3) path = path.replace("%", "%25");
        List<String> pairs = new ArrayList<>();
        if (uri.getRawQuery() != null) for (String p : uri.getRawQuery().split("&")) pairs.add(p.contains("=") ? p : p + "=");
        pairs.sort(null);
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), String.join(",", v).trim()));
        String canonicalHeaders = signedHeaders.stream().map(h -> h + ":" + lower.get(h) + "\n").collect(Collectors.joining());
        String canonical = method + "\n" + path + "\n" + String.join("&", pairs) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n" + hex(sha256(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
