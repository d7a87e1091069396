package dev.gatehouse.engine.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real local backend for data-plane tests: {@code /echo} answers 201 with the request body and
 * {@code X-Seen-*} headers describing what arrived; {@code /slow} sleeps 2 s; a second socket answers garbage.
 * Records the client ports it saw (one per backend connection).
 */
final class TestBackend implements AutoCloseable {

    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final HttpServer http;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ServerSocket garbage;

    TestBackend() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
        garbage = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        pool.execute(this::serveGarbage);
    }

    int port() {
        return http.getAddress().getPort();
    }

    int garbagePort() {
        return garbage.getLocalPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        clientPorts.add(ex.getRemoteAddress().getPort());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (ex.getRequestURI().getPath().startsWith("/slow")) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var h = ex.getResponseHeaders();
        h.add("X-Seen-Method", ex.getRequestMethod());
        h.add("X-Seen-Path", ex.getRequestURI().getRawPath());
        h.add("X-Seen-Query", String.valueOf(ex.getRequestURI().getRawQuery()));
        ex.getRequestHeaders().forEach((name, values) -> h.add("X-Seen-H-" + name, String.join(",", values)));
        h.add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(201, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void serveGarbage() {
        while (!garbage.isClosed()) {
            try (Socket s = garbage.accept()) {
                s.getInputStream().read(new byte[4096]);
                s.getOutputStream().write("THIS IS NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override public void close() throws IOException {
        http.stop(0);
        garbage.close();
        pool.shutdownNow();
    }
}
