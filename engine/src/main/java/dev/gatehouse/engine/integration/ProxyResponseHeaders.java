package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.mapping.ParameterMapper;
import dev.gatehouse.engine.pipeline.Headers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What API Gateway does to an HTTP_PROXY backend's response headers before the client sees them (aws-reference
 * §3.2; the header lists as LocalStack's AWS-validated {@code MethodResponseHandler} has them):
 * {@code Connection}, {@code Content-Length}, {@code Date} and {@code Server} — names API Gateway sets itself —
 * come back renamed {@code x-amzn-Remapped-<Name>} with the backend's value; {@code Via} and the other hop-by-hop
 * headers (and those the backend's {@code Connection} names) are dropped. {@code Content-Encoding}, which
 * LocalStack also drops, is kept: our backend client never decompresses, so the bytes are still encoded.
 * Stateless.
 */
public final class ProxyResponseHeaders {

    /** Response headers AWS renames for every integration type, in AWS's casing. */
    public static final List<String> REMAPPED_COMMON = ParameterMapper.REMAPPED_COMMON;

    private static final String PREFIX = "x-amzn-Remapped-";

    private ProxyResponseHeaders() { }

    /** {@code x-amzn-Remapped-<Name>} for each of {@link #REMAPPED_COMMON}, built once. */
    private static final List<String> REMAPPED_NAMES = REMAPPED_COMMON.stream().map(n -> PREFIX + n).toList();

    /** The client-facing headers of a proxied backend response. */
    public static Headers of(Headers backend) {
        List<String> connection = backend.all("Connection");
        Set<String> named = connection.isEmpty() ? Set.of() : new HashSet<>();
        for (String c : connection) {
            for (String token : c.split(",")) named.add(token.trim().toLowerCase(Locale.ROOT));
        }
        Headers.Builder b = Headers.builder();
        backend.forEach((name, value) -> {
            String remapped = remappedName(name);
            if (remapped != null) {
                b.add(remapped, value);
            } else if (!HopByHop.isHopByHop(name) && !name.equalsIgnoreCase("Via")
                    && !named.contains(Headers.lowerCaseName(name))) {
                b.add(name, value);
            }
        });
        return b.build();
    }

    /** The {@code x-amzn-Remapped-} name for {@code name}, or null when AWS passes it unchanged. */
    private static String remappedName(String name) {
        for (int i = 0; i < REMAPPED_COMMON.size(); i++) {
            if (REMAPPED_COMMON.get(i).equalsIgnoreCase(name)) return REMAPPED_NAMES.get(i);
        }
        return null;
    }
}
