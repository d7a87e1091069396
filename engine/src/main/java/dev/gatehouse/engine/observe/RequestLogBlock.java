package dev.gatehouse.engine.observe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The request log's storage unit: the entries one writer batch logged for one stage, encoded one after another as
 * one row of {@code request_blocks} (see {@link RequestLogStore}). One SQLite row and two index entries per batch
 * instead of per request: the row and its index entries were most of the writer's cost per logged request (6.8 of
 * 8.2 us).
 *
 * <p>Layout, per entry in id order: id − the block's {@code first_id} (varint), time − the block's {@code min_ts}
 * (varint), request id, HTTP method, resource path, path (strings), status (varint), latency µs (varint),
 * integration latency µs + 1 (varint; 0 = none), API key id, masked API key, source IP, level (strings), then the
 * execution log: a varint saying which form follows (0 = none). 1 = the captured events ({@link StoredTrace}: its
 * byte length as a varint, then the trace against the previous trace in the block), which is how the served
 * path's logs are kept; the text is written when the entry is read. n ≥ 2 = a log stored as text (the logs of a
 * test invoke, and entries rewritten by retention) as lines against the previous text log in the block: n − 2 lines
 * (a line ends after its {@code \n}), each the bytes it shares with the same line of the reference at its start and
 * at its end (two varints) and the rest (a string without the null case: length, bytes). A batch's logs are
 * mostly one route's, so most of a line or trace is shared. A string is its UTF-8 length + 1 as a varint (0 = null),
 * then its bytes. The stored block starts with {@link #VERSION}; a block of {@link #VERSION_TEXT} (text logs only,
 * stored before traces were: there n ≥ 1 means n − 1 lines) is read as well.
 *
 * <p>An {@link Encoder} is the writer thread's (reused, not thread-safe); {@link Cursor}s are per read.
 */
final class RequestLogBlock {

    /** First byte of a stored block: the layout above. */
    static final byte VERSION = 2;
    /** First byte of a block whose logs are all text (a line count + 1 where 0 is none), as stored before traces were. */
    static final byte VERSION_TEXT = 1;
    /** The log field of {@link #VERSION}: a stored trace follows. */
    private static final int TRACE_FORM = 1;

    /** Eight bytes of an array at once, for comparing the ends of two lines. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());

    private RequestLogBlock() { }

    /** Builds blocks one after another; writer thread only. */
    static final class Encoder {
        private byte[] buf = new byte[1 << 16];
        private int len;
        private byte[] ids = new byte[1 << 12];
        private int idsLen;
        /** The previous entry's log and its line ends (exclusive); null before the block's first log. */
        private byte[] prev;
        private int[] prevEnds = new int[64];
        private int prevLines;
        private int[] ends = new int[64];
        long firstId;
        long lastId;
        long minTs;
        long maxTs;
        int count;

        /**
         * Starts a block whose entries get ids from {@code firstId}; times are relative to the smallest, which the
         * caller passes as {@code minTs}.
         */
        void start(long firstId, long minTs) {
            len = 0;
            buf[len++] = VERSION;
            idsLen = 0;
            count = 0;
            prev = null;
            prevLines = 0;
            traces.reset();
            this.firstId = firstId;
            this.lastId = firstId - 1;
            this.minTs = minTs;
            this.maxTs = minTs;
        }

        /** One entry; {@code id} greater than the last one's, {@code ts} not below the block's {@code minTs}. */
        void add(long id, long ts, String requestId, String httpMethod, String resourcePath, String path, int status,
                 long latencyMicros, long integrationMicros, String apiKeyId, String maskedApiKey, String sourceIp,
                 String level, String log) {
            add(id, ts, requestId, httpMethod, resourcePath, path, status, latencyMicros, integrationMicros, apiKeyId,
                    maskedApiKey, sourceIp, level, log, null);
        }

        /**
         * One entry whose execution log is {@code log} (stored text) or, when that is null, {@code trace}'s stored
         * log (null for none): the same bytes either way.
         */
        void add(long id, long ts, String requestId, String httpMethod, String resourcePath, String path, int status,
                 long latencyMicros, long integrationMicros, String apiKeyId, String maskedApiKey, String sourceIp,
                 String level, String log, ExecutionTrace trace) {
            add(id, ts, requestId, httpMethod, resourcePath, path, status, latencyMicros, integrationMicros, apiKeyId,
                    maskedApiKey, sourceIp, level, log, trace, true);
        }

