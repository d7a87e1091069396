package dev.gatehouse.engine.functions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * The Lambda Runtime API (version 2018-06-01) for one worker, on a loopback port of its own so every request
 * is known to come from that worker (on Lambda each execution environment has its own API too). Routes and
 * status codes as AWS's OpenAPI document of the Runtime API states them:
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next}: long poll; 200 with the event and the headers
 *       {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn},
 *       {@code -Trace-Id}, {@code -Client-Context} and {@code -Cognito-Identity} when present;</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code /error}: 202
 *       {@code {"status":"OK"}}; 400 for an id that is not the worker's current invocation; 413 for a
 *       response over Lambda's 6 MB;</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error}: 202; the error answers the next invocation;</li>
 *   <li>anything else: 404.</li>
 * </ul>
 * Requests run on virtual threads (a parked long poll costs no platform thread); never on the data plane's
 * event loops.
 */
final class RuntimeApiEndpoint implements AutoCloseable {

    /** Lambda's limit on a synchronous response payload. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    private static final String PREFIX = "/2018-06-01/runtime/";

    static {
        // the JDK server leaves Nagle's algorithm on unless told; the Runtime API is small request/response pairs
        // on one keep-alive connection, exactly the pattern Nagle plus delayed ACKs stalls. Read once, at class init.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;

    RuntimeApiEndpoint(Worker worker, ExecutorService executor) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(worker, exchange);
            } catch (IOException | RuntimeException e) {
                // the worker went away mid-request: nothing to answer
            }
        });
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(Worker worker, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!path.startsWith(PREFIX)) {
            send(exchange, 404, error("Not found", "InvalidRequest"));
            return;
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("invocation/next") && method.equals("GET")) {
            next(worker, exchange);
        } else if (rest.equals("init/error") && method.equals("POST")) {
            worker.initError(readBody(exchange, MAX_RESPONSE_BYTES),
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
            send(exchange, 202, "{\"status\":\"OK\"}");
        } else if (rest.startsWith("invocation/") && method.equals("POST")
                && (rest.endsWith("/response") || rest.endsWith("/error"))) {
            boolean isError = rest.endsWith("/error");
            String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
            byte[] body = readBody(exchange, MAX_RESPONSE_BYTES + 1);
            if (!isError && body.length > MAX_RESPONSE_BYTES) {
                worker.tooLarge(id, body.length);
                send(exchange, 413, error("Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                        + " bytes).", "RequestEntityTooLarge"));
                return;
            }
            boolean known = isError
                    ? worker.error(id, body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"))
                    : worker.respond(id, body);
            if (known) send(exchange, 202, "{\"status\":\"OK\"}");
            else send(exchange, 400, error("Invalid request ID", "InvalidRequestID"));
        } else {
            send(exchange, 404, error("Not found", "InvalidRequest"));
        }
    }

    private static void next(Worker worker, HttpExchange exchange) throws IOException {
        Invocation inv;
        try {
            inv = worker.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (inv == null) {
            // the worker is being shut down; the spec's answer for a runtime that should exit
            send(exchange, 500, error("Worker is shutting down", "Runtime.Shutdown"));
            return;
        }
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", inv.requestId);
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineMillis()));
        h.set("Lambda-Runtime-Invoked-Function-Arn", inv.meta.functionArn());
        h.set("Lambda-Runtime-Trace-Id", inv.meta.traceId());
        if (inv.meta.clientContext() != null) h.set("Lambda-Runtime-Client-Context", inv.meta.clientContext());
        if (inv.meta.cognitoIdentity() != null) h.set("Lambda-Runtime-Cognito-Identity", inv.meta.cognitoIdentity());
        exchange.sendResponseHeaders(200, inv.payload.length == 0 ? -1 : inv.payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(inv.payload);
        }
    }

    private static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(limit);
        }
    }

    private static String error(String message, String type) {
        return Lambda.errorDocument(type, message);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, b.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
        }
    }

    @Override public void close() {
        server.stop(0);
    }
}
