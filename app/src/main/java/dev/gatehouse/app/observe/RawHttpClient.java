package dev.gatehouse.app.observe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link ReplayRequest} over HTTP/1.1 exactly as written — request line, headers in their order and
 * spelling, body bytes — which general clients do not (they add {@code User-Agent}, {@code Accept-Encoding},
 * reorder {@code Content-Type}). Only {@code Content-Length} is computed from the body (and
 * {@code Transfer-Encoding} dropped, the body being sent whole; a
 * {@code Content-Length} keeps its place). Loopback only: Replay targets the local data
 * plane. Blocking; call it on a background thread. IO failures and a malformed answer are thrown.
 */
final class RawHttpClient {

    /** What the server answered. */
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body, long latencyMillis) { }

    private RawHttpClient() { }

    static Answer send(String host, int port, ReplayRequest request, int timeoutMillis) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IOException("Replay sends only to the local data plane (127.0.0.1), not to " + host);
        }
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.pathWithQuery()).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        boolean hasLength = false;
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("transfer-encoding")) continue;
            if (name.equals("host")) hasHost = true;
            // Content-Length stays at its place, with the length of the body sent (it may have been edited)
            String value = name.equals("content-length") ? String.valueOf(request.body().length) : h.getValue();
            if (name.equals("content-length")) hasLength = true;
            head.append(h.getKey()).append(": ").append(value).append("\r\n");
        }
        if (!hasHost) head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (!hasLength && request.body().length > 0) head.append("Content-Length: ").append(request.body().length).append("\r\n");
        head.append("\r\n");
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP answer: " + statusLine);
            int status = Integer.parseInt(parts[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            long length = -1;
            boolean chunked = false;
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                if (colon <= 0) continue;
                String name = l.substring(0, colon).trim();
                String value = l.substring(colon + 1).trim();
                headers.add(Map.entry(name, value));
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            }
            byte[] body;
            if (request.method().equals("HEAD") || status == 204 || status == 304) body = new byte[0];
            else if (chunked) body = chunked(in);
            else if (length >= 0) body = in.readNBytes((int) length);
            else body = in.readAllBytes();
            return new Answer(status, headers, body, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) { } // trailers
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) throw new IOException("the data plane closed the connection without an answer");
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
