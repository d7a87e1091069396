package dev.gatehouse.engine.server;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/**
 * Header values for the client's response as Netty {@code AsciiString}s when they are plain ASCII. Vert.x encodes a
 * {@code String} value into the pooled direct buffer one char at a time (each byte a bounds- and session-checked
 * put: {@code Buffer.session}, {@code SharedSession.acquire0/release0} were ~3.5% of a proxied request's CPU samples
 * between the two HTTP encoders, {@code ProxyCpuRunner} with JFR's CPU-time sampler), where an AsciiString is copied
 * in one go. Only all-ASCII values are converted: the bytes on the wire are then the same, and Vert.x's header
 * validation sees the same characters; any other value passes as it is. Stateless.
 */
final class WireHeaderValues {

    private WireHeaderValues() { }

    /** {@code value} as an AsciiString when every char is ASCII, else {@code value} itself. */
    static CharSequence of(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) if (value.charAt(i) > 0x7F) return value;
        return new AsciiString(value.getBytes(StandardCharsets.ISO_8859_1), false); // exact for ASCII; array kept
    }
}
