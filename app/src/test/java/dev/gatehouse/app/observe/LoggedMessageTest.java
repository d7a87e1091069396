package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.Observations.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request no longer kept in memory is pieced together from AWS's execution-log data lines. */
class LoggedMessageTest {

    private static final String LOG = """
            Execution log for request r-1
            Wed Dec 02 17:00:00 UTC 2026 : Starting execution for request: r-1
            Wed Dec 02 17:00:00 UTC 2026 : HTTP Method: POST, Resource Path: /pets
            Wed Dec 02 17:00:00 UTC 2026 : Method request path: {}
            Wed Dec 02 17:00:00 UTC 2026 : Method request query string: {limit=2}
            Wed Dec 02 17:00:00 UTC 2026 : Method request headers: {Accept=application/json, text/plain, x-api-key=**********abcdef, Content-Type=application/json}
            Wed Dec 02 17:00:00 UTC 2026 : Method request body before transformations: {"name": "Rex"}
            Wed Dec 02 17:00:00 UTC 2026 : Method response body after transformations: {"id": 7}
            Wed Dec 02 17:00:00 UTC 2026 : Method response headers: {Content-Type=application/json}
            Wed Dec 02 17:00:00 UTC 2026 : Successfully completed execution
            Wed Dec 02 17:00:00 UTC 2026 : Method completed with status: 201
            """;

    @Test
    void headersBodiesAndQueryComeFromTheLogsDataLines() {
        LoggedRequest entry = new LoggedRequest(1, 0, "api", "prod", "r-1", "POST", "/pets", "/prod/pets", 201, 3.0,
                null, null, null, "127.0.0.1", "INFO", LOG);
        LoggedMessage m = LoggedMessage.of(entry, Optional.empty());
        assertThat(m.exact()).isFalse();
        assertThat(m.pathWithQuery()).isEqualTo("/prod/pets?limit=2");
        // "text/plain" follows ", " but has no '=': it is part of Accept's value, not a header of its own
        assertThat(m.requestHeaders()).containsExactly(Map.entry("Accept", "application/json, text/plain"),
                Map.entry("x-api-key", "**********abcdef"), Map.entry("Content-Type", "application/json"));
        assertThat(new String(m.requestBody(), StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"Rex\"}");
        assertThat(m.status()).isEqualTo(201);
        assertThat(m.responseHeaders()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(new String(m.responseBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 7}");
    }
}
