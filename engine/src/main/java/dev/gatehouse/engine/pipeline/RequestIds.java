package dev.gatehouse.engine.pipeline;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Id formats AWS uses: a UUID request id, a 16-char base64 extended id ({@code KkTq3F1yvHcFZ8w=}). */
public final class RequestIds {

    private RequestIds() { }

    public static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & ~(3L << 62)) | (2L << 62)).toString();
    }

    public static String extendedRequestId() {
        byte[] b = new byte[10];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).substring(0, 15) + "=";
    }

    /** An X-Ray style trace id: {@code Root=1-{8 hex epoch seconds}-{24 hex}}. */
    public static String traceId(long epochSeconds) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "Root=1-%08x-%012x%012x".formatted(epochSeconds, r.nextLong() & 0xFFFFFFFFFFFFL,
                r.nextLong() & 0xFFFFFFFFFFFFL);
    }
}
