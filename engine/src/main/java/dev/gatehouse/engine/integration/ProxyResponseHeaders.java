package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.mapping.ParameterMapper;
import dev.gatehouse.engine.pipeline.Headers;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What API Gateway does to an HTTP_PROXY backend's response headers before the client sees them (aws-reference
 * §3.2; the header lists as LocalStack's AWS-validated {@code MethodResponseHandler} has them):
 * {@code Connection}, {@code Content-Length}, {@code Date} and {@code Server} — names API Gateway sets itself —
 * come back renamed {@code x-amzn-Remapped-<Name>} with the backend's value; {@code Via} and the other hop-by-hop
 * headers (and those the backend's {@code Connection} names) are dropped. {@code Content-Encoding}, which
 * LocalStack also drops, is kept: our backend client never decompresses, so the bytes are still encoded.
 * Stateless.
 *
 * <p>What happens to a name depends on the name alone (but for the {@code Connection} tokens), so it is worked out
 * once per name and remembered ({@link #FATES}): a backend sends the same few names on every response, as the same
 * String instances ({@link LoopHttpBackend} keeps them), and the per-response work is then one hash lookup per
 * header instead of a lower-casing, a set probe and four case-insensitive comparisons (with a set built from the
 * {@code Connection} value): 2.2% of a proxied request's CPU samples ({@code ProxyCpuRunner}, JFR).
 */
public final class ProxyResponseHeaders {

    /** Response headers AWS renames for every integration type, in AWS's casing. */
    public static final List<String> REMAPPED_COMMON = ParameterMapper.REMAPPED_COMMON;

    private static final String PREFIX = "x-amzn-Remapped-";

    /** What becomes of a backend response header name. */
    private sealed interface Fate permits Keep, Drop, Rename { }

    /** Passed to the client as it is (unless the backend's Connection names it). */
    private enum Keep implements Fate { KEEP }

    /** Never passed to the client. */
    private enum Drop implements Fate { DROP }

    /** Passed to the client under {@code name} ({@code x-amzn-Remapped-<Name>}). */
    private record Rename(String name) implements Fate { }

    /** name -> its fate; bounded in count and length like the other name tables */
    private static final ConcurrentHashMap<String, Fate> FATES = new ConcurrentHashMap<>();
    private static final int MAX_FATES = 512;
    private static final int MAX_NAME_LENGTH = 64;

    private ProxyResponseHeaders() { }

    /** The renaming to {@code x-amzn-Remapped-<Name>} of each of {@link #REMAPPED_COMMON}, built once. */
    private static final List<Rename> REMAPPED_NAMES = REMAPPED_COMMON.stream().map(n -> new Rename(PREFIX + n)).toList();

    /** The client-facing headers of a proxied backend response. */
    public static Headers of(Headers backend) {
        List<String> connection = backend.all("Connection");
        Headers.Builder b = Headers.builder();
        backend.forEach((name, value) -> {
            switch (fate(name)) {
                case Keep k -> {
                    if (connection.isEmpty() || !namedBy(connection, name)) b.add(name, value);
                }
                case Drop d -> { }
                case Rename r -> b.add(r.name(), value);
            }
        });
        return b.build();
    }

    /** What becomes of {@code name}, remembered for the names that recur. */
    private static Fate fate(String name) {
        Fate known = FATES.get(name);
        if (known != null) return known;
        Fate fate = decide(name);
        if (name.length() <= MAX_NAME_LENGTH && FATES.size() < MAX_FATES) FATES.putIfAbsent(name, fate);
        return fate;
    }

    /** A remapped name wins over hop-by-hop (Connection is both: AWS renames it). */
    private static Fate decide(String name) {
        for (int i = 0; i < REMAPPED_COMMON.size(); i++) {
            if (REMAPPED_COMMON.get(i).equalsIgnoreCase(name)) return REMAPPED_NAMES.get(i);
        }
        return HopByHop.isHopByHop(name) || name.equalsIgnoreCase("Via") ? Drop.DROP : Keep.KEEP;
    }

    /** Whether one of the comma-separated tokens of the {@code Connection} values is {@code name} (any case). */
    static boolean namedBy(List<String> connection, String name) {
        for (int v = 0; v < connection.size(); v++) {
            String value = connection.get(v);
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                int from = start;
                int to = end;
                while (from < to && value.charAt(from) <= ' ') from++; // as String.trim
                while (to > from && value.charAt(to - 1) <= ' ') to--;
                if (to - from == name.length() && value.regionMatches(true, from, name, 0, name.length())) return true;
                start = end + 1;
            }
        }
        return false;
    }
}
