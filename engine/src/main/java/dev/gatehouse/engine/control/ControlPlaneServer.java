package dev.gatehouse.engine.control;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The control-plane HTTP listener, on its own port and its own single Vert.x event loop (never the data plane's):
 * the loop reads the request and its body (up to {@link ControlPlaneOptions#maxBodyBytes()}, else 413), then the
 * request is handled on a virtual thread of its own, where {@link ControlApi} may block (disk writes, deploys,
 * test invokes); the response is written back on the loop.
 *
 * <p>Lifecycle: {@link #start} binds and returns; {@link #close()} stops listening, waits up to 5 s for requests
 * being handled, and stops the loop. Thread-safe.
 */
public final class ControlPlaneServer implements AutoCloseable {

    private final ControlPlaneOptions options;
    private final ControlApi api;
    private final Vertx vertx;
    private final ExecutorService handlers;
    private HttpServer server;
    private volatile boolean closed;

    private ControlPlaneServer(ControlPlaneOptions options, ControlApi api) {
        this.options = options;
        this.api = api;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gatehouse-control-", 0).factory());
    }

    /** Binds and returns; throws IllegalStateException when the port cannot be bound. */
    public static ControlPlaneServer start(ControlPlaneOptions options, ControlApi api) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(api, "api");
        ControlPlaneServer s = new ControlPlaneServer(options, api);
        try {
            HttpServerOptions http = new HttpServerOptions().setHost(options.host()).setPort(options.port())
                    .setMaxHeaderSize(16 * 1024).setIdleTimeout(120);
            if (options.tls() != null) options.tls().applyTo(http);
            s.server = s.vertx.createHttpServer(http)
                    .requestHandler(s::accept)
                    .invalidRequestHandler(ControlPlaneServer::invalid)
                    .listen().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            s.close();
            throw new IllegalStateException("control plane could not listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        return s;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}: what {@code --endpoint-url} takes. */
    public String endpoint() {
        return (options.tls() == null ? "http://" : "https://") + options.host() + ":" + port();
    }

    private void accept(HttpServerRequest request) {
        Context context = Vertx.currentContext();
        String length = request.getHeader("Content-Length");
        if (length != null && parseLong(length) > options.maxBodyBytes()) {
            reject(request, 413, "Request Too Long");
            return;
        }
        List<Buffer> chunks = new ArrayList<>();
        long[] total = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) return;
            total[0] += chunk.length();
            if (total[0] > options.maxBodyBytes()) {
                refused[0] = true;
                reject(request, 413, "Request Too Long");
                return;
            }
            chunks.add(chunk);
        });
        request.endHandler(v -> {
            if (refused[0]) return;
            Buffer body = Buffer.buffer((int) total[0]);
            for (Buffer c : chunks) body.appendBuffer(c);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            String uri = request.uri();
            int q = uri.indexOf('?');
            ControlRequest r = new ControlRequest(request.method().name(), q < 0 ? uri : uri.substring(0, q),
                    q < 0 ? null : uri.substring(q + 1), headers, body.getBytes());
            handlers.execute(() -> {
                ControlResponse response = answer(() -> api.handle(r));
                context.runOnContext(x -> write(request.response(), response));
            });
        });
    }

    /**
     * Runs a handler so that the client always gets an answer: {@link ControlApi#handle} turns exceptions into AWS's
     * errors itself, but an {@link Error} (a class missing from a replaced jar, a stack overflow) would otherwise end
     * the handler thread with no response, and the client (the AWS CLI retries 4 times) waits out its read timeout.
     * Such a failure is a 500 InternalServerErrorException here, and logged. Called on a handler thread.
     */
    static ControlResponse answer(java.util.function.Supplier<ControlResponse> handler) {
        try {
            return handler.get();
        } catch (Throwable t) {
            org.slf4j.LoggerFactory.getLogger(ControlPlaneServer.class).error("control plane: a request failed", t);
            return ControlResponse.error(new ControlException(500, "InternalServerErrorException", "Internal server error"));
        }
    }

    /**
     * A request the HTTP decoder could not read (a request line or headers too long, a malformed line): AWS's error
     * shape like every other refusal, and the connection closed, as its framing cannot be trusted.
     */
    private static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        String name = cause == null ? "" : cause.getClass().getSimpleName();
        int status = name.contains("TooLongHttpLine") || name.contains("TooLongUri") ? 414
                : name.contains("TooLongHttpHeader") ? 431 : 400;
        String message = switch (status) {
            case 414 -> "Request-URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Malformed HTTP request" + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage());
        };
        reject(request, status, message);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void reject(HttpServerRequest request, int status, String message) {
        write(request.response(), ControlResponse.error(new ControlException(status, "BadRequestException", message))
                .withHeader("Connection", "close"));
    }

    private static void write(HttpServerResponse response, ControlResponse r) {
        if (response.ended() || response.closed()) return;
        response.setStatusCode(r.status());
        r.headers().forEach(response::putHeader);
        response.putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        response.end(Buffer.buffer(r.body()));
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        try {
            if (server != null) server.close().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        handlers.shutdown();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vertx.close();
    }
}