        /**
         * As the method above; without {@code data}, {@code trace}'s log is stored without its header and body lines
         * ({@link ExecutionLogText#withoutData}'s text, as a stage with {@code dataTraceEnabled} off keeps it).
         */
        void add(long id, long ts, String requestId, String httpMethod, String resourcePath, String path, int status,
                 long latencyMicros, long integrationMicros, String apiKeyId, String maskedApiKey, String sourceIp,
                 String level, String log, ExecutionTrace trace, boolean data) {
            if (id <= lastId || ts < minTs) throw new IllegalArgumentException("entry out of the block's order");
            varint(id - firstId);
            varint(ts - minTs);
            byte[] requestIdBytes = requestId == null ? null : requestId.getBytes(StandardCharsets.UTF_8);
            bytes(requestIdBytes);
            string(0, httpMethod);
            string(1, resourcePath);
            string(2, path);
            varint(status & 0xffffffffL);
            varint(Math.max(0, latencyMicros));
            varint(integrationMicros < 0 ? 0 : integrationMicros + 1);
            string(3, apiKeyId);
            string(4, maskedApiKey);
            string(5, sourceIp);
            string(6, level);
            if (log == null && trace != null) log(trace, data);
            else log(log);
            if (requestId != null) {
                byte[] b = requestIdBytes;
                ensureIds(b.length + 1);
                System.arraycopy(b, 0, ids, idsLen, b.length);
                idsLen += b.length;
                ids[idsLen++] = '\n';
            }
            lastId = id;
            maxTs = Math.max(maxTs, ts);
            count++;
        }

        /** The request ids, each followed by a line break: what a search by request id looks into unpacked. */
        byte[] ids() {
            return Arrays.copyOf(ids, idsLen);
        }

        /** The stored block. */
        byte[] data() {
            return Arrays.copyOf(buf, len);
        }

        /** The log as text lines against the previous text log's ({@link RequestLogBlock}'s layout). */
        private void log(String log) {
            if (log == null) {
                varint(0);
                return;
            }
            byte[] b = log.getBytes(StandardCharsets.UTF_8);
            int lines = 0;
            if (b.length == log.length()) {
                // ASCII (a longer UTF-8 form means some character is not): byte offsets are the String's, whose
                // indexOf is vectorized
                for (int i = log.indexOf('\n'); i >= 0; i = log.indexOf('\n', i + 1)) {
                    if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
                    ends[lines++] = i + 1;
                }
            } else {
                for (int i = 0; i < b.length; i++) {
                    if (b[i] == '\n') {
                        if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
                        ends[lines++] = i + 1;
                    }
                }
            }
            if (b.length > 0 && b[b.length - 1] != '\n') {
                if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
                ends[lines++] = b.length;
            }
            lines(b, ends, lines);
            prev = b;
            int[] t = prevEnds;
            prevEnds = ends;
            ends = t;
            prevLines = lines;
        }

        /** Encodes the captured logs; reused from block to block. */
        private final StoredTrace.Writer traces = new StoredTrace.Writer();

        /**
         * A captured execution log as its events ({@link StoredTrace}), against the previous one in the block; without
         * {@code data}, without the request's and response's headers and bodies.
         */
        private void log(ExecutionTrace trace, boolean data) {
            StoredTrace.Writer w = traces;
            w.write(trace, data, minTs);
            varint(TRACE_FORM);
            varint(w.len);
            ensure(w.len);
            System.arraycopy(w.buf, 0, buf, len, w.len);
            len += w.len;
        }

        /** The lines of a log ({@code b}, each ending at {@code ends[k]}) against the reference's (the layout). */
        private void lines(byte[] b, int[] ends, int lines) {
            varint(lines + 2L);
            int start = 0;
            for (int k = 0; k < lines; k++) {
                int end = ends[k];
                int n = end - start;
                int head = 0;
                int tail = 0;
                if (k < prevLines) {
                    int ps = k == 0 ? 0 : prevEnds[k - 1];
                    int pe = prevEnds[k];
                    int m = Arrays.mismatch(b, start, end, prev, ps, pe);
                    head = m < 0 ? n : m;
                    int most = Math.min(n, pe - ps) - head;
                    while (tail + 8 <= most && (long) LONGS.get(b, end - tail - 8) == (long) LONGS.get(prev, pe - tail - 8)) {
                        tail += 8;
                    }
                    while (tail < most && b[end - 1 - tail] == prev[pe - 1 - tail]) tail++;
                }
                varint(head);
                varint(tail);
                int rest = n - head - tail;
                varint(rest);
                ensure(rest);
                System.arraycopy(b, start + head, buf, len, rest);
                len += rest;
                start = end;
            }
        }

