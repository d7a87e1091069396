package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A backend request (head and body) as the bytes Netty's {@code HttpRequestEncoder} writes for the
 * {@code DefaultFullHttpRequest} that {@link LoopHttpBackend} would otherwise build (see
 * {@code LoopHttpBackend#nettyMessage}): the request line, the given headers in their order, {@code content-length}
 * and {@code host} appended when absent, a blank line, the body. Names and values are checked exactly as Netty's
 * validating header map checks them ({@link HttpHeaderValidationUtil}: names are tokens, values have no control
 * characters and do not start with a space), an invalid one an {@link IllegalArgumentException} as there; values are
 * written one byte per char as Netty's ASCII writer does ({@code '?'} for a char above 0xFF).
 *
 * <p>Why: building Netty's validating header map (a hash per name) and then encoding it char by char into a direct
 * buffer was ~6% of a proxied request's CPU samples ({@code ProxyCpuRunner}, JFR CPU-time sampler); here the head is
 * written into a reused array and copied into the pooled buffer once.
 *
 * <p>Requests this does not cover return null and go through Netty's encoder: a {@code Transfer-Encoding} header
 * (the encoder then chunks, or the header is removed) and a request target not starting with {@code /}.
 * One per event loop: the scratch array is confined to it.
 */
final class BackendRequestBytes {

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST = "host".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    /** the body is copied into the head's buffer up to this size; a larger one is written as its own buffer */
    static final int COPY_BODY_LIMIT = 8 * 1024;

    /** the head being written; grows to the largest head seen (bounded by the inbound header limits) */
    private byte[] scratch = new byte[512];
    private int size;
    private final HeaderWriter writer = new HeaderWriter();

    /**
     * The request's bytes in one buffer from {@code alloc} (a body over {@link #COPY_BODY_LIMIT} is not included:
     * the caller writes it after), or null when Netty's encoder must write this request.
     */
    ByteBuf encode(ByteBufAllocator alloc, HttpMethod method, String uri, Headers headers, String authority,
                   byte[] body) {
        if (uri.isEmpty() || uri.charAt(0) != '/') return null;
        size = 0;
        AsciiString name = method.asciiName();
        putBytes(name.array(), name.arrayOffset(), name.length());
        put((byte) ' ');
        int uriStart = size;
        boolean ascii = putAscii(uri);
        putBytes(VERSION_CRLF, 0, VERSION_CRLF.length);
        HeaderWriter writer = this.writer;
        writer.contentLength = false;
        writer.host = false;
        writer.unsupported = false;
        headers.forEach(writer);
        if (writer.unsupported) return null;
        if (!writer.contentLength) {
            header(CONTENT_LENGTH, body.length == 0 ? "0" : Integer.toString(body.length));
        }
        if (!writer.host) header(HOST, authority);
        put((byte) '\r');
        put((byte) '\n');
        int uriUtf8 = ascii ? 0 : ByteBufUtil.utf8Bytes(uri);
        boolean copyBody = body.length <= COPY_BODY_LIMIT;
        ByteBuf buf = alloc.buffer(size + (ascii ? 0 : uriUtf8) + (copyBody ? body.length : 0));
        if (ascii) {
            buf.writeBytes(scratch, 0, size);
        } else { // the request target as UTF-8, as the encoder writes it
            buf.writeBytes(scratch, 0, uriStart);
            buf.writeCharSequence(uri, StandardCharsets.UTF_8);
            buf.writeBytes(scratch, uriStart, size - uriStart);
        }
        if (copyBody) buf.writeBytes(body);
        return buf;
    }

    /** Writes one header per call, noting content-length and host, and whether a transfer-encoding was seen. */
    private final class HeaderWriter implements java.util.function.BiConsumer<String, String> {
        boolean contentLength;
        boolean host;
        boolean unsupported;

        @Override public void accept(String name, String value) {
            if (name.isEmpty()) throw new IllegalArgumentException("empty headers are not allowed [" + name + "]");
            int bad = HttpHeaderValidationUtil.validateToken(name);
            if (bad != -1) {
                throw new IllegalArgumentException("a header name can only contain \"token\" characters, but found "
                        + "invalid character 0x" + Integer.toHexString(name.charAt(bad)) + " at index " + bad
                        + " of header '" + name + "'.");
            }
            bad = HttpHeaderValidationUtil.validateValidHeaderValue(value);
            if (bad != -1) {
                throw new IllegalArgumentException("a header value contains prohibited character 0x"
                        + Integer.toHexString(value.charAt(bad)) + " at index " + bad + ".");
            }
            switch (name.length()) {
                case 4 -> host |= name.equalsIgnoreCase("host");
                case 14 -> contentLength |= name.equalsIgnoreCase("content-length");
                case 17 -> unsupported |= name.equalsIgnoreCase("transfer-encoding");
                default -> { }
            }
            putLatin1(name);
            put((byte) ':');
            put((byte) ' ');
            putLatin1(value);
            put((byte) '\r');
            put((byte) '\n');
        }
    }

    private void header(byte[] name, String value) {
        putBytes(name, 0, name.length);
        put((byte) ':');
        put((byte) ' ');
        putLatin1(value);
        put((byte) '\r');
        put((byte) '\n');
    }

    /** Writes {@code s} if it is all ASCII (true); else writes nothing (false). */
    private boolean putAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) if (s.charAt(i) > 0x7F) return false;
        putLatin1(s);
        return true;
    }

    /** One byte per char, {@code '?'} for a char above 0xFF (Netty's {@code AsciiString.c2b}). */
    private void putLatin1(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = scratch;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b[at++] = (byte) (c > 0xFF ? '?' : c);
        }
        size = at;
    }

    private void putBytes(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, scratch, size, length);
        size += length;
    }

    private void put(byte b) {
        ensure(1);
        scratch[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > scratch.length) scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, size + more));
    }
}
