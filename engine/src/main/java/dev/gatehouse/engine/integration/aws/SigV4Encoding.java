package dev.gatehouse.engine.integration.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SigV4's URI encoding ("Create a canonical request", IAM user guide, docs.aws.amazon.com/IAM/latest/UserGuide/
 * create-signed-request.html): unreserved characters {@code A-Z a-z 0-9 - _ . ~} as they are, everything else as
 * {@code %XY} with upper-case hex, space as {@code %20} (never {@code +}). AWS service integration URIs are built in
 * this encoding so the bytes sent are the bytes the signature covers, whichever canonicalisation the service
 * applies. Stateless.
 */
public final class SigV4Encoding {

    private SigV4Encoding() { }

    /** Encodes {@code value}; {@code keepSlash} leaves {@code /} as is (greedy path values). */
    public static String encode(String value, boolean keepSlash) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if (unreserved(c) || (keepSlash && c == '/')) b.append(c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return b.toString();
    }

    /** {@code k=v&k2=v2} in the map's order, both sides encoded. */
    public static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (!b.isEmpty()) b.append('&');
            b.append(encode(k, false)).append('=').append(encode(v == null ? "" : v, false));
        });
        return b.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~';
    }
}
