package dev.gatehouse.engine.integration;

import io.vertx.core.http.HttpHeaders;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Header names as Netty {@code AsciiString}s for Vert.x and Netty header maps (responses to clients, requests to
 * backends), kept for the names that recur on every request (Content-Type, User-Agent, X-Amzn-Trace-Id...): Netty
 * hashes an AsciiString once and writes it to the socket as bytes, where a {@code String} is hashed and encoded
 * character by character on every request (~2% of a MOCK request's CPU samples went to that encoding, JFR CPU-time
 * sampler via {@code bench/dataplane-profile.sh}).
 * Bounded in count and length, so odd names cannot grow it; they pass through as they are. Thread-safe.
 */
public final class WireHeaderNames {

    private static final int MAX_NAMES = 512;
    private static final int MAX_LENGTH = 64;
    private static final ConcurrentHashMap<String, CharSequence> NAMES = new ConcurrentHashMap<>();

    private WireHeaderNames() { }

    /** {@code name} as an AsciiString when it is a kept (or keepable) ASCII name, else {@code name} itself. */
    public static CharSequence of(String name) {
        CharSequence kept = NAMES.get(name);
        if (kept != null) return kept;
        if (name.length() > MAX_LENGTH || NAMES.size() >= MAX_NAMES || !ascii(name)) return name;
        CharSequence ascii = HttpHeaders.createOptimized(name);
        NAMES.putIfAbsent(name, ascii);
        return ascii;
    }

    private static boolean ascii(String name) {
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) > 0x7E) return false;
        return true;
    }
}
