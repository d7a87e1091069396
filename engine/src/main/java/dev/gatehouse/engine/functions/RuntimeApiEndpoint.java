package dev.gatehouse.engine.functions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Served by {@link RuntimeApiConnection}: one platform thread per connection reading requests in turn (a
 * runtime keeps one connection and sends its requests in turn, possibly pipelined), so an exchange costs two
 * socket calls and no hand-over between threads (an answer to a pipelined request leaves with the next one); the JDK's {@code HttpServer} it replaces passed every request from its selector
 * thread to a worker thread and back, several times the CPU of the exchange itself. The accept loop runs on a
 * virtual thread of {@code executor}. {@link #close} closes the port and every connection (their threads end).
 */
final class RuntimeApiEndpoint implements AutoCloseable {

    /** Lambda's limit on a synchronous response payload. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String OK = "{\"status\":\"OK\"}";
    /**
     * Gatehouse's own bootstraps (not Lambda's API) say on {@code /response} and {@code /error} how many
     * end-of-output markers they wrote ({@link Worker#OUTPUT_DONE}, one a stream written during the invocation).
     */
    static final String OUTPUT_MARKERS = "Gatehouse-Output-Markers";

    /** Connections served at once per worker (a runtime keeps one; curl loops open one per request, in turn). */
    static final int MAX_CONNECTIONS = 32;

    private final Worker worker;
    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RuntimeApiEndpoint(Worker worker, ExecutorService executor) throws IOException {
        this.worker = worker;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (closed) {
                closeQuietly(s);
                return;
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                // a runtime holds one or two; more is a runaway loop in the worker: refuse, do not spawn threads
                closeQuietly(s);
                continue;
            }
            connections.add(s);
            Thread.ofPlatform().daemon().name("gatehouse-runtime-api-" + server.getLocalPort()).start(() -> {
                try {
                    serve(s);
                } finally {
                    connections.remove(s);
                    closeQuietly(s);
                }
            });
        }
    }

    /** Answers the requests of one connection in turn until the runtime or {@link #close} ends it. */
    private void serve(Socket s) {
        try {
            s.setTcpNoDelay(true); // small request/response pairs: Nagle plus delayed ACKs would stall each one
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
            InputStream in = new RuntimeApiConnection.Input(s.getInputStream(), 16 * 1024, out);
            while (!closed) {
                RuntimeApiConnection.Request request;
                try {
                    request = RuntimeApiConnection.read(in, out, MAX_RESPONSE_BYTES + 1);
                } catch (RuntimeApiConnection.BadRequest e) {
                    RuntimeApiConnection.write(out, new RuntimeApiConnection.Response(400,
                            Lambda.errorDocument("InvalidRequest", e.getMessage())), false);
                    return;
                }
                if (request == null) return; // the runtime closed its end
                RuntimeApiConnection.Response response = handle(request, out);
                if (response == null) return; // interrupted while waiting for an event
                boolean keepAlive = request.keepAlive() && !request.bodyTruncated();
                // not flushed here: the input flushes before it reads the socket, next() before it waits, so a
                // runtime that pipelines (ours: /response, then /next at once) gets this answer with the next one
                RuntimeApiConnection.write(out, response, keepAlive, !keepAlive);
                if (!keepAlive) return;
            }
        } catch (IOException e) {
            // the worker went away mid-request: nothing to answer
        }
    }

    /** @param out the connection's output, flushed before {@code /next} waits for an event */
    private RuntimeApiConnection.Response handle(RuntimeApiConnection.Request r, OutputStream out) {
        String path = r.path();
        if (!path.startsWith(PREFIX)) return notFound();
        String rest = path.substring(PREFIX.length());
        if (rest.equals("invocation/next") && r.method().equals("GET")) {
            return next(out);
        } else if (rest.equals("init/error") && r.method().equals("POST")) {
            worker.initError(r.body(), r.header("Lambda-Runtime-Function-Error-Type"));
            return new RuntimeApiConnection.Response(202, OK);
        } else if (rest.startsWith("invocation/") && r.method().equals("POST")
                && (rest.endsWith("/response") || rest.endsWith("/error"))) {
            boolean isError = rest.endsWith("/error");
            String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
            byte[] body = r.body();
            if (!isError && (r.bodyTruncated() || body.length > MAX_RESPONSE_BYTES)) {
                worker.tooLarge(id, body.length);
                return new RuntimeApiConnection.Response(413, Lambda.errorDocument("RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
            }
            int markers = outputMarkers(r.header(OUTPUT_MARKERS));
            boolean known = isError
                    ? worker.error(id, body, r.header("Lambda-Runtime-Function-Error-Type"), markers)
                    : worker.respond(id, body, markers);
            return known ? new RuntimeApiConnection.Response(202, OK)
                    : new RuntimeApiConnection.Response(400, Lambda.errorDocument("InvalidRequestID", "Invalid request ID"));
        }
        return notFound();
    }

    /** 0-2 from our bootstraps' header; -1 (the runtime's default) when absent or anything else. */
    static int outputMarkers(String header) {
        if (header == null) return -1;
        return switch (header.trim()) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> -1;
        };
    }

    private static RuntimeApiConnection.Response notFound() {
        return new RuntimeApiConnection.Response(404, Lambda.errorDocument("InvalidRequest", "Not found"));
    }

    private RuntimeApiConnection.Response next(OutputStream out) {
        Invocation inv;
        try {
            inv = worker.next(() -> {
                try {
                    out.flush(); // an answer held back for this one must not wait with it
                } catch (IOException e) {
                    // the runtime went away: the next read on this connection ends it
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (inv == null) {
            // the worker is being shut down; the spec's answer for a runtime that should exit
            return new RuntimeApiConnection.Response(500, Lambda.errorDocument("Runtime.Shutdown", "Worker is shutting down"));
        }
        var response = new RuntimeApiConnection.Response(200, inv.payload)
                .header("Lambda-Runtime-Aws-Request-Id", inv.requestId)
                .header("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineMillis()))
                .header("Lambda-Runtime-Invoked-Function-Arn", inv.meta.functionArn())
                .header("Lambda-Runtime-Trace-Id", inv.meta.traceId());
        if (inv.meta.clientContext() != null) response.header("Lambda-Runtime-Client-Context", inv.meta.clientContext());
        if (inv.meta.cognitoIdentity() != null) response.header("Lambda-Runtime-Cognito-Identity", inv.meta.cognitoIdentity());
        return response;
    }

    @Override public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : connections) closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing: nothing left to do
        }
    }
}
