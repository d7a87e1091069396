package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A request-log block keeps a captured execution log as its events ({@link StoredTrace}); what a reader gets back
 * must be what {@link ExecutionLog} writes of the original trace — its {@code storedText()} for a stage with
 * {@code dataTraceEnabled}, else its text without the data lines ({@link ExecutionLogText#withoutData}) — whatever
 * the traces before it in the block were and whichever entries the reader skips.
 */
class StoredTraceTest {

    private static final long SECOND = 1_534_827_649_000L; // 2018-08-21T05:00:49Z

    /** What the log of {@code trace} reads as, from {@link ExecutionLog} itself. */
    private static String reference(ExecutionTrace trace, boolean data) {
        ExecutionLog log = new ExecutionLog(Clock.systemUTC()).replay(trace);
        return data ? log.storedText() : ExecutionLogText.withoutData(log.text());
    }

    private static ExecutionTrace proxy(long at, String requestId, Headers inbound, Map<String, String> pathParameters,
                                        QueryParams query, byte[] requestBody, Headers backend, byte[] answer) {
        ExecutionTrace t = new ExecutionTrace();
        t.requestStart(at, requestId);
        t.methodRequest(at, "POST", "/pets/7", pathParameters, query, inbound, requestBody);
        t.endpointRequest(at + 1, "http://backend.test/pets/7", Headers.of("Accept", "*/*", "X-Amzn-Trace-Id", "Root=1-" + requestId),
                requestBody);
        t.endpointResponse(at + 900, 200, 899, backend, answer);
        t.methodResponse(at + 901, new GatewayResponse(200, backend, answer));
        t.requestEnd(at + 902, 200);
        return t;
    }

    /** One block of {@code traces} (null: an entry without a log), each with its data flag. */
    private static byte[] block(List<ExecutionTrace> traces, List<Boolean> data) {
        RequestLogBlock.Encoder e = new RequestLogBlock.Encoder();
        e.start(1, SECOND);
        for (int i = 0; i < traces.size(); i++) {
            e.add(i + 1, SECOND + i, "req-" + i, "POST", "/pets/{id}", "/pets/7", 200, 5, -1, null, null, "127.0.0.1",
                    "INFO", null, traces.get(i), data.get(i));
        }
        return e.data();
    }

    @Test
    void aProxyRequestsLogReadsBackAsItsReferenceText() {
        ExecutionTrace t = proxy(SECOND, "2be4ca29-0000-4000-8000-000000000001",
                Headers.of("Host", "localhost", "Authorization", "Bearer abcdefghijkl123456", "x-api-key", "k12"),
                Map.of("id", "7"), QueryParams.parse("a=1&a=2&b=x"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Headers.of("Content-Type", "application/json", "Date", "Tue, 21 Aug 2018 05:00:49 GMT"),
                "{\n  \"id\": 7\n}\n".getBytes(StandardCharsets.UTF_8));
        RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(block(List.of(t), List.of(true)), 1, SECOND);
        assertThat(c.next()).isTrue();
        assertThat(c.storedLog()).isEqualTo(reference(t, true));
        assertThat(ExecutionLogText.expand(c.storedLog()))
                .contains("Method request headers: {Host=localhost, Authorization=" + "*".repeat(19) + "123456, x-api-key=k12}")
                .contains("Method request query string: {a=2, b=x}");
    }

    @Test
    void credentialsAreStoredMaskedNeverInClear() {
        String secret = "Bearer s3cr3t-t0ken-0123456789";
        ExecutionTrace t = proxy(SECOND, "id-1", Headers.of("Authorization", secret, "authorization", "second-value",
                "X-Amz-Security-Token", "FwoGZXIvYXdzEBYaDEXAMPLETOKEN"), Map.of(), QueryParams.empty(), null,
                Headers.of("x-api-key", "abcdefghijklmnopqrstuvwxyz0123456789"), null);
        byte[] stored = block(List.of(t), List.of(true));
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("s3cr3t", "second-val", "EXAMPLETO", "abcdefghijklmnop");
        RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(stored, 1, SECOND);
        c.next();
        // AWS masks all but the last 6 characters of the joined values (hand-counted: 30 + 1 + 12 = 43 characters)
        assertThat(ExecutionLogText.expand(c.storedLog()))
                .contains("Authorization=" + "*".repeat(37) + "-value")
                .isEqualTo(ExecutionLogText.expand(reference(t, true)));
    }

    @Test
    void aLargeBodyIsKeptOnlyAsFarAsTheLogShowsIt() {
        byte[] body = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        byte[] accented = "é".repeat(1 << 19).getBytes(StandardCharsets.UTF_8);
        ExecutionTrace t = proxy(SECOND, "id-2", Headers.of("X-Long", "v".repeat(50_000)), Map.of(), QueryParams.empty(),
                body, Headers.empty(), accented);
        byte[] stored = block(List.of(t), List.of(true));
        // each body once (the proxy hands it on): 999 bytes of the ASCII one, 4 × 999 of the other, and 999
        // characters of the header: 5,994 bytes, and less than 300 of the rest
        assertThat(stored.length).isBetween(5_994, 6_300);
        RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(stored, 1, SECOND);
        c.next();
        assertThat(c.storedLog()).isEqualTo(reference(t, true)).contains(" [TRUNCATED]");
    }

    /**
     * Random traces, with and without data, in blocks: values repeat at the same places, move, are masked, cut,
     * beyond ASCII, hold line breaks and the stored form's special characters; failures and integration lines; a
     * reader that asks for some logs and skips others gets each one asked for as its reference.
     */
    @Test
    void randomLogsReadBackAsTheirReferencesWhicheverTheReaderSkips() {
        Random random = new Random(1403);
        String[] names = {"Host", "Authorization", "x-api-key", "X-Amz-Security-Token", "Accept", "X-Long", "Date", "accept"};
        String[] values = {"a", "abcdefgh", "Bearer abcdefghijkl123456", "tok", "v".repeat(600), "w".repeat(1200),
                "Zo\u00eb", "1234567", "", "a\nb", "x\u001e", "\u0001y", "\u20ac"};
        int checked = 0;
        for (int block = 0; block < 60; block++) {
            List<ExecutionTrace> traces = new ArrayList<>();
            List<Boolean> data = new ArrayList<>();
            ExecutionTrace previous = null;
            for (int i = 0; i < 40; i++) {
                ExecutionTrace t;
                if (previous != null && random.nextInt(3) == 0) {
                    t = previous; // the very same values at the same places
                } else if (random.nextInt(8) == 0) {
                    t = random.nextBoolean() ? failed(random, values) : null;
                } else {
                    List<String> pairs = new ArrayList<>();
                    int headers = random.nextInt(6);
                    for (int k = 0; k < headers; k++) {
                        pairs.add(names[random.nextInt(names.length)]);
                        pairs.add(values[random.nextInt(values.length)]);
                    }
                    Headers inbound = Headers.of(pairs.toArray(String[]::new));
                    Collections.reverse(pairs);
                    Headers backend = pairs.size() % 4 == 0 ? Headers.of(pairs.toArray(String[]::new)) : Headers.empty();
                    Map<String, String> params = new LinkedHashMap<>();
                    if (random.nextBoolean()) params.put("id", values[random.nextInt(values.length)]);
                    if (random.nextBoolean()) params.put("b", "2");
                    t = proxy(SECOND + random.nextInt(2500), "id-" + random.nextInt(3), inbound,
                            random.nextBoolean() ? Map.copyOf(params) : params,
                            random.nextBoolean() ? QueryParams.empty() : QueryParams.parse("q=" + random.nextInt(9) + "&r=%C3%A9"),
                            random.nextInt(3) == 0 ? values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8) : null,
                            backend, random.nextBoolean() ? null : body(random));
                }
                if (t != null) previous = t;
                traces.add(t);
                data.add(random.nextInt(4) != 0);
            }
            RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(block(traces, data), 1, SECOND);
            for (int i = 0; i < traces.size(); i++) {
                assertThat(c.next()).isTrue();
                if (random.nextInt(3) == 0) continue; // not asked for: decoded later, as the next one's reference
                String expected = traces.get(i) == null ? null : reference(traces.get(i), data.get(i));
                assertThat(c.storedLog()).as("block %d, log %d", block, i).isEqualTo(expected);
                checked++;
            }
            assertThat(c.next()).isFalse();
        }
        assertThat(checked).isGreaterThan(1200);
    }

    private static byte[] body(Random random) {
        String[] pieces = {"a", "{", "}", "\"", " ", "\n", "\t", "\r", "é", "\u0001", "\u001e", "€", "0", "=", ","};
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(4) == 0 ? random.nextInt(1500) : random.nextInt(40);
        for (int k = 0; k < parts; k++) {
            b.append(random.nextInt(20) == 0 ? pieces[random.nextInt(pieces.length)] : random.nextInt(10) == 0 ? "\n" : "q");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ExecutionTrace failed(Random random, String[] values) {
        ExecutionTrace t = new ExecutionTrace();
        t.requestStart(SECOND + 999, "id-f");
        t.methodRequest(SECOND + 999, "GET", "/f", null, QueryParams.empty(),
                Headers.of("A", "1", "B", "x", "a", "2", "X-Amz-Security-Token", "tok123456789"), null);
        if (random.nextBoolean()) {
            t.requestFailed(SECOND + 1003);
            return t;
        }
        t.endpointRequest(SECOND + 1000, "http://lambda/invoke", Headers.empty(), new byte[0]);
        t.integrationLog(SECOND + 2500, "START RequestId: 1 Version: $LATEST");
        t.integrationLog(SECOND + 2500, "a line of " + values[random.nextInt(values.length)]);
        t.executionFailed(SECOND + 3000, "Execution failed due to configuration error: Malformed Lambda proxy response");
        t.requestEnd(SECOND + 3000, 502);
        return t;
    }

    /** Text logs (a test invoke's, an entry rewritten by retention) and traces share a block, each its own reference. */
    @Test
    void textLogsAndTracesInOneBlockEachReadBack() {
        RequestLogBlock.Encoder e = new RequestLogBlock.Encoder();
        e.start(1, SECOND);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ExecutionTrace t = proxy(SECOND + i, "id-" + i, Headers.of("Host", "h" + i % 2), Map.of(), QueryParams.empty(),
                    null, Headers.of("Date", "d" + i / 4), null);
            String text = "Execution log for request id-" + i + "\nline " + i % 3 + "\n";
            if (i % 3 == 0) {
                e.add(i + 1, SECOND + i, "id-" + i, "GET", "/", "/", 200, 1, -1, null, null, null, "INFO", text);
                expected.add(text);
            } else {
                e.add(i + 1, SECOND + i, "id-" + i, "GET", "/", "/", 200, 1, -1, null, null, null, "INFO", null, t, true);
                expected.add(reference(t, true));
            }
        }
        RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(e.data(), 1, SECOND);
        for (int i = 0; i < 12; i++) {
            c.next();
            if (i % 4 == 1) continue;
            assertThat(c.storedLog()).as("log %d", i).isEqualTo(expected.get(i));
        }
    }

    /** A block stored before traces were (its first byte 1: a log is its line count + 1) still reads. */
    @Test
    void aBlockOfTheTextOnlyLayoutStillReads() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(RequestLogBlock.VERSION_TEXT);
        b.write(0); // id - first_id
        b.write(7); // ts - min_ts
        string(b, "req-1");
        string(b, "GET");
        string(b, "/pets");
        string(b, "/pets");
        b.write(200 & 0x7F | 0x80); // status 200 as a varint
        b.write(1);
        b.write(5); // latency
        b.write(0); // no integration
        b.write(0); // no key id
        b.write(0); // no key
        string(b, "127.0.0.1");
        string(b, "INFO");
        b.write(3); // two lines, no reference: each all its own bytes
        for (String line : List.of("first\n", "second\n")) {
            b.write(0);
            b.write(0);
            b.write(line.length());
            b.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        RequestLogBlock.Cursor c = new RequestLogBlock.Cursor(b.toByteArray(), 1, SECOND);
        assertThat(c.next()).isTrue();
        assertThat(c.ts).isEqualTo(SECOND + 7);
        assertThat(c.status).isEqualTo(200);
        assertThat(c.requestId()).isEqualTo("req-1");
        assertThat(c.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(c.storedLog()).isEqualTo("first\nsecond\n");
        assertThat(c.next()).isFalse();
    }

    private static void string(ByteArrayOutputStream b, String s) {
        b.write(s.length() + 1);
        b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
