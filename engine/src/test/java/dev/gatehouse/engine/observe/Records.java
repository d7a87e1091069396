package dev.gatehouse.engine.observe;

import java.time.Instant;
import java.util.Map;

/** Test fixture: request records with chosen values. */
final class Records {

    private Records() { }

    /** 2026-12-02T14:20:00Z, the time aws-reference's CLF example renders as 02/Dec/2026:14:20:00 +0000. */
    static final long TIME = Instant.parse("2026-12-02T14:20:00Z").toEpochMilli();

    static RequestRecord full() {
        return new RequestRecord(TIME, "c0ffee00-1111-2222-3333-444455556666", "Ab1Cd2Ef3Gh=", "a1b2c3d4e5", "prod",
                "dep123", "res456", "/pets/{id}", "GET", "/prod/pets/7", "HTTP/1.1", "127.0.0.1", "curl/8.5.0",
                "a1b2c3d4e5.execute-api.localhost", "a1b2c3d4e5", "key789", "abcdefghijklmnopqrst1234",
                "user-1", Map.of("principalId", "user-1", "tier", "gold"), 200, 42, 12_345, 10_250, 201, null, null,
                null, false, true, false, null);
    }

    /** A request to {@code api/stage} at {@code millis} with a status and a latency in microseconds. */
    static RequestRecord at(String api, String stage, String method, String resource, long millis, int status,
                            long latencyMicros, long integrationMicros) {
        return new RequestRecord(millis, java.util.UUID.randomUUID().toString(), "x=", api, stage, "d1", "r1", resource,
                method, "/" + stage + resource, "HTTP/1.1", "127.0.0.1", "t/1", null, null, null, null, null, null,
                status, 10, latencyMicros, integrationMicros, integrationMicros < 0 ? -1 : 200, null, null, null,
                false, integrationMicros >= 0, status >= 500, "Execution log for request x\n");
    }
}
