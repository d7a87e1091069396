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
        if (epochSeconds < 0 || epochSeconds > 0xFFFFFFFFL) { // after 2106: more than 8 digits, as %08x gives
            return "Root=1-%08x-%012x%012x".formatted(epochSeconds, r.nextLong() & 0xFFFFFFFFFFFFL,
                    r.nextLong() & 0xFFFFFFFFFFFFL);
        }
        // written by hand: String.format parsed the pattern and built a Formatter on every proxied request
        char[] id = new char[7 + 8 + 1 + 24];
        "Root=1-".getChars(0, 7, id, 0);
        hex(epochSeconds & 0xFFFFFFFFL, 8, id, 7);
        id[15] = '-';
        hex(r.nextLong() & 0xFFFFFFFFFFFFL, 12, id, 16);
        hex(r.nextLong() & 0xFFFFFFFFFFFFL, 12, id, 28);
        return new String(id);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code digits} lower-case hex digits of {@code value}, zero-padded, into {@code out} at {@code at}. */
    private static void hex(long value, int digits, char[] out, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
