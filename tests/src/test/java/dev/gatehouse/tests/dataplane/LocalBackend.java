package dev.gatehouse.tests.dataplane;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP backend on a free loopback port (the JDK's HttpServer, one virtual thread per exchange), for the
 * end-to-end tests to put behind the gateway. Paths:
 * <ul>
 *   <li>{@code /slow...}: answers 200 after one second (for integration timeouts);</li>
 *   <li>{@code /items/...}: describes the request as JSON: {@code {"method":..,"path":..,"query":..}};</li>
 *   <li>{@code /sink...}: reads and drops the body, answers {@code {"received":N}};</li>
 *   <li>anything else: echoes the body and Content-Type with status 200, and reports what it saw in
 *       {@code X-Seen-Method}, {@code X-Seen-Path} (raw), {@code X-Seen-Query} (raw) and {@code X-Seen-Tag} (the
 *       {@code X-Tag} request header).</li>
 * </ul>
 * Always close it (try-with-resources or {@code @AfterAll}).
 */
final class LocalBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    LocalBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            if (path.startsWith("/slow")) {
                ex.getRequestBody().readAllBytes();
                sleep(1000);
                send(ex, 200, "application/json", "{\"slow\":true}".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/items/")) {
                ex.getRequestBody().readAllBytes();
                String json = "{\"method\":\"" + ex.getRequestMethod() + "\",\"path\":\"" + path + "\",\"query\":\""
                        + (query == null ? "" : query) + "\"}";
                send(ex, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/sink")) {
                long n = drain(ex.getRequestBody());
                send(ex, 200, "application/json", ("{\"received\":" + n + "}").getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] body = ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("X-Seen-Method", ex.getRequestMethod());
                ex.getResponseHeaders().set("X-Seen-Path", path);
                ex.getResponseHeaders().set("X-Seen-Query", query == null ? "" : query);
                String tag = ex.getRequestHeaders().getFirst("X-Tag");
                if (tag != null) ex.getResponseHeaders().set("X-Seen-Tag", tag);
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                send(ex, 200, type == null ? "application/octet-stream" : type, body);
            }
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) total += n;
        return total;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
