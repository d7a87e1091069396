package dev.gatehouse.engine.functions;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
 *       response over Lambda's 6 MB (then the connection closes);</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error}: 202; the error answers the next invocation;</li>
 *   <li>anything else: 404.</li>
 * </ul>
 *
 * <p>Served by a Vert.x HTTP server on the functions' event loop (HTTP/1.1 with keep-alive, pipelining, chunked
 * bodies and {@code Expect: 100-continue}, as runtimes use them). Measured against the hand-written blocking
 * server it replaced (one platform thread a connection): no more CPU per invocation, and no thread per
 * connection. An exchange that can answer at once does so on the event loop: {@code /next} with an invocation
 * already queued, {@code /response} when no output is awaited. {@code /next} with nothing queued and a
 * {@code /response} that waits for the worker's output to drain park a virtual thread of {@code executor}
 * instead, never the event loop. {@link #close} closes the port and every connection.
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
    private final ExecutorService executor;
    private final HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    RuntimeApiEndpoint(Worker worker, Vertx vertx, ExecutorService executor) throws IOException {
        this.worker = worker;
        this.executor = executor;
        HttpServer s = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                // small request/response pairs: Nagle plus delayed ACKs would stall each one
                .setTcpNoDelay(true).setHandle100ContinueAutomatically(true).setAcceptBacklog(16)
                // the Runtime API is HTTP/1.1: no h2c upgrade (clients that offer it, as the JDK's, stay on 1.1)
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(64 * 1024));
        s.connectionHandler(c -> {
            // a runtime holds one or two; more is a runaway loop in the worker: refuse them
            if (connections.incrementAndGet() > MAX_CONNECTIONS) c.close();
            c.closeHandler(v -> connections.decrementAndGet());
        });
        s.requestHandler(this::handle);
        try {
            this.server = s.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot open the Runtime API's port: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("cannot open the Runtime API's port: no answer from the event loop in 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the Runtime API's port", e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.actualPort();
    }

    /** On the event loop. */
    private void handle(HttpServerRequest r) {
        String path = r.path();
        if (!path.startsWith(PREFIX)) {
            notFound(r);
            return;
        }
        String rest = path.substring(PREFIX.length());
        String method = r.method().name();
        if (rest.equals("invocation/next") && method.equals("GET")) {
            next(r);
        } else if (rest.equals("init/error") && method.equals("POST")) {
            body(r, null, body -> {
                worker.initError(body, r.getHeader("Lambda-Runtime-Function-Error-Type"));
                json(r, 202, OK);
            });
        } else if (rest.startsWith("invocation/") && method.equals("POST")
                && (rest.endsWith("/response") || rest.endsWith("/error"))) {
            boolean isError = rest.endsWith("/error");
            String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
            body(r, isError ? null : id, body -> answered(r, id, body, isError));
        } else {
            notFound(r);
        }
    }

    /** {@code /response} or {@code /error} read whole: hand it to the worker, then 202 (or 400 for another id). */
    private void answered(HttpServerRequest r, String id, byte[] body, boolean isError) {
        int markers = outputMarkers(r.getHeader(OUTPUT_MARKERS));
        String errorType = r.getHeader("Lambda-Runtime-Function-Error-Type");
        Runnable hand = () -> {
            boolean known = isError ? worker.error(id, body, errorType, markers) : worker.respond(id, body, markers);
            if (known) json(r, 202, OK);
            else json(r, 400, Lambda.errorDocument("InvalidRequestID", "Invalid request ID"));
        };
        // waiting for the worker's output to drain blocks: never on the event loop
        if (worker.awaitsOutput(markers)) offload(r, hand);
        else hand.run();
    }

    /**
     * Collects the body, then {@code then}. A body over {@link #MAX_RESPONSE_BYTES} is not kept: with
     * {@code tooLargeId} the invocation fails as Lambda reports it and the answer is 413, and the connection closes
     * (the rest of the body is not read).
     */
    private void body(HttpServerRequest r, String tooLargeId, java.util.function.Consumer<byte[]> then) {
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        r.handler(chunk -> {
            if (over[0]) return;
            if (body.length() + chunk.length() > MAX_RESPONSE_BYTES) {
                over[0] = true;
                if (tooLargeId != null) worker.tooLarge(tooLargeId, body.length() + chunk.length());
                HttpServerResponse resp = r.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close");
                resp.end(Lambda.errorDocument("RequestEntityTooLarge", "Exceeded maximum allowed payload size ("
                        + MAX_RESPONSE_BYTES + " bytes).")).onComplete(v -> r.connection().close());
                return;
            }
            body.appendBuffer(chunk);
        });
        r.endHandler(v -> {
            if (!over[0]) then.accept(body.getBytes());
        });
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

    private static void notFound(HttpServerRequest r) {
        json(r, 404, Lambda.errorDocument("InvalidRequest", "Not found"));
    }

    private static void json(HttpServerRequest r, int status, String body) {
        r.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    /** {@code /next}: at once when an invocation is queued, else parked on a virtual thread until one is. */
    private void next(HttpServerRequest r) {
        Invocation now = worker.nextIfQueued();
        if (now != Worker.NONE_QUEUED) {
            event(r, now);
            return;
        }
        offload(r, () -> {
            try {
                event(r, worker.next());
            } catch (InterruptedException e) {
                r.connection().close(); // the functions are closing
            }
        });
    }

    /** Runs {@code task} on a virtual thread; once the functions are closing, the runtime is told to shut down. */
    private void offload(HttpServerRequest r, Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            event(r, null);
        }
    }

    /** The event (any thread: Vert.x writes on the connection's event loop), or the shutdown answer for null. */
    private static void event(HttpServerRequest r, Invocation inv) {
        if (inv == null) {
            // the worker is being shut down; the spec's answer for a runtime that should exit
            json(r, 500, Lambda.errorDocument("Runtime.Shutdown", "Worker is shutting down"));
            return;
        }
        HttpServerResponse response = r.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Lambda-Runtime-Aws-Request-Id", inv.requestId)
                .putHeader("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineMillis()))
                .putHeader("Lambda-Runtime-Invoked-Function-Arn", inv.meta.functionArn())
                .putHeader("Lambda-Runtime-Trace-Id", inv.meta.traceId());
        if (inv.meta.clientContext() != null) response.putHeader("Lambda-Runtime-Client-Context", inv.meta.clientContext());
        if (inv.meta.cognitoIdentity() != null) response.putHeader("Lambda-Runtime-Cognito-Identity", inv.meta.cognitoIdentity());
        response.end(Buffer.buffer(inv.payload));
    }

    @Override public void close() {
        server.close(); // closes the listening port and every connection
    }
}
