package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A captured execution log ({@link ExecutionTrace}) in the form the request-log block stores it: the events, their
 * times and their values, each string and body against the one at the same place in the block's previous trace
 * (one byte when it is the same, as most are: the route's header names, a backend's constant headers) — not the
 * log's text. The text is written when the log is read: the decoded trace {@link ExecutionLog#replay replayed},
 * the reference renderer, so what a reader gets is what the request path's events say, byte for byte.
 *
 * <p>Why not the text: writing ~2.5 KB of text per request and comparing it line by line with the previous log
 * was the observe writer's largest cost (≈5 µs of its ≈7.5 µs per logged proxy request, ObserveCpuRunner,
 * BENCHMARKS.md); a request log is written for every request and read for few.
 *
 * <p>What is kept is only what the log shows: a value the log cuts at {@value ExecutionLog#MAX_VALUE_CHARS}
 * characters is kept to one character more (enough to cut it the same way), a body to the bytes
 * {@link ExecutionLog} reads of it, a credential header's values joined and masked as the log masks them (never
 * in clear at rest), and without {@code data} (a stage's {@code dataTraceEnabled} off) no header or body at all.
 *
 * <p>Layout of one trace: a flags byte (1 = data), the event count (varint), then per event its kind (a byte), its
 * time against the previous event's (the first's against the block's {@code min_ts}; zigzag varint) and its values
 * in {@link ExecutionLog#replay}'s order. A string is a varint: 0 = the same as the previous trace's string at this
 * place, 1 = null, n ≥ 2 = n − 2 UTF-8 bytes following; a body likewise (its own places), except that 2 is the
 * trace's previous body again and n ≥ 3 is n − 3 bytes following. Headers are entries each
 * starting with a varint (1 = a name and its first value, 2 = one more value of that name) and a 0 after the last;
 * path parameters are a varint (0 = none, 1 = written out: a string follows, 2 = a map: its size, its keys and
 * values) and the query string its size and each name with its last value.
 *
 * <p>{@link Writer} is the writer thread's (one per block encoder); {@link Reader} is a cursor's. Neither is
 * thread-safe.
 */
final class StoredTrace {

    private static final int MAX = ExecutionLog.MAX_VALUE_CHARS;
    private static final int SAME = 0;
    private static final int NULL = 1;
    /** A body that is the trace's previous body (a proxy hands the request's body on, and the backend's back). */
    private static final int BODY_AGAIN = 2;
    private static final int HEADER_NAME = 1;
    private static final int HEADER_VALUE = 2;
    private static final int MAP_NONE = 0;
    private static final int MAP_WRITTEN = 1;
    private static final int MAP_ENTRIES = 2;
    private static final int FLAG_DATA = 1;

    private StoredTrace() { }

    /** Encodes traces one after another, each against the previous one of its block. */
    static final class Writer implements java.util.function.BiConsumer<String, String> {
        /** The last trace's bytes: {@code buf[0, len)}. */
        byte[] buf = new byte[512];
        int len;

        private final Places places = new Places();

        /** Forgets the previous trace: the next one is a block's first. */
        void reset() {
            places.reset();
        }

        /** Encodes {@code trace} into {@code buf[0, len)}; times against {@code baseMillis}. */
        void write(ExecutionTrace trace, boolean data, long baseMillis) {
            len = 0;
            places.start();
            put(data ? FLAG_DATA : 0);
            varint(trace.events);
            byte[] kinds = trace.kinds;
            long[] numbers = trace.numbers;
            Object[] refs = trace.refs;
            int n = 0;
            int r = 0;
            long last = baseMillis;
            for (int e = 0; e < trace.events; e++) {
                byte kind = kinds[e];
                put(kind);
                long millis = numbers[n++];
                zigzag(millis - last);
                last = millis;
                switch (kind) {
                    case ExecutionTrace.REQUEST_START -> string((String) refs[r++], false);
                    case ExecutionTrace.METHOD_REQUEST -> {
                        string((String) refs[r], false);
                        string((String) refs[r + 1], false);
                        pathParameters(refs[r + 2]);
                        query((QueryParams) refs[r + 3]);
                        if (data) {
                            headers((Headers) refs[r + 4]);
                            body((byte[]) refs[r + 5]);
                        }
                        r += 6;
                    }
                    case ExecutionTrace.ENDPOINT_REQUEST -> {
                        string((String) refs[r], false);
                        if (data) {
                            headers((Headers) refs[r + 1]);
                            body((byte[]) refs[r + 2]);
                        }
                        r += 3;
                    }
                    case ExecutionTrace.ENDPOINT_RESPONSE -> {
                        zigzag(numbers[n++]);
                        zigzag(numbers[n++]);
                        if (data) {
                            headers((Headers) refs[r]);
                            body((byte[]) refs[r + 1]);
                        }
                        r += 2;
                    }
                    case ExecutionTrace.INTEGRATION_LOG -> string((String) refs[r++], true);
                    case ExecutionTrace.METHOD_RESPONSE -> {
                        GatewayResponse response = (GatewayResponse) refs[r++];
                        zigzag(response.status());
                        if (data) {
                            body(response.body());
                            headers(response.headers());
                        }
                    }
                    case ExecutionTrace.EXECUTION_FAILED -> string((String) refs[r++], false);
                    case ExecutionTrace.REQUEST_END -> zigzag(numbers[n++]);
                    case ExecutionTrace.REQUEST_FAILED -> { }
                    default -> throw new IllegalStateException("unknown trace event " + kind);
                }
            }
            places.end();
        }

        private void pathParameters(Object parameters) {
            if (parameters == null) {
                varint(MAP_NONE);
            } else if (parameters instanceof String written) {
                varint(MAP_WRITTEN);
                string(written, true);
            } else {
                varint(MAP_ENTRIES);
                @SuppressWarnings("unchecked") Map<String, String> map = (Map<String, String>) parameters;
                varint(map.size());
                for (Map.Entry<String, String> e : map.entrySet()) {
                    string(e.getKey(), true);
                    string(e.getValue(), true);
                }
            }
        }

        private void query(QueryParams query) {
            Map<String, List<String>> values = query.asMap();
            varint(values.size());
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                string(e.getKey(), true);
                string(e.getValue().getLast(), true); // the log shows the last value of each name
            }
        }

        // --- headers: Headers.forEach hands each name's values one after another ---

        private String headerName;
        /** A credential's values joined, masked at the name's end; null for other names. */
        private StringBuilder credential;

        private void headers(Headers headers) {
            headerName = null;
            credential = null;
            if (!headers.isEmpty()) headers.forEach(this);
            endCredential();
            varint(0);
        }

        /** One header value, from {@link Headers#forEach}. */
        @Override public void accept(String name, String value) {
            if (name == headerName) { // the same name object: another value of this name
                if (credential != null) {
                    credential.append(',').append(value);
                } else {
                    varint(HEADER_VALUE);
                    string(value, true);
                }
                return;
            }
            endCredential();
            headerName = name;
            if (ExecutionLog.isCredential(name)) {
                credential = new StringBuilder(value);
                return;
            }
            varint(HEADER_NAME);
            string(name, false);
            string(value, true);
        }

        /** Writes a credential's values as one, masked but its last 6 characters, as the log writes them. */
        private void endCredential() {
            if (credential == null) return;
            varint(HEADER_NAME);
            string(headerName, false);
            string(ExecutionLog.mask(credential.toString()), true);
            credential = null;
        }

        // --- values ---

        /**
         * A string at the next place; {@code cut}: a value the log cuts, kept to {@value ExecutionLog#MAX_VALUE_CHARS}
         * + 1 characters (the log shows the first {@value ExecutionLog#MAX_VALUE_CHARS} and marks the cut).
         */
        private void string(String s, boolean cut) {
            String before = places.previousString();
            if (s == null) {
                places.addString(null);
                varint(NULL);
                return;
            }
            if (cut && s.length() > MAX + 1) s = s.substring(0, MAX + 1);
            places.addString(s);
            if (before == s || s.equals(before)) {
                varint(SAME);
                return;
            }
            utf8(s);
        }

        private void utf8(String s) {
            int n = s.length();
            varint(n + 2L);
            ensure(n);
            byte[] out = buf;
            int at = len;
            // the usual value is ASCII: its characters are its UTF-8 bytes; any character above 127 sets a bit
            // above 127 in the accumulator
            int any = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                any |= c;
                out[at + i] = (byte) c;
            }
            if ((any & ~0x7F) == 0) {
                len = at + n;
                return;
            }
            len = at - varintLength(n + 2L); // not ASCII: its UTF-8 bytes, with their own length
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 2L);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        /** A body at the next body place: the bytes {@link ExecutionLog} reads of it. */
        private void body(byte[] body) {
            byte[] last = places.lastBody();
            byte[] before = places.previousBody();
            places.addBody(body);
            if (body == null) {
                varint(NULL);
                return;
            }
            if (last == body) {
                varint(BODY_AGAIN);
                return;
            }
            int n = loggedLength(body);
            if (before == body || before != null && loggedLength(before) == n && Arrays.equals(before, 0, n, body, 0, n)) {
                varint(SAME);
                return;
            }
            varint(n + 3L);
            ensure(n);
            System.arraycopy(body, 0, buf, len, n);
            len += n;
        }

        private void put(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        private void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        private void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        private void ensure(int more) {
            if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /**
     * The bytes of a body {@link ExecutionLog} reads: its first {@value ExecutionLog#MAX_VALUE_CHARS} + 1 when they
     * are ASCII, else up to four bytes a character of them (the log decodes that many).
     */
    static int loggedLength(byte[] body) {
        int ascii = Math.min(body.length, MAX + 1);
        int any = 0;
        for (int i = 0; i < ascii; i++) any |= body[i];
        return any >= 0 ? ascii : Math.min(body.length, 4 * (MAX + 1));
    }

    private static int varintLength(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /**
     * The strings and bodies of the trace being written or read, by place (the order they come in), and those of
     * the previous trace: what "the same as the previous trace's at this place" refers to, on both sides.
     */
    private static final class Places {
        private String[] prevStrings = new String[64];
        private int prevStringCount;
        private String[] strings = new String[64];
        private int stringCount;
        private byte[][] prevBodies = new byte[8][];
        private int prevBodyCount;
        private byte[][] bodies = new byte[8][];
        private int bodyCount;

        /** Forgets the previous trace (a block's first trace has none). */
        void reset() {
            prevStringCount = 0;
            prevBodyCount = 0;
            Arrays.fill(prevStrings, null);
            Arrays.fill(prevBodies, null);
        }

        /** A trace begins. */
        void start() {
            stringCount = 0;
            bodyCount = 0;
        }

        /** The trace ended: it becomes the previous one. */
        void end() {
            String[] s = prevStrings;
            prevStrings = strings;
            strings = s;
            prevStringCount = stringCount;
            byte[][] b = prevBodies;
            prevBodies = bodies;
            bodies = b;
            prevBodyCount = bodyCount;
        }

        /** The previous trace's string at the next string place, or null. */
        String previousString() {
            return stringCount < prevStringCount ? prevStrings[stringCount] : null;
        }

        void addString(String s) {
            if (stringCount == strings.length) strings = Arrays.copyOf(strings, stringCount * 2);
            strings[stringCount++] = s;
        }

        /** The previous trace's body at the next body place, or null. */
        byte[] previousBody() {
            return bodyCount < prevBodyCount ? prevBodies[bodyCount] : null;
        }

        /** This trace's last body so far, or null. */
        byte[] lastBody() {
            return bodyCount > 0 ? bodies[bodyCount - 1] : null;
        }

        void addBody(byte[] body) {
            if (bodyCount == bodies.length) bodies = Arrays.copyOf(bodies, bodyCount * 2);
            bodies[bodyCount++] = body;
        }
    }

    /** Decodes traces one after another, each against the previous one decoded. */
    static final class Reader {
        private byte[] b;
        private int at;
        private final Places places = new Places();
        /** Whether the last trace decoded kept its data (headers and bodies). */
        boolean data;

        /** Decodes the trace stored at {@code b[from, ...)}; times against {@code baseMillis}. */
        ExecutionTrace read(byte[] stored, int from, long baseMillis) {
            b = stored;
            at = from;
            places.start();
            data = (b[at++] & FLAG_DATA) != 0;
            int events = (int) varint();
            ExecutionTrace t = new ExecutionTrace();
            long millis = baseMillis;
            for (int e = 0; e < events; e++) {
                byte kind = b[at++];
                millis += zigzag();
                switch (kind) {
                    case ExecutionTrace.REQUEST_START -> t.requestStart(millis, string());
                    case ExecutionTrace.METHOD_REQUEST -> {
                        String httpMethod = string();
                        String path = string();
                        Object parameters = pathParameters();
                        QueryParams query = query();
                        Headers headers = data ? headers() : Headers.empty();
                        byte[] body = data ? body() : null;
                        t.methodRequestAsLogged(millis, httpMethod, path, parameters, query, headers, body);
                    }
                    case ExecutionTrace.ENDPOINT_REQUEST -> {
                        String uri = string();
                        Headers headers = data ? headers() : Headers.empty();
                        t.endpointRequest(millis, uri, headers, data ? body() : null);
                    }
                    case ExecutionTrace.ENDPOINT_RESPONSE -> {
                        int status = (int) zigzag();
                        long latency = zigzag();
                        Headers headers = data ? headers() : Headers.empty();
                        t.endpointResponse(millis, status, latency, headers, data ? body() : null);
                    }
                    case ExecutionTrace.INTEGRATION_LOG -> t.integrationLog(millis, string());
                    case ExecutionTrace.METHOD_RESPONSE -> {
                        int status = (int) zigzag();
                        byte[] body = data ? body() : null;
                        Headers headers = data ? headers() : Headers.empty();
                        t.methodResponse(millis, new GatewayResponse(status, headers, body));
                    }
                    case ExecutionTrace.EXECUTION_FAILED -> t.executionFailed(millis, string());
                    case ExecutionTrace.REQUEST_END -> t.requestEnd(millis, (int) zigzag());
                    case ExecutionTrace.REQUEST_FAILED -> t.requestFailed(millis);
                    default -> throw new IllegalStateException("request log: unknown trace event " + kind);
                }
            }
            places.end();
            return t;
        }

        private Object pathParameters() {
            return switch ((int) varint()) {
                case MAP_NONE -> null;
                case MAP_WRITTEN -> string();
                default -> {
                    int n = (int) varint();
                    Map<String, String> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String key = string();
                        map.put(key, string());
                    }
                    yield map;
                }
            };
        }

        private QueryParams query() {
            int n = (int) varint();
            if (n == 0) return QueryParams.empty();
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = string();
                values.put(name, List.of(string()));
            }
            return QueryParams.of(values);
        }

        private Headers headers() {
            Headers.Builder h = Headers.builder();
            String name = null;
            for (int k = (int) varint(); k != 0; k = (int) varint()) {
                if (k == HEADER_NAME) name = string();
                h.add(name, string()); // another value of a name: the same name object, as Headers.forEach hands it
            }
            return h.build();
        }

        private String string() {
            int x = (int) varint();
            String s;
            if (x == SAME) s = places.previousString();
            else if (x == NULL) s = null;
            else {
                s = new String(b, at, x - 2, StandardCharsets.UTF_8);
                at += x - 2;
            }
            places.addString(s);
            return s;
        }

        private byte[] body() {
            int x = (int) varint();
            byte[] body;
            if (x == SAME) body = places.previousBody();
            else if (x == NULL) body = null;
            else if (x == BODY_AGAIN) body = places.lastBody();
            else {
                body = Arrays.copyOfRange(b, at, at + x - 3);
                at += x - 3;
            }
            places.addBody(body);
            return body;
        }

        private long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        private long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[at++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) return v;
                shift += 7;
            }
        }
    }
}
