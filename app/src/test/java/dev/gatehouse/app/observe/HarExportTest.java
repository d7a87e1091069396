package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HAR 1.2 export against the spec (softwareishard.com/blog/har-12-spec): every required field of log,
 * creator, entries, request, response, content and timings present with its type; {@code time} the sum of the
 * timings; sizes -1 when unknown; binary bodies in base64.
 */
class HarExportTest {

    private static final LoggedRequest ENTRY = new LoggedRequest(7, 1_764_694_800_123L, "api1", "prod", "rid-1", "POST",
            "/pets", "/prod/pets", 201, 12.5, 4.0, null, null, "127.0.0.1", "INFO", "");

    private static JsonNode export(LoggedMessage m) throws Exception {
        return new ObjectMapper().readTree(HarExport.of(List.of(new HarExport.Item(ENTRY, m)), "http://127.0.0.1:4010", "1.0"));
    }

    @Test
    void anExactRequestBecomesAnEntryWithEveryRequiredField() throws Exception {
        LoggedMessage m = new LoggedMessage("POST", "/prod/pets", "limit=2&q=a%20b",
                List.of(Map.entry("Host", "127.0.0.1:4010"), Map.entry("Content-Type", "application/json"), Map.entry("Cookie", "s=1; t=2")),
                "{\"n\":1}".getBytes(StandardCharsets.UTF_8), 201,
                List.of(Map.entry("Content-Type", "application/json"), Map.entry("Set-Cookie", "id=9; Path=/")),
                new byte[] {(byte) 0xff, 0x00, 0x41}, true);
        JsonNode log = export(m).get("log");
        assertThat(log.get("version").asText()).isEqualTo("1.2");
        assertThat(log.get("creator").get("name").asText()).isEqualTo("Gatehouse");
        assertThat(log.get("creator").get("version").isTextual()).isTrue();
        JsonNode e = log.get("entries").get(0);
        assertThat(e.get("startedDateTime").asText()).isEqualTo("2025-12-02T17:00:00.123Z");
        assertThat(e.get("time").asDouble()).isEqualTo(12.5);
        JsonNode t = e.get("timings");
        assertThat(t.get("send").asDouble() + t.get("wait").asDouble() + t.get("receive").asDouble()).isEqualTo(12.5);
        assertThat(e.get("cache").isObject()).isTrue();

        JsonNode req = e.get("request");
        assertThat(req.get("method").asText()).isEqualTo("POST");
        assertThat(req.get("url").asText()).isEqualTo("http://127.0.0.1:4010/prod/pets?limit=2&q=a%20b");
        assertThat(req.get("httpVersion").asText()).isEqualTo("HTTP/1.1");
        assertThat(req.get("cookies").toString()).isEqualTo("[{\"name\":\"s\",\"value\":\"1\"},{\"name\":\"t\",\"value\":\"2\"}]");
        assertThat(req.get("headers")).hasSize(3);
        assertThat(req.get("queryString").toString()).isEqualTo("[{\"name\":\"limit\",\"value\":\"2\"},{\"name\":\"q\",\"value\":\"a b\"}]");
        assertThat(req.get("postData").get("mimeType").asText()).isEqualTo("application/json");
        assertThat(req.get("postData").get("text").asText()).isEqualTo("{\"n\":1}");
        assertThat(req.get("headersSize").asInt()).isEqualTo(-1);
        assertThat(req.get("bodySize").asInt()).isEqualTo(7);

        JsonNode res = e.get("response");
        assertThat(res.get("status").asInt()).isEqualTo(201);
        assertThat(res.get("statusText").asText()).isEqualTo("Created");
        assertThat(res.get("httpVersion").asText()).isEqualTo("HTTP/1.1");
        assertThat(res.get("cookies").toString()).isEqualTo("[{\"name\":\"id\",\"value\":\"9\"}]");
        assertThat(res.get("headers")).hasSize(2);
        assertThat(res.get("content").get("size").asInt()).isEqualTo(3);
        assertThat(res.get("content").get("mimeType").asText()).isEqualTo("application/json");
        assertThat(res.get("content").get("encoding").asText()).isEqualTo("base64");
        assertThat(res.get("content").get("text").asText()).isEqualTo("/wBB"); // base64 of ff 00 41
        assertThat(res.get("redirectURL").asText()).isEmpty();
        assertThat(res.get("headersSize").asInt()).isEqualTo(-1);
        assertThat(res.get("bodySize").asInt()).isEqualTo(3);
    }

    @Test
    void aRequestPiecedFromTheLogHasUnknownSizesAndTheDataPlanesOrigin() throws Exception {
        LoggedMessage m = new LoggedMessage("GET", "/prod/pets", "", List.of(), new byte[0], 200, List.of(), new byte[0], false);
        JsonNode e = export(m).get("log").get("entries").get(0);
        assertThat(e.get("request").get("url").asText()).isEqualTo("http://127.0.0.1:4010/prod/pets");
        assertThat(e.get("request").has("postData")).isFalse();
        assertThat(e.get("request").get("bodySize").asInt()).isEqualTo(-1);
        assertThat(e.get("response").get("content").get("mimeType").asText()).isEqualTo("x-unknown");
        assertThat(e.get("response").get("content").get("text").asText()).isEmpty();
    }
}
