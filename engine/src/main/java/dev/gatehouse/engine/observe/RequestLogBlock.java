package dev.gatehouse.engine.observe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The request log's storage unit: the entries one writer batch logged for one stage, encoded one after another and
 * deflated as one stream, stored as one row of {@code request_blocks} (see {@link RequestLogStore}). One SQLite row
 * and two index entries per batch instead of per request: the row and its index entries were most of the writer's
 * cost per logged request (6.8 of 8.2 us), and the entries of a batch (same headers, phrases, paths) deflate to a
 * few percent of their text.
 *
 * <p>Layout of the inflated bytes, per entry in id order: id − the block's {@code first_id} (varint), time − the
 * block's {@code min_ts} (varint), request id, HTTP method, resource path, path (strings), status (varint), latency
 * µs (varint), integration latency µs + 1 (varint; 0 = none), API key id, masked API key, source IP, level, stored
 * execution log (strings). A string is its UTF-8 length + 1 as a varint (0 = null), then its bytes. The stored
 * block is {@link #VERSION}, the inflated length (varint), then the raw deflate stream.
 *
 * <p>An {@link Encoder} is the writer thread's (reused, not thread-safe); {@link Cursor}s are per read.
 */
final class RequestLogBlock {

    /** First byte of a stored block: the layout above. */
    static final byte VERSION = 1;
    /** Deflate level: the fastest; a batch's entries repeat each other, so even it shrinks them ~20-fold. */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private RequestLogBlock() { }

    /** Builds blocks one after another; writer thread only. */
    static final class Encoder {
        private byte[] buf = new byte[1 << 16];
        private int len;
        private byte[] ids = new byte[1 << 12];
        private int idsLen;
        private byte[] out = new byte[1 << 14];
        private final Deflater deflater = new Deflater(LEVEL, true);
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
            idsLen = 0;
            count = 0;
            this.firstId = firstId;
            this.lastId = firstId - 1;
            this.minTs = minTs;
            this.maxTs = minTs;
        }

        /** One entry; {@code id} greater than the last one's, {@code ts} not below the block's {@code minTs}. */
        void add(long id, long ts, String requestId, String httpMethod, String resourcePath, String path, int status,
                 long latencyMicros, long integrationMicros, String apiKeyId, String maskedApiKey, String sourceIp,
                 String level, String log) {
            if (id <= lastId || ts < minTs) throw new IllegalArgumentException("entry out of the block's order");
            varint(id - firstId);
            varint(ts - minTs);
            string(requestId);
            string(httpMethod);
            string(resourcePath);
            string(path);
            varint(status & 0xffffffffL);
            varint(Math.max(0, latencyMicros));
            varint(integrationMicros < 0 ? 0 : integrationMicros + 1);
            string(apiKeyId);
            string(maskedApiKey);
            string(sourceIp);
            string(level);
            string(log);
            if (requestId != null) {
                byte[] b = requestId.getBytes(StandardCharsets.UTF_8);
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

        /** The stored block: version, inflated length, deflated entries. */
        byte[] data() {
            deflater.reset();
            deflater.setInput(buf, 0, len);
            deflater.finish();
            int at = 0;
            out[at++] = VERSION;
            long n = len;
            while ((n & ~0x7FL) != 0) {
                out[at++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            out[at++] = (byte) n;
            while (!deflater.finished()) {
                if (at == out.length) out = Arrays.copyOf(out, out.length * 2);
                at += deflater.deflate(out, at, out.length - at);
            }
            return Arrays.copyOf(out, at);
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

        private void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }

    /** Reads a stored block's entries in id order: {@link #next} then the fields; strings are made on demand. */
    static final class Cursor {
        private final byte[] b;
        private int at;
        private final long firstId;
        private final long minTs;
        long id;
        long ts;
        String requestId;
        String httpMethod;
        String resourcePath;
        String path;
        int status;
        long latencyMicros;
        /** -1 when no backend was called. */
        long integrationMicros;
        String apiKeyId;
        String apiKey;
        String sourceIp;
        String level;
        private int logAt;
        private int logLen; // -1: null

        Cursor(byte[] stored, long firstId, long minTs) {
            if (stored.length == 0 || stored[0] != VERSION) {
                throw new IllegalStateException("request-log block of an unknown layout ("
                        + (stored.length == 0 ? "empty" : "version " + stored[0]) + ")");
            }
            int[] pos = {1};
            long n = varint(stored, pos);
            byte[] raw = new byte[Math.toIntExact(n)];
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(stored, pos[0], stored.length - pos[0]);
                int got = 0;
                while (got < raw.length) {
                    int k = inflater.inflate(raw, got, raw.length - got);
                    if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
                    got += k;
                }
                if (got != raw.length) throw new IllegalStateException("request-log block cut short");
            } catch (DataFormatException e) {
                throw new IllegalStateException("request-log block unreadable: " + e.getMessage(), e);
            } finally {
                inflater.end();
            }
            this.b = raw;
            this.firstId = firstId;
            this.minTs = minTs;
        }

        boolean next() {
            if (at >= b.length) return false;
            id = firstId + varint();
            ts = minTs + varint();
            requestId = string();
            httpMethod = string();
            resourcePath = string();
            path = string();
            status = (int) varint();
            latencyMicros = varint();
            integrationMicros = varint() - 1;
            apiKeyId = string();
            apiKey = string();
            sourceIp = string();
            level = string();
            int l = (int) varint() - 1;
            logAt = at;
            logLen = l;
            if (l > 0) at += l;
            return true;
        }

        /** The entry's execution log as stored (compact form; {@link ExecutionLogText#expand} makes it text). */
        String storedLog() {
            return logLen < 0 ? null : new String(b, logAt, logLen, StandardCharsets.UTF_8);
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

        private String string() {
            int l = (int) varint() - 1;
            if (l < 0) return null;
            String s = new String(b, at, l, StandardCharsets.UTF_8);
            at += l;
            return s;
        }

        private static long varint(byte[] b, int[] pos) {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[pos[0]++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) return v;
                shift += 7;
            }
        }
    }
}