        private void ensure(int more) {
            if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }

        private void ensureIds(int more) {
            if (idsLen + more > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsLen + more));
        }

        private void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        /**
         * The last string written to each field (method, resource, path, key id, masked key, source IP, level) and
         * its bytes: consecutive entries mostly repeat them, so they are encoded once, not once per entry.
         */
        private final String[] lastStrings = new String[7];
        private final byte[][] lastBytes = new byte[7][];

        private void string(int field, String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b;
            if (s.equals(lastStrings[field])) {
                b = lastBytes[field];
            } else {
                b = s.getBytes(StandardCharsets.UTF_8);
                lastStrings[field] = s;
                lastBytes[field] = b;
            }
            bytes(b);
        }

        /** A string's bytes, null for none. */
        private void bytes(byte[] b) {
            if (b == null) {
                varint(0);
                return;
            }
            varint(b.length + 1L);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }

    /**
     * Reads a stored block's entries in id order: {@link #next} then the fields. Only the numbers are decoded at
     * once; a string is made when it is asked for, and an execution log is decoded only when {@link #storedLog()}
     * asks for it (with the logs between the last one decoded and it, its references). A search reads every entry
     * of the blocks in its range but returns few: over a full store (1,000,000 entries) a search that matches
     * nothing made 8 strings and copied a ~2.5 KB log per entry (RequestLogSearchRunner, BENCHMARKS.md).
     */
    static final class Cursor {
        private static final int REQUEST_ID = 0;
        private static final int HTTP_METHOD = 1;
        private static final int RESOURCE_PATH = 2;
        private static final int PATH = 3;
        private static final int API_KEY_ID = 4;
        private static final int API_KEY = 5;
        private static final int SOURCE_IP = 6;
        private static final int LEVEL = 7;

        private final byte[] b;
        private int at;
        private final long firstId;
        private final long minTs;
        long id;
        long ts;
        int status;
        long latencyMicros;
        /** -1 when no backend was called. */
        long integrationMicros;
        /** The current entry's strings: where their bytes are ({@code -1}: null), their length, once made. */
        private final int[] stringAt = new int[8];
        private final int[] stringLength = new int[8];
        private final String[] strings = new String[8];

        /**
         * Where each non-null log not yet decoded starts in {@link #b}, oldest first: the current entry's (when it
         * has one) is the last. Decoding them in order keeps each one's reference (the previous non-null log) right.
         */
        private int[] pendingLogs = new int[64];
        private int pendingCount;
        /** Whether the current entry has a log. */
        private boolean hasLog;

        /**
         * The reference log (the previous non-null one decoded) with its line ends, and the last log decoded
         * ({@code cur[0, curLength)}). The two buffers swap from log to log and are kept.
         */
        private byte[] ref = new byte[0];
        private int[] refEnds = new int[64];
        private int refLines;
        private byte[] cur = new byte[4096];
        private int[] curEnds = new int[64];
        private int curLines;
        private int curLength;
        /** Whether {@link #cur} holds a decoded log: the next log's reference. */
        private boolean curHoldsLatest;

        /** What the log field's varint is at least for a text log: 2 ({@link #VERSION}) or 1 ({@link #VERSION_TEXT}). */
        private final int textForm;
        /** Decodes the stored traces, each against the previous one. */
        private final StoredTrace.Reader traces = new StoredTrace.Reader();
        /** The last log decoded, when it was a trace (else the last is {@link #cur}'s text), and whether it kept data. */
        private ExecutionTrace lastTrace;
        private boolean lastTraceData;
        /** Writes a trace's text; made on first use. */
        private ExecutionLog replayer;

        Cursor(byte[] stored, long firstId, long minTs) {
            if (stored.length == 0 || stored[0] != VERSION && stored[0] != VERSION_TEXT) {
                throw new IllegalStateException("request-log block of an unknown layout ("
                        + (stored.length == 0 ? "empty" : "version " + stored[0]) + ")");
            }
            this.b = stored;
            this.at = 1;
            this.textForm = stored[0] == VERSION ? 2 : 1;
            this.firstId = firstId;
            this.minTs = minTs;
        }

