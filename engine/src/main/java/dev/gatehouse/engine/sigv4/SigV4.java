package dev.gatehouse.engine.sigv4;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=…,
 * SignedHeaders=…, Signature=…}) by recomputing it, as AWS does: canonical request (method, the path as sent
 * URI-encoded once more, the sorted and re-encoded query, the signed headers with trimmed values, the SHA-256 of the
 * body actually received), string to sign, the key derived from the secret, date, region and service, and a
 * constant-time comparison. The request's time ({@code X-Amz-Date}, else {@code Date}) must be within five minutes
 * of the clock, and the credential scope must name the expected service; any region is accepted.
 *
 * <p>Hand-written rather than the AWS SDK's signer: the SDK's signer is a client API that decides itself which
 * headers to sign and how to encode the path, while a verifier must canonicalise exactly what arrived (the raw path,
 * the header list the client chose); and the engine's runtime then needs no AWS SDK. Signatures made by the AWS SDK
 * for Java v2 and the AWS CLI are checked against it in the tests.
 *
 * <p>Failures are {@link SigV4Exception}s with AWS's codes and messages. Stateless and thread-safe.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** AWS's clock-skew window: a request more than five minutes off the clock is refused. */
    public static final Duration SKEW = Duration.ofMinutes(5);
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() { }

    /** The request as it arrived, as the verifier needs it. */
    public interface SignedRequest {
        String method();

        /** The path as sent, still percent-encoded, without the query. */
        String rawPath();

        /** The query as sent, without {@code ?}; empty or null when none. */
        String rawQuery();

        /** Every value of a header, in arrival order; {@code lowerCaseName} is lower case. */
        List<String> headerValues(String lowerCaseName);

        byte[] body();

        default String header(String lowerCaseName) {
            List<String> values = headerValues(lowerCaseName);
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /** The parsed parts of an {@code Authorization} header. */
    public record Authorization(String accessKeyId, String date, String region, String service,
                                List<String> signedHeaders, String signature) {
        public String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    /**
     * Verifies {@code request}'s signature for {@code service} and returns the access key id it was signed with.
     *
     * @param secretOf     the secret of an access key id, empty when the key is unknown
     * @param acceptAnyKey check only the form, scope and time, not the signature (a control plane on loopback
     *                     with no keys configured)
     * @throws SigV4Exception naming AWS's error code and message
     * @throws IllegalArgumentException when the query is not valid percent-encoding (a bad request)
     */
    public static String verify(SignedRequest request, String service, Function<String, Optional<String>> secretOf,
                                boolean acceptAnyKey, Clock clock) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            throw new SigV4Exception("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Authorization auth = parse(header);
        String amzDate = request.header("x-amz-date");
        Instant at = requestTime(amzDate, request.header("date"), header);
        if (amzDate != null && !amzDate.startsWith(auth.date())) {
            throw new SigV4Exception("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + auth.date() + "' != '"
                    + amzDate.substring(0, Math.min(8, amzDate.length())) + "', from '" + amzDate + "'.");
        }
        if (!service.equals(auth.service())) {
            throw new SigV4Exception("InvalidSignatureException", "Credential should be scoped to correct service: '" + service + "'. ");
        }
        checkSkew(at, clock.instant());
        if (acceptAnyKey) return auth.accessKeyId();
        String secret = secretOf.apply(auth.accessKeyId()).orElseThrow(() -> new SigV4Exception(
                "UnrecognizedClientException", "The security token included in the request is invalid."));
        String dateTime = amzDate != null ? amzDate : AMZ_DATE.format(at.atOffset(ZoneOffset.UTC));
        String canonical = canonicalRequest(request, auth.signedHeaders());
        String stringToSign = stringToSign(auth, dateTime, canonical);
        String expected = HEX.formatHex(hmac(signingKey(secret, auth), stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new SigV4Exception("InvalidSignatureException", "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.", canonical, stringToSign);
        }
        return auth.accessKeyId();
    }

    /** Parses an {@code Authorization} header. @throws SigV4Exception IncompleteSignatureException */
    public static Authorization parse(String header) {
        String h = header.strip();
        int space = h.indexOf(' ');
        String algorithm = space < 0 ? h : h.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw new SigV4Exception("IncompleteSignatureException", "Unsupported AWS 'algorithm': '" + algorithm + "'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : (space < 0 ? "" : h.substring(space + 1)).split(",")) {
            String part = p.strip();
            int eq = part.indexOf('=');
            if (eq > 0) parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parts.get(required) == null || parts.get(required).isEmpty()) {
                missing.append("Authorization header requires '").append(required).append("' parameter. ");
            }
        }
        if (!missing.isEmpty()) throw new SigV4Exception("IncompleteSignatureException", missing + "Authorization=" + header);
        String[] credential = parts.get("Credential").split("/");
        if (credential.length != 5 || !"aws4_request".equals(credential[4]) || !credential[1].matches("\\d{8}")) {
            throw new SigV4Exception("IncompleteSignatureException", "Credential should be scoped to a valid region. ");
        }
        List<String> signed = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host")) {
            throw new SigV4Exception("IncompleteSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String signature = parts.get("Signature");
        if (!signature.matches("[0-9a-fA-F]{64}")) {
            throw new SigV4Exception("IncompleteSignatureException", "Signature must be 64 hexadecimal characters. Authorization=" + header);
        }
        return new Authorization(credential[0], credential[1], credential[2], credential[3], signed, signature);
    }

    private static Instant requestTime(String amzDate, String date, String header) {
        try {
            if (amzDate != null) return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
            if (date != null) return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SigV4Exception("IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. Got '"
                    + (amzDate != null ? amzDate : date) + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        throw new SigV4Exception("IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + header);
    }

    private static void checkSkew(Instant at, Instant now) {
        if (at.isBefore(now.minus(SKEW))) {
            throw new SigV4Exception("InvalidSignatureException", "Signature expired: " + fmt(at) + " is now earlier than "
                    + fmt(now.minus(SKEW)) + " (" + fmt(now) + " - 5 min.)");
        }
        if (at.isAfter(now.plus(SKEW))) {
            throw new SigV4Exception("InvalidSignatureException", "Signature not yet current: " + fmt(at) + " is still later than "
                    + fmt(now.plus(SKEW)) + " (" + fmt(now) + " + 5 min.)");
        }
    }

    private static String fmt(Instant t) {
        return AMZ_DATE.format(t.atOffset(ZoneOffset.UTC));
    }

    /** The canonical request over what arrived (SigV4 "Create a canonical request"). */
    public static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(encode(request.rawPath(), true)).append('\n');
        out.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headerValues(name);
            List<String> trimmed = new ArrayList<>(values.size());
            for (String v : values) trimmed.add(v.strip().replaceAll("\\s+", " "));
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n');
        out.append(HEX.formatHex(sha256(request.body())));
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            pairs.add(new String[] {encode(name, false), encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (!out.isEmpty()) out.append('&');
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid percent-encoding in '" + s + "'", e);
        }
    }

    /** SigV4's URI encoding: unreserved characters as they are, everything else %XX (upper case), '/' kept if asked. */
    public static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The string to sign for a canonical request. */
    public static String stringToSign(Authorization auth, String amzDate, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex signature of a canonical request with {@code secret}. */
    public static String signature(String secret, Authorization auth, String amzDate, String canonicalRequest) {
        return HEX.formatHex(hmac(signingKey(secret, auth), stringToSign(auth, amzDate, canonicalRequest)));
    }

    private static byte[] signingKey(String secret, Authorization auth) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
