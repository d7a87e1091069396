package dev.gatehouse.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aTraceIdIsXRaysRootWithTheEpochSecondsAsEightHexDigitsAnd24RandomHexDigits() {
        // X-Ray trace id format: 1-{8 hex digits of the epoch second}-{96 bits as 24 hex digits}
        long[] seconds = {0, 1, 0xAL, 1_764_684_000L, 0xFFFFFFFFL};
        String[] hex = {"00000000", "00000001", "0000000a", "692ef0e0", "ffffffff"};
        for (int i = 0; i < seconds.length; i++) {
            String id = RequestIds.traceId(seconds[i]);
            assertTrue(id.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"), id);
            assertEquals("Root=1-" + hex[i] + "-", id.substring(0, 16));
        }
        assertTrue(RequestIds.traceId(0x1_0000_0000L).startsWith("Root=1-100000000-"));
    }

    @Test
    void traceIdsDifferInTheirRandomPart() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) seen.add(RequestIds.traceId(1_764_684_000L).substring(16));
        assertEquals(1000, seen.size());
    }
}
