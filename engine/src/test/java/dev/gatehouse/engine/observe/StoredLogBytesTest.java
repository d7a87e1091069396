package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredLogBytes} writes a trace's stored log without its text; the reference is {@link ExecutionLog}'s
 * {@code storedText()} of the same trace replayed. Differential: the bytes, the line ends and the request-log
 * blocks built either way must be identical, and the logs it cannot write must go the reference way.
 */
class StoredLogBytesTest {

    private static final long SECOND = 1_534_827_649_000L; // 2018-08-21T05:00:49Z

    private static byte[] reference(ExecutionTrace trace) {
        return new ExecutionLog(Clock.systemUTC()).replay(trace).storedText().getBytes(StandardCharsets.UTF_8);
    }

    /** Line ends as RequestLogBlock splits a stored log: after each line break, and at the end. */
    private static int[] lineEnds(byte[] b) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < b.length; i++) if (b[i] == '\n') ends.add(i + 1);
        if (b.length > 0 && b[b.length - 1] != '\n') ends.add(b.length);
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ExecutionTrace proxy(long at, String requestId, Headers inbound, Map<String, String> pathParameters,
                                        QueryParams query, byte[] requestBody, Headers backend, byte[] answer) {
        ExecutionTrace t = new ExecutionTrace();
        t.requestStart(at, requestId);
        t.methodRequest(at, "POST", "/pets/7", pathParameters, query, inbound, requestBody);
        t.endpointRequest(at + 1, "http://backend.test/pets/7", Headers.of("Accept", "*/*", "X-Amzn-Trace-Id", "Root=1-" + requestId),
                requestBody);
        t.endpointResponse(at + 900, 200, 899, backend, answer);
        GatewayResponse response = new GatewayResponse(200, backend, answer);
        t.methodResponse(at + 901, response);
        t.requestEnd(at + 902, 200);
        return t;
    }

    private static void assertWrittenAsTheReference(ExecutionTrace trace) {
        StoredLogBytes w = new StoredLogBytes();
        byte[] expected = reference(trace);
        assertThat(w.write(trace)).as("written without the text").isTrue();
        assertThat(Arrays.copyOf(w.buf, w.len)).isEqualTo(expected);
        assertThat(Arrays.copyOf(w.ends, w.lines)).isEqualTo(lineEnds(expected));
    }

    @Test
    void aProxyRequestsStoredLogIsTheReferencesBytesAndLines() {
        assertWrittenAsTheReference(proxy(SECOND, "2be4ca29-0000-4000-8000-000000000001",
                Headers.of("Host", "localhost", "Authorization", "Bearer abcdefghijkl123456", "x-api-key", "k12"),
                Map.of("id", "7"), QueryParams.parse("a=1&a=2&b=x"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Headers.of("Content-Type", "application/json", "Date", "Tue, 21 Aug 2018 05:00:49 GMT"),
                "{\n  \"id\": 7\n}\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyCutAfter998CharactersLosesTheLineBreaksOfItsCutPart() {
        String body = "x".repeat(990) + "\n1234567\n" + "y\n".repeat(100); // a break at character 991 and one at 999
        assertWrittenAsTheReference(proxy(SECOND, "id-1", Headers.empty(), Map.of(), QueryParams.empty(),
                body.getBytes(StandardCharsets.UTF_8), Headers.of("X-Long", "v".repeat(1500)),
                ("z".repeat(997) + "\nmore").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void failuresIntegrationLinesAndLaterSecondsAreTheReferences() {
        ExecutionTrace t = new ExecutionTrace();
        t.requestStart(SECOND + 999, "id-2");
        t.methodRequest(SECOND + 999, "GET", "/f", new LinkedHashMap<>(Map.of("b", "2")), QueryParams.empty(),
                Headers.of("A", "1", "a", "2", "X-Amz-Security-Token", "tok123456789"), null);
        t.endpointRequest(SECOND + 1000, "http://lambda/invoke", Headers.empty(), new byte[0]);
        t.integrationLog(SECOND + 2500, "START RequestId: 1 Version: $LATEST");
        t.integrationLog(SECOND + 2500, "a line of " + "w".repeat(1200));
        t.executionFailed(SECOND + 3000, "Execution failed due to configuration error: Malformed Lambda proxy response");
        t.requestEnd(SECOND + 3000, 502);
        assertWrittenAsTheReference(t);

        ExecutionTrace failed = new ExecutionTrace();
        failed.requestStart(SECOND, "id-3");
        failed.methodRequest(SECOND, "GET", "/f", null, QueryParams.empty(), Headers.empty(), null);
        failed.requestFailed(SECOND + 5);
        assertWrittenAsTheReference(failed);
    }

    @Test
    void logsBeyondAsciiOrWithAPhraseCodeInAValueGoTheReferenceWay() {
        for (byte[] answer : List.of("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8),
                "a\u0001b".getBytes(StandardCharsets.UTF_8), "x\u001e".getBytes(StandardCharsets.UTF_8))) {
            ExecutionTrace t = proxy(SECOND, "id-4", Headers.empty(), Map.of(), QueryParams.empty(), null, Headers.empty(), answer);
            assertThat(new StoredLogBytes().write(t)).isFalse();
        }
        ExecutionTrace header = proxy(SECOND, "id-5", Headers.of("X-Name", "Zoë"), Map.of(), QueryParams.empty(), null,
                Headers.empty(), null);
        assertThat(new StoredLogBytes().write(header)).isFalse();
    }

    /** Random logs: each block built from the traces equals the block built from the reference texts. */
    @Test
    void blocksBuiltFromTracesEqualBlocksBuiltFromTheirTexts() {
        Random random = new Random(14);
        int direct = 0;
        int replayed = 0;
        String[] pieces = {"a", "{", "}", "\"", " ", "\n", "\t", "\r", "é", "\u0001", "\u001e", "€", "0", "=", ","};
        for (int block = 0; block < 40; block++) {
            RequestLogBlock.Encoder fromText = new RequestLogBlock.Encoder();
            RequestLogBlock.Encoder fromTrace = new RequestLogBlock.Encoder();
            fromText.start(1, SECOND);
            fromTrace.start(1, SECOND);
            for (int i = 0; i < 30; i++) {
                StringBuilder body = new StringBuilder();
                int parts = random.nextInt(4) == 0 ? random.nextInt(1500) : random.nextInt(40);
                for (int k = 0; k < parts; k++) {
                    // mostly ASCII letters and line breaks, now and then something the fast path leaves alone
                    body.append(random.nextInt(20) == 0 ? pieces[random.nextInt(pieces.length)]
                            : random.nextInt(10) == 0 ? "\n" : "q");
                }
                Map<String, String> params = new LinkedHashMap<>();
                if (random.nextBoolean()) params.put("id", Integer.toString(random.nextInt(1000)));
                Headers backend = Headers.of("Content-Type", "application/json", "Date", "Tue, 21 Aug 2018 05:00:"
                        + (10 + random.nextInt(50)) + " GMT", "Authorization", "Bearer " + "k".repeat(random.nextInt(12)));
                long at = SECOND + random.nextInt(3000);
                ExecutionTrace t = proxy(at, "req-" + block + "-" + i, Headers.of("Host", "h" + random.nextInt(3)), params,
                        random.nextBoolean() ? QueryParams.empty() : QueryParams.parse("q=" + random.nextInt(9)),
                        random.nextBoolean() ? null : body.toString().getBytes(StandardCharsets.UTF_8), backend,
                        body.reverse().toString().getBytes(StandardCharsets.UTF_8));
                if (new StoredLogBytes().write(t)) direct++;
                else replayed++;
                String text = new ExecutionLog(Clock.systemUTC()).replay(t).storedText();
                String level = i % 3 == 0 ? null : "INFO";
                fromText.add(i + 1, at, "req-" + i, "POST", "/pets/{id}", "/pets/7", 200, 5, -1, null, null, "127.0.0.1",
                        level, i % 7 == 0 ? null : text);
                fromTrace.add(i + 1, at, "req-" + i, "POST", "/pets/{id}", "/pets/7", 200, 5, -1, null, null, "127.0.0.1",
                        level, null, i % 7 == 0 ? null : t);
            }
            assertThat(fromTrace.data()).as("block %d", block).isEqualTo(fromText.data());
        }
        // both ways were taken, many times each
        assertThat(direct).isGreaterThan(200);
        assertThat(replayed).isGreaterThan(200);
    }
    /**
     * One writer reused from log to log, as a block's encoder uses it: values repeat at the same places (copied from
     * the previous log), move (a header more or less before them), are masked (credentials, several values under
     * one name), cut (a header list beyond 998 characters) or make a log go the reference way in between; each log
     * is still the reference's bytes and lines.
     */
    @Test
    void aReusedWriterWritesEachLogAsTheReferenceWhateverThePreviousLogWas() {
        Random random = new Random(1403);
        String[] names = {"Host", "Authorization", "x-api-key", "X-Amz-Security-Token", "Accept", "X-Long", "Date"};
        String[] values = {"a", "abcdefgh", "Bearer abcdefghijkl123456", "tok", "v".repeat(600), "w".repeat(990),
                "Zo\u00eb", "1234567", ""};
        StoredLogBytes w = new StoredLogBytes();
        int written = 0;
        int same = 0;
        ExecutionTrace previous = null;
        for (int i = 0; i < 3000; i++) {
            ExecutionTrace t;
            if (previous != null && random.nextInt(3) == 0) {
                t = previous; // the very same values at the same places
                same++;
            } else {
                List<String> pairs = new ArrayList<>();
                int headers = random.nextInt(6);
                for (int k = 0; k < headers; k++) {
                    pairs.add(names[random.nextInt(names.length)]);
                    pairs.add(values[random.nextInt(values.length)]);
                }
                Headers inbound = Headers.of(pairs.toArray(String[]::new));
                Collections.reverse(pairs);
                Headers backend = Headers.of(pairs.toArray(String[]::new));
                t = proxy(SECOND + random.nextInt(2500), "id-" + random.nextInt(3), inbound,
                        random.nextBoolean() ? Map.of() : Map.of("id", values[random.nextInt(4)]), QueryParams.empty(),
                        random.nextInt(4) == 0 ? values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8) : null,
                        backend, random.nextBoolean() ? null : "{\"id\": 7}".getBytes(StandardCharsets.UTF_8));
            }
            previous = t;
            byte[] expected = reference(t);
            if (!w.write(t)) {
                // a log with a value beyond ASCII (even one its cut drops) goes the reference way, whatever came before
                assertThat(new StoredLogBytes().write(t)).as("log %d written by a new writer", i).isFalse();
                continue;
            }
            written++;
            assertThat(Arrays.copyOf(w.buf, w.len)).as("log %d", i).isEqualTo(expected);
            assertThat(Arrays.copyOf(w.ends, w.lines)).as("log %d's lines", i).isEqualTo(lineEnds(expected));
        }
        assertThat(written).isGreaterThan(1000);
        assertThat(same).isGreaterThan(500);
    }

    /**
     * A stage with {@code dataTraceEnabled} off keeps INFO logs without their header and body lines: written from the
     * trace, with one writer reused across logs with and without data, each reads back as the reference text with
     * those lines removed ({@link ExecutionLogText#withoutData}), and each log with data stays the reference's bytes.
     */
    @Test
    void aLogWithoutDataReadsBackAsTheReferenceTextWithoutItsHeaderAndBodyLines() {
        Random random = new Random(2203);
        String[] values = {"a", "abcdefgh", "Bearer abcdefghijkl123456", "tok", "v".repeat(600), "w".repeat(1200), ""};
        StoredLogBytes w = new StoredLogBytes();
        int without = 0;
        for (int i = 0; i < 2000; i++) {
            Headers inbound = Headers.of("Host", values[random.nextInt(values.length)], "Authorization",
                    values[random.nextInt(values.length)]);
            ExecutionTrace t = proxy(SECOND + random.nextInt(2500), "id-" + random.nextInt(3), inbound,
                    random.nextBoolean() ? Map.of() : Map.of("id", values[random.nextInt(4)]), QueryParams.empty(),
                    random.nextBoolean() ? values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8) : null,
                    Headers.of("Content-Type", "application/json"),
                    random.nextBoolean() ? null : "{\"id\": 7}".getBytes(StandardCharsets.UTF_8));
            boolean data = random.nextBoolean();
            assertThat(w.write(t, data)).as("log %d", i).isTrue();
            String text = new ExecutionLog(Clock.systemUTC()).replay(t).text();
            if (data) {
                assertThat(Arrays.copyOf(w.buf, w.len)).as("log %d", i).isEqualTo(reference(t));
                continue;
            }
            without++;
            String stored = new String(w.buf, 0, w.len, StandardCharsets.US_ASCII);
            assertThat(ExecutionLogText.expand(stored)).as("log %d", i).isEqualTo(ExecutionLogText.withoutData(text));
            assertThat(ExecutionLogText.expand(stored)).doesNotContain("Method request headers", "Endpoint response body")
                    .contains("Method completed with status: 200");
            assertThat(Arrays.copyOf(w.ends, w.lines)).isEqualTo(lineEnds(Arrays.copyOf(w.buf, w.len)));
        }
        assertThat(without).isGreaterThan(500);
    }
}
