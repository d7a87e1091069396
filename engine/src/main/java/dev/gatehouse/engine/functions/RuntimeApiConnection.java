package dev.gatehouse.engine.functions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP/1.1 of the Runtime API (RFC 9112), as much as runtimes use of it: a request line, headers, a body
 * with {@code Content-Length} or {@code Transfer-Encoding: chunked}, {@code Expect: 100-continue} (curl sends it
 * before larger bodies), persistent connections unless {@code Connection: close} (or HTTP/1.0 without
 * keep-alive); answers always carry a {@code Content-Length}. Used by {@link RuntimeApiEndpoint} on one
 * connection's thread; stateless.
 */
final class RuntimeApiConnection {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;

    private RuntimeApiConnection() { }

    /** A request that cannot be read as HTTP/1.1: answered 400, then the connection is closed. */
    static final class BadRequest extends IOException {
        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * One request. {@code bodyTruncated} when the body was longer than the limit it was read with (the rest is
     * not read: the connection must then close).
     */
    record Request(String method, String path, Map<String, String> headers, byte[] body, boolean keepAlive,
                   boolean bodyTruncated) {
        /** A header's value (names are case-insensitive), or null. */
        String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer: status, JSON body, extra headers ({@code Content-Type} is {@code application/json}). */
    static final class Response {
        final int status;
        final byte[] body;
        final List<String[]> headers = new ArrayList<>(6);

        Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        Response(int status, String json) {
            this(status, json.getBytes(StandardCharsets.UTF_8));
        }

        Response header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }
    }

    /**
     * Reads the next request; null when the peer closed the connection before a new request began.
     *
     * @param out where {@code 100 Continue} goes when the client waits for it
     * @param maxBody bytes of body kept at most (a longer body is cut there and flagged)
     * @throws BadRequest for anything that is not an HTTP/1.x request this API can read
     */
    static Request read(InputStream in, OutputStream out, int maxBody) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) return null;
        while (requestLine.isEmpty()) { // tolerated before a request (RFC 9112 §2.2)
            requestLine = line(in);
            if (requestLine == null) return null;
        }
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1) throw new BadRequest("Malformed request line: " + requestLine);
        String method = requestLine.substring(0, sp1);
        String target = requestLine.substring(sp1 + 1, sp2);
        String version = requestLine.substring(sp2 + 1);
        if (!version.startsWith("HTTP/1.")) throw new BadRequest("Unsupported protocol version: " + version);
        int query = target.indexOf('?');
        String path = query >= 0 ? target.substring(0, query) : target;
        if (path.startsWith("http://")) { // absolute form
            int slash = path.indexOf('/', "http://".length());
            path = slash < 0 ? "/" : path.substring(slash);
        }

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int n = 0; ; n++) {
            String h = line(in);
            if (h == null) throw new BadRequest("Connection closed inside the headers");
            if (h.isEmpty()) break;
            if (n == MAX_HEADERS) throw new BadRequest("More than " + MAX_HEADERS + " headers");
            int colon = h.indexOf(':');
            if (colon <= 0) throw new BadRequest("Malformed header line: " + h);
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }

        String connection = headers.getOrDefault("Connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = version.equals("HTTP/1.0") ? connection.contains("keep-alive") : !connection.contains("close");
        if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        byte[] body;
        boolean truncated = false;
        String te = headers.get("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                if (sizeLine == null) throw new BadRequest("Connection closed inside a chunked body");
                int semi = sizeLine.indexOf(';');
                int size;
                try {
                    size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new BadRequest("Malformed chunk size: " + sizeLine);
                }
                if (size < 0) throw new BadRequest("Malformed chunk size: " + sizeLine);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = line(in);
                    } while (trailer != null && !trailer.isEmpty());
                    break;
                }
                int keep = Math.max(0, Math.min(size, maxBody - b.size()));
                b.write(exactly(in, keep));
                if (keep < size) {
                    truncated = true;
                    break; // the rest stays unread: the connection closes after the answer
                }
                if (line(in) == null) throw new BadRequest("Connection closed inside a chunked body");
            }
            body = b.toByteArray();
        } else {
            String cl = headers.get("Content-Length");
            long length;
            try {
                length = cl == null ? 0 : Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("Malformed Content-Length: " + cl);
            }
            if (length < 0) throw new BadRequest("Malformed Content-Length: " + cl);
            if (length > maxBody) {
                body = exactly(in, maxBody);
                truncated = true;
            } else {
                body = exactly(in, (int) length);
            }
        }
        return new Request(method, path, headers, body, keepAlive, truncated);
    }

    /** Writes {@code response} and flushes (one write for head and a small body). */
    static void write(OutputStream out, Response response, boolean keepAlive) throws IOException {
        write(out, response, keepAlive, true);
    }

    /**
     * Writes {@code response}; with {@code flush} false it may stay in {@code out}'s buffer, to leave with the next
     * answer (a pipelined request is already waiting: one write and one wake-up of the runtime for both).
     */
    static void write(OutputStream out, Response response, boolean keepAlive, boolean flush) throws IOException {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(response.status).append(' ')
                .append(reason(response.status)).append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(response.body.length).append("\r\n");
        for (String[] h : response.headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        if (!keepAlive) head.append("Connection: close\r\n");
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(response.body);
        if (flush) out.flush();
    }

    /**
     * The connection's buffered input, which flushes the connection's output before it reads from the socket: an
     * answer may then be written without a flush of its own, and leaves either before this side waits for the
     * runtime or together with the next answer (a runtime that pipelines, as ours do with {@code /response} and
     * the next {@code /next}, gets both in one write and one wake-up).
     */
    static final class Input extends java.io.BufferedInputStream {
        private final OutputStream out;

        Input(InputStream in, int size, OutputStream out) {
            super(in, size);
            this.out = out;
        }

        @Override public synchronized int read() throws IOException {
            if (pos >= count) out.flush();
            return super.read();
        }

        @Override public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (pos >= count) out.flush();
            return super.read(b, off, len);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new BadRequest("Connection closed inside the body (" + b.length + " of " + n + " bytes)");
        return b;
    }

    /**
     * A line ending in CRLF (a bare LF is accepted), without it; null at the end of the stream before any byte
     * (the callers decide whether that ends the connection cleanly or is a {@link BadRequest}).
     */
    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = b.length();
                if (len > 0 && b.charAt(len - 1) == '\r') b.setLength(len - 1);
                return b.toString();
            }
            if (b.length() == MAX_LINE) throw new BadRequest("A line longer than " + MAX_LINE + " bytes");
            b.append((char) c); // ISO-8859-1, as HTTP/1.1 reads header fields
        }
        if (b.isEmpty()) return null;
        throw new BadRequest("Connection closed inside a line");
    }
}
