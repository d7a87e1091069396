package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import java.util.Set;

/** Headers a proxy must not forward (RFC 9110 §7.6.1), plus the ones the transport recomputes. */
final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "host", "content-length", "expect");

    private HopByHop() { }

    static boolean isHopByHop(String name) {
        return NAMES.contains(Headers.lowerCaseName(name));
    }
}
