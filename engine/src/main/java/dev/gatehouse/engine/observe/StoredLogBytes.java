package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a captured {@link ExecutionTrace}'s execution log in its stored form ({@link ExecutionLog#storedText()},
 * the compact one) straight as the UTF-8 bytes the request-log block keeps, with its line ends: no text, no string
 * and no second pass to find the lines or check the values, for the usual log, whose characters are all ASCII and
 * whose values hold no control character but a body's line breaks. For any other log {@link #write} answers false
 * (possibly after writing part of it) and the caller writes it through {@link ExecutionLog#replay}, which is the
 * reference: this class follows its lines exactly (a differential test holds the two together).
 *
 * <p>The writer thread's (one per {@link RequestLogBlock.Encoder}); reused from log to log.
 */
final class StoredLogBytes {

    private static final int MAX = ExecutionLog.MAX_VALUE_CHARS;
    private static final byte[] TRUNCATED = " [TRUNCATED]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MS = " ms\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INTERNAL_ERROR = "Execution failed due to an internal error\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPLETED_500 = "Method completed with status: 500\n".getBytes(StandardCharsets.US_ASCII);

    /** The log's bytes: {@code buf[0, len)}. */
    byte[] buf = new byte[2048];
    int len;
    /** Where each line ends (exclusive), as {@link RequestLogBlock} splits them: after each line break, and the end. */
    int[] ends = new int[64];
    int lines;

    private boolean hasFirst;
    private long firstSecond;
    private byte[] firstTime;
    private boolean failed;
    /** Whether the log being written keeps its header and body lines. */
    private boolean data = true;
    /** The last second formatted, as bytes. */
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] cachedTime;

    private final HeaderWriter headerWriter = new HeaderWriter();

    /**
     * Writes {@code trace}'s stored log; true when {@code buf}, {@code len}, {@code ends} and {@code lines} hold it,
     * false when this log is not of the kind this class writes (then they hold nothing useful).
     */
    boolean write(ExecutionTrace trace) {
        return write(trace, true);
    }

    /**
     * As {@link #write(ExecutionTrace)}; without {@code data} (a stage's {@code dataTraceEnabled} off) the eight
     * request and response header and body lines are left out, as {@link ExecutionLogText#withoutData} leaves them
     * out of the text.
     */
    boolean write(ExecutionTrace trace, boolean data) {
        this.data = data;
        if (lastWritten) {
            // the previous log becomes the one this log's strings are compared with, position by position
            byte[] b = prevBuf;
            prevBuf = buf;
            buf = b;
            String[] s = prevStrings;
            prevStrings = strings;
            strings = s;
            int[] o = prevOff;
            prevOff = offs;
            offs = o;
            int[] l = prevLen;
            prevLen = lens;
            lens = l;
            prevCount = count;
        }
        lastWritten = false;
        count = 0;
        len = 0;
        lines = 0;
        hasFirst = false;
        failed = false;
        byte[] kinds = trace.kinds;
        long[] numbers = trace.numbers;
        Object[] refs = trace.refs;
        int n = 0;
        int r = 0;
        for (int e = 0; e < trace.events; e++) {
            long millis = numbers[n++];
            boolean ok = switch (kinds[e]) {
                case ExecutionTrace.REQUEST_START -> start(millis, (String) refs[r++]);
                case ExecutionTrace.METHOD_REQUEST -> {
                    r += 6;
                    yield methodRequest(millis, (String) refs[r - 6], (String) refs[r - 5], refs[r - 4],
                            (QueryParams) refs[r - 3], (Headers) refs[r - 2], (byte[]) refs[r - 1]);
                }
                case ExecutionTrace.ENDPOINT_REQUEST -> {
                    r += 3;
                    yield endpointRequest(millis, (String) refs[r - 3], (Headers) refs[r - 2], (byte[]) refs[r - 1]);
                }
                case ExecutionTrace.ENDPOINT_RESPONSE -> {
                    n += 2;
                    r += 2;
                    yield endpointResponse(millis, numbers[n - 2], numbers[n - 1], (Headers) refs[r - 2], (byte[]) refs[r - 1]);
                }
                case ExecutionTrace.INTEGRATION_LOG -> {
                    int start = line(millis);
                    yield string((String) refs[r++]) && endValue(start);
                }
                case ExecutionTrace.METHOD_RESPONSE -> methodResponse(millis, (GatewayResponse) refs[r++]);
                case ExecutionTrace.EXECUTION_FAILED -> {
                    failed = true;
                    line(millis);
                    yield string((String) refs[r++]) && lineBreak();
                }
                case ExecutionTrace.REQUEST_END -> {
                    if (!failed) {
                        line(millis, 18);
                        lineBreak();
                    }
                    line(millis, 19);
                    number(numbers[n++]);
                    yield lineBreak();
                }
                case ExecutionTrace.REQUEST_FAILED -> {
                    line(millis);
                    bytes(INTERNAL_ERROR);
                    end();
                    line(millis);
                    bytes(COMPLETED_500);
                    yield end();
                }
                default -> false;
            };
            if (!ok) return false;
        }
        if (!hasFirst) return false; // no timed line: the stored form is the text
        // the trailer: the marker, the first line's time, the end mark (one last line without a break)
        put(ExecutionLogText.SAME_TIME);
        bytes(firstTime);
        put(ExecutionLogText.PHRASES_END);
        end();
        lastWritten = true;
        return true;
    }

    private boolean start(long millis, String requestId) {
        phrase(0);
        if (!string(requestId)) return false;
        lineBreak();
        line(millis, 1);
        return string(requestId) && lineBreak();
    }

    private boolean methodRequest(long millis, String httpMethod, String path, Object pathParameters, QueryParams query,
                                  Headers headers, byte[] body) {
        line(millis, 2);
        if (!string(httpMethod)) return false;
        phrase(3);
        if (!string(path)) return false;
        lineBreak();
        int start = line(millis, 4);
        if (!(pathParameters instanceof String written ? string(written) : javaMap(castMap(pathParameters)))) return false;
        if (!endValue(start)) return false;
        start = line(millis, 5);
        if (!(query.isEmpty() ? ascii("{}") : javaMap(query.lastValues()))) return false;
        if (!endValue(start)) return false;
        if (!data) return true;
        start = line(millis, 6);
        if (!headers(headers) || !endValue(start)) return false;
        start = line(millis, 7);
        return body(body) && endValue(start);
    }

    private boolean endpointRequest(long millis, String uri, Headers headers, byte[] body) {
        line(millis, 8);
        if (!string(uri)) return false;
        lineBreak();
        if (data) {
            int start = line(millis, 9);
            if (!headers(headers) || !endValue(start)) return false;
            start = line(millis, 10);
            if (!body(body) || !endValue(start)) return false;
        }
        line(millis, 11);
        return string(uri) && lineBreak();
    }

    private boolean endpointResponse(long millis, long status, long latencyMillis, Headers headers, byte[] body) {
        line(millis, 12);
        number(status);
        phrase(13);
        number(latencyMillis);
        bytes(MS);
        end();
        if (!data) return true;
        int start = line(millis, 14);
        if (!headers(headers) || !endValue(start)) return false;
        start = line(millis, 15);
        return body(body) && endValue(start);
    }

    private boolean methodResponse(long millis, GatewayResponse response) {
        if (!data) return true;
        int start = line(millis, 16);
        if (!body(response.body()) || !endValue(start)) return false;
        start = line(millis, 17);
        return headers(response.headers()) && endValue(start);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object map) {
        return (Map<String, String>) map;
    }

    // --- lines ---

    /** Starts a line at {@code millis}: the first line's time, a marker for a line of its second, else its own. */
    private int line(long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (!hasFirst) {
            hasFirst = true;
            firstSecond = second;
            firstTime = time(second);
            bytes(firstTime);
        } else if (second == firstSecond) {
            put(ExecutionLogText.SAME_TIME);
        } else {
            bytes(time(second));
        }
        return len;
    }

    /** Starts a line with fixed phrase {@code index}; the position after the phrase's code. */
    private int line(long millis, int index) {
        line(millis);
        phrase(index);
        return len;
    }

    private void phrase(int index) {
        put(ExecutionLogText.code(index));
    }

    /** {@code "EEE MMM dd HH:mm:ss UTC yyyy : "} of a second, as {@link ExecutionLog} writes it (ASCII). */
    private byte[] time(long second) {
        if (second != cachedSecond) {
            cachedTime = ExecutionLog.time(second * 1000).getBytes(StandardCharsets.ISO_8859_1);
            cachedSecond = second;
        }
        return cachedTime;
    }

    private boolean lineBreak() {
        put('\n');
        return end();
    }

    /** A line ends here (after a line break, or the log's end). */
    private boolean end() {
        if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
        ends[lines++] = len;
        return true;
    }

    /** Ends a value that started at {@code start}: cut to {@value ExecutionLog#MAX_VALUE_CHARS} characters, its line. */
    private boolean endValue(int start) {
        if (len - start > MAX) {
            len = start + MAX;
            while (lines > 0 && ends[lines - 1] > len) lines--; // line breaks of the cut part are gone
            // strings the cut shortened are not the bytes of their value any more: not copied for the next log
            for (int p = count - 1; p >= 0 && offs[p] + lens[p] > len; p--) strings[p] = null;
            bytes(TRUNCATED);
        }
        return lineBreak();
    }

    // --- values ---

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Digits of {@code v}, as {@code StringBuilder.append(long)} writes them. */
    private void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii(Long.toString(v));
                return;
            }
            put('-');
            v = -v;
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) digits++;
        ensure(digits);
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
    }

    /** A constant known to be ASCII. */
    private boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) put(s.charAt(i));
        return true;
    }

    /**
     * A value's characters, when each is printable ASCII (no control character: a line break in a string value
     * changes lines, and a phrase code would make the compact form ambiguous: such logs take the reference path).
     */
    private boolean string(String s) {
        int p = count++;
        if (p == strings.length) {
            strings = Arrays.copyOf(strings, p * 2);
            offs = Arrays.copyOf(offs, p * 2);
            lens = Arrays.copyOf(lens, p * 2);
        }
        if (s == null) {
            strings[p] = null;
            return ascii("null"); // as StringBuilder.append writes it
        }
        // a log mostly repeats the previous one's values in the same places (header names, most header values,
        // the URI): one comparison with the string written at this place last time, its bytes copied from there;
        // no hash of a string the server has just made
        if (p < prevCount) {
            String before = prevStrings[p];
            if (before != null && (before == s || before.equals(s))) {
                int n = prevLen[p];
                ensure(n);
                System.arraycopy(prevBuf, prevOff[p], buf, len, n);
                strings[p] = s;
                offs[p] = len;
                lens[p] = n;
                len += n;
                return true;
            }
        }
        int start = len;
        if (!cached(s)) return false;
        strings[p] = s;
        offs[p] = start;
        lens[p] = len - start;
        return true;
    }

    /** The previous log written whole: its bytes, and the strings written into it with where they went. */
    private boolean lastWritten;
    private byte[] prevBuf = new byte[2048];
    private String[] prevStrings = new String[64];
    private int[] prevOff = new int[64];
    private int[] prevLen = new int[64];
    private int prevCount;
    /** This log's strings so far, in the order written, and where their bytes are in {@link #buf}. */
    private String[] strings = new String[64];
    private int[] offs = new int[64];
    private int[] lens = new int[64];
    private int count;

    /** A string not found at its place in the previous log: by content, or copied. */
    private boolean cached(String s) {
        // values that moved (another header before them) are still kept by content: one look-up (the string's
        // hash, one comparison) instead of a pass over the characters
        int h = s.hashCode();
        int slot = (h ^ (h >>> 16)) & (CACHED - 1);
        String known = cachedStrings[slot];
        if (known != null && known.equals(s)) {
            byte[] v = cachedBytes[slot];
            ensure(v.length);
            System.arraycopy(v, 0, buf, len, v.length);
            len += v.length;
            return true;
        }
        int start = len;
        if (!copy(s)) return false;
        int n = len - start;
        if (n <= 256) {
            byte[] v = cachedBytes[slot];
            if (v == null || v.length != n) v = new byte[n]; // a value of the same length (a request id) reuses it
            System.arraycopy(buf, start, v, 0, n);
            cachedStrings[slot] = s;
            cachedBytes[slot] = v;
        }
        return true;
    }

    /** Strings written before (printable ASCII only) and their bytes, by hash: one entry a slot. */
    private static final int CACHED = 512;
    private final String[] cachedStrings = new String[CACHED];
    private final byte[][] cachedBytes = new byte[CACHED][];

    private boolean copy(String s) {
        int n = s.length();
        ensure(n);
        if (chars.length < n) chars = new char[Math.max(n, chars.length * 2)];
        char[] c = chars;
        s.getChars(0, n, c, 0);
        byte[] b = buf;
        int at = len;
        // without a branch per character: any character below 32 or above 127 sets a bit above 127 in the
        // accumulator
        int any = 0;
        for (int i = 0; i < n; i++) {
            int x = c[i];
            any |= x | (x - 32);
            b[at + i] = (byte) x;
        }
        if ((any & ~0x7f) != 0) return false;
        len = at + n;
        return true;
    }

    /** A string's characters, for {@link #string}. */
    private char[] chars = new char[256];

    /** {@code {k=v, k2=v2}} in iteration order ({@link ExecutionLog#appendJavaMap}). */
    private boolean javaMap(Map<String, String> map) {
        if (map == null || map.isEmpty()) return ascii("{}");
        put('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) {
                put(',');
                put(' ');
            }
            first = false;
            if (!string(e.getKey())) return false;
            put('=');
            if (!string(e.getValue())) return false;
        }
        put('}');
        return true;
    }

    /**
     * A body as {@link ExecutionLog} logs it: the first {@value ExecutionLog#MAX_VALUE_CHARS} + 1 bytes (the value
     * is cut after); ASCII only here, line breaks kept (each ends a line of the stored form).
     */
    private boolean body(byte[] body) {
        if (body == null || body.length == 0) return true;
        int limit = Math.min(body.length, MAX + 1);
        ensure(limit);
        byte[] b = buf;
        int at = len;
        int any = 0;
        for (int i = 0; i < limit; i++) {
            int x = body[i];
            any |= x | (x - 32); // negative when a byte is below 32 or not ASCII
        }
        if (any >= 0) { // printable ASCII throughout: one copy
            System.arraycopy(body, 0, b, at, limit);
            len = at + limit;
            return true;
        }
        for (int i = 0; i < limit; i++) {
            byte x = body[i];
            if (x < 32) {
                if (x < 0 || ExecutionLogText.isSpecial((char) x)) return false;
                if (x == '\n') {
                    len = at + i + 1;
                    end();
                }
            }
            b[at + i] = x;
        }
        len = at + limit;
        return true;
    }

    private boolean headers(Headers headers) {
        if (headers.isEmpty()) return ascii("{}");
        put('{');
        HeaderWriter w = headerWriter;
        w.name = null;
        w.ok = true;
        headers.forEach(w);
        if (!w.ok) return false;
        w.endName();
        put('}');
        return true;
    }

    /** {@link ExecutionLog}'s header appender, on bytes: a name's values joined, credentials masked in place. */
    private final class HeaderWriter implements java.util.function.BiConsumer<String, String> {
        String name;
        boolean ok;
        private boolean credential;
        private int valueStart;

        @Override public void accept(String n, String value) {
            if (!ok) return;
            if (n != name) { // the same entry hands the same name object
                if (name != null) {
                    endName();
                    put(',');
                    put(' ');
                }
                name = n;
                credential = ExecutionLog.isCredential(n);
                if (!string(n)) {
                    ok = false;
                    return;
                }
                put('=');
                valueStart = len;
            } else {
                put(',');
            }
            if (!string(value)) ok = false;
            else if (credential) strings[count - 1] = null; // masked below: its bytes are not the value's
        }

        void endName() {
            if (credential) {
                int masked = len - Math.min(6, len - valueStart);
                for (int i = valueStart; i < masked; i++) buf[i] = '*';
            }
        }
    }
}
