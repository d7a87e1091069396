package dev.gatehouse.engine.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=…,
 * SignedHeaders=…, Signature=…}) by recomputing it, as AWS does: canonical request (method, the path as sent
 * URI-encoded once more, the sorted and re-encoded query, the signed headers with trimmed values, the SHA-256 of the
 * body actually received), string to sign, the key derived from the secret, date, region and service, and a
 * constant-time comparison. The request's time ({@code X-Amz-Date}, else {@code Date}) must be within five
 * minutes of the clock, the credential scope must name the service {@code apigateway}; any region is accepted.
 *
 * <p>Hand-written rather than the AWS SDK's signer: the SDK's signer is a client API that decides itself which
 * headers to sign and how to encode the path, while a verifier must canonicalise exactly what arrived (the raw
 * path, the header list the client chose); and the engine's runtime then needs no AWS SDK. The SDK's and the AWS
 * CLI's signatures are checked against it in the tests.
 *
 * <p>With no keys configured (loopback only, see {@link ControlPlaneOptions}) a well-formed header is enough.
 * Failures are 403 {@link ControlException}s with AWS's codes and messages: {@code MissingAuthenticationTokenException},
 * {@code IncompleteSignatureException}, {@code UnrecognizedClientException}, {@code InvalidSignatureException}.
 * Thread-safe.
 */
public final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "apigateway";
    static final Duration SKEW = Duration.ofMinutes(5);
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final HexFormat HEX = HexFormat.of();

    private final AccessKeys keys;
    private final Clock clock;

    public SigV4Verifier(AccessKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The parsed parts of an {@code Authorization} header. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                         String signature) {
        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    /** Returns the access key id the request was signed with; throws a 403 {@link ControlException} otherwise. */
    public String verify(ControlRequest request) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) throw forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
        Authorization auth = parse(header);
        String amzDate = request.header("x-amz-date");
        Instant at = requestTime(amzDate, request.header("date"), header);
        if (amzDate != null && !amzDate.startsWith(auth.date())) {
            throw forbidden("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + auth.date() + "' != '" + amzDate.substring(0, Math.min(8, amzDate.length())) + "', from '" + amzDate + "'.");
        }
        if (!SERVICE.equals(auth.service())) {
            throw forbidden("InvalidSignatureException", "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        checkSkew(at);
        if (keys.isEmpty()) return auth.accessKeyId();
        String secret = keys.secret(auth.accessKeyId()).orElseThrow(() ->
                forbidden("UnrecognizedClientException", "The security token included in the request is invalid."));
        String dateTime = amzDate != null ? amzDate : AMZ_DATE.format(at.atOffset(ZoneOffset.UTC));
        String expected = signature(secret, auth, dateTime, canonicalRequest(request, auth.signedHeaders()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw forbidden("InvalidSignatureException", "The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return auth.accessKeyId();
    }

    static Authorization parse(String header) {
        String h = header.strip();
        int space = h.indexOf(' ');
        String algorithm = space < 0 ? h : h.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw forbidden("IncompleteSignatureException", "Unsupported AWS 'algorithm': '" + algorithm + "'");
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
        if (!missing.isEmpty()) throw forbidden("IncompleteSignatureException", missing + "Authorization=" + header);
        String[] credential = parts.get("Credential").split("/");
        if (credential.length != 5 || !"aws4_request".equals(credential[4]) || !credential[1].matches("\\d{8}")) {
            throw forbidden("IncompleteSignatureException", "Credential should be scoped to a valid region. ");
        }
        List<String> signed = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host")) {
            throw forbidden("IncompleteSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String signature = parts.get("Signature");
        if (!signature.matches("[0-9a-fA-F]{64}")) {
            throw forbidden("IncompleteSignatureException", "Signature must be 64 hexadecimal characters. Authorization=" + header);
        }
        return new Authorization(credential[0], credential[1], credential[2], credential[3], signed, signature);
    }

    private static Instant requestTime(String amzDate, String date, String header) {
        try {
            if (amzDate != null) return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
            if (date != null) return java.time.ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw forbidden("IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. Got '"
                    + (amzDate != null ? amzDate : date) + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        throw forbidden("IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + header);
    }

    private void checkSkew(Instant at) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(SKEW))) {
            throw forbidden("InvalidSignatureException", "Signature expired: " + fmt(at) + " is now earlier than "
                    + fmt(now.minus(SKEW)) + " (" + fmt(now) + " - 5 min.)");
        }
        if (at.isAfter(now.plus(SKEW))) {
            throw forbidden("InvalidSignatureException", "Signature not yet current: " + fmt(at) + " is still later than "
                    + fmt(now.plus(SKEW)) + " (" + fmt(now) + " + 5 min.)");
        }
    }

    private static String fmt(Instant t) {
        return AMZ_DATE.format(t.atOffset(ZoneOffset.UTC));
    }

    /** The canonical request over what arrived (SigV4 "Create a canonical request"). */
    static String canonicalRequest(ControlRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(encode(request.rawPath(), true)).append('\n');
        out.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
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
            String name = ControlRequest.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : ControlRequest.decode(pair.substring(eq + 1), true);
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

    /** SigV4's URI encoding: unreserved characters as they are, everything else %XX (upper case), '/' kept if asked. */
    static String encode(String s, boolean keepSlash) {
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

    static String signature(String secret, Authorization auth, String amzDate, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign));
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

    private static ControlException forbidden(String type, String message) {
        return new ControlException(403, type, message);
    }
}