        boolean next() {
            if (at >= b.length) return false;
            id = firstId + varint();
            ts = minTs + varint();
            skipString(REQUEST_ID);
            skipString(HTTP_METHOD);
            skipString(RESOURCE_PATH);
            skipString(PATH);
            status = (int) varint();
            latencyMicros = varint();
            integrationMicros = varint() - 1;
            skipString(API_KEY_ID);
            skipString(API_KEY);
            skipString(SOURCE_IP);
            skipString(LEVEL);
            skipLog();
            return true;
        }

        String requestId() { return string(REQUEST_ID); }
        String httpMethod() { return string(HTTP_METHOD); }
        String resourcePath() { return string(RESOURCE_PATH); }
        String path() { return string(PATH); }
        String apiKeyId() { return string(API_KEY_ID); }
        String apiKey() { return string(API_KEY); }
        String sourceIp() { return string(SOURCE_IP); }
        String level() { return string(LEVEL); }

        /**
         * The entry's execution log as stored (compact form; {@link ExecutionLogText#expand} makes it text), or null.
         * Decodes the logs waiting before it first.
         */
        String storedLog() {
            if (!hasLog) return null;
            if (pendingCount > 0) {
                for (int i = 0; i < pendingCount; i++) decodeLog(pendingLogs[i]);
                pendingCount = 0;
            }
            if (lastTrace != null) {
                if (replayer == null) replayer = new ExecutionLog(java.time.Clock.systemUTC());
                ExecutionLog log = replayer.replay(lastTrace);
                return lastTraceData ? log.storedText() : ExecutionLogText.withoutData(log.text());
            }
            return new String(cur, 0, curLength, StandardCharsets.UTF_8);
        }

        private void skipString(int field) {
            int l = (int) varint() - 1;
            strings[field] = null;
            stringLength[field] = l;
            stringAt[field] = l < 0 ? -1 : at;
            if (l > 0) at += l;
        }

        private String string(int field) {
            String s = strings[field];
            if (s == null && stringAt[field] >= 0) {
                s = new String(b, stringAt[field], stringLength[field], StandardCharsets.UTF_8);
                strings[field] = s;
            }
            return s;
        }

        /** Steps over the current entry's log, noting where it starts when there is one. */
        private void skipLog() {
            int start = at;
            int form = (int) varint();
            hasLog = form != 0;
            if (!hasLog) return;
            if (form < textForm) { // a trace: its length, its bytes
                int n = (int) varint();
                at += n;
            }
            int lines = form < textForm ? 0 : form - textForm;
            for (int k = 0; k < lines; k++) {
                varint(); // head
                varint(); // tail
                int rest = (int) varint();
                at += rest;
            }
            if (pendingCount == pendingLogs.length) pendingLogs = Arrays.copyOf(pendingLogs, pendingCount * 2);
            pendingLogs[pendingCount++] = start;
        }

        /**
         * Decodes the log stored at {@code from}: a trace into {@link #lastTrace} (the previous trace its reference),
         * text into {@link #cur} (the last text log decoded its reference).
         */
        private void decodeLog(int from) {
            int saved = at;
            at = from;
            int form = (int) varint();
            if (form < textForm) {
                varint(); // its length
                lastTrace = traces.read(b, at, minTs);
                lastTraceData = traces.data;
                at = saved;
                return;
            }
            lastTrace = null;
            int lines = form - textForm;
            if (curHoldsLatest) {
                byte[] t = ref;
                ref = cur;
                cur = t;
                int[] e = refEnds;
                refEnds = curEnds;
                curEnds = e;
                refLines = curLines;
            }
            if (curEnds.length < lines) curEnds = new int[Math.max(lines, curEnds.length * 2)];
            // each line: its start shared with the reference's same line, its own middle, its shared end
            byte[] out = cur;
            int n = 0;
            for (int k = 0; k < lines; k++) {
                int head = (int) varint();
                int tail = (int) varint();
                int rest = (int) varint();
                int need = n + head + rest + tail;
                if (need > out.length) out = Arrays.copyOf(out, Math.max(need, out.length * 2));
                int ps = k == 0 ? 0 : refEnds[k - 1];
                int pe = k < refLines ? refEnds[k] : ps;
                if (head > 0) System.arraycopy(ref, ps, out, n, head); // only when there is a reference line
                n += head;
                System.arraycopy(b, at, out, n, rest);
                at += rest;
                n += rest;
                if (tail > 0) System.arraycopy(ref, pe - tail, out, n, tail);
                n += tail;
                curEnds[k] = n;
            }
            cur = out;
            curLength = n;
            curLines = lines;
            curHoldsLatest = true;
            at = saved;
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
