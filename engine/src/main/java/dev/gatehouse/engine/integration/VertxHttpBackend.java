package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * An {@link HttpBackend} bound to one Vert.x event loop: its own pooled keep-alive client, every exchange
 * started on that loop ({@code context.runOnContext}) while the calling virtual thread parks on a future.
 * The server creates one per event loop, so a request's inbound and backend connections share a loop.
 *
 * <p>The timeout covers the whole exchange (connect, send, full response body); on expiry the request is reset.
 * Bodies are collected into one exact-size array when {@code Content-Length} is known. Thread-safe.
 */
public final class VertxHttpBackend implements HttpBackend, AutoCloseable {

    private final Vertx vertx;
    private final Context context;
    private final HttpClientAgent client;
    private final long maxBody;

    /** Creates the client; call on (or for) {@code context}, an event-loop context. */
    public VertxHttpBackend(Vertx vertx, Context context, BackendOptions options) {
        this.vertx = vertx;
        this.context = context;
        this.maxBody = options.maxResponseBodyBytes();
        HttpClientOptions http = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, options.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setMaxHeaderSize(64 * 1024)
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(options.maxConnectionsPerBackend())
                .setMaxWaitQueueSize(-1);
        this.client = vertx.createHttpClient(http, pool);
    }

    @Override public BackendResponse exchange(BackendRequest request) {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException("exchange() would block an event loop");
        String host = request.uri().getHost();
        if (host == null || host.isEmpty()) {
            // an endpoint built from an unset stage variable (http://${stageVariables.host}/…): AWS fails it at once
            throw new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", null);
        }
        CompletableFuture<BackendResponse> result = new CompletableFuture<>();
        long start = System.nanoTime();
        context.runOnContext(v -> start(request, result, start));
        try {
            // untimed: the event-loop timer started with the exchange completes the future at the deadline, and
            // closing the server interrupts request threads; a timed park would schedule and cancel a second
            // timer in the virtual-thread scheduler on every request
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BackendFailure f) throw f;
            throw new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "Internal server error", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "interrupted", e);
        }
    }

    /** Runs on the event loop. */
    private void start(BackendRequest request, CompletableFuture<BackendResponse> result, long startNanos) {
        try {
            send(request, result, startNanos);
        } catch (RuntimeException e) { // e.g. Vert.x refusing a URI without a host: fail now, never at the deadline
            result.completeExceptionally(new BackendFailure(BackendFailure.Kind.CONNECT_FAILED,
                    "Invalid endpoint address", e));
        }
    }

    private void send(BackendRequest request, CompletableFuture<BackendResponse> result, long startNanos) {
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> {
            if (result.completeExceptionally(new BackendFailure(BackendFailure.Kind.TIMEOUT, "timeout", null))) {
                HttpClientRequest r = inFlight.get();
                if (r != null) r.reset();
            }
        });
        result.whenComplete((r, e) -> vertx.cancelTimer(timer));
        RequestOptions options = target(request.uri()).setMethod(HttpMethod.valueOf(request.method()));
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                fail(result, ar.cause());
                return;
            }
            HttpClientRequest req = ar.result();
            inFlight.set(req);
            if (result.isDone()) {
                req.reset();
                return;
            }
            request.headers().forEach((n, v) -> req.headers().add(n, v));
            req.send(wrap(request.body())).onComplete(res -> receive(res, req, result, startNanos));
        });
    }

    /**
     * Host, port, TLS and request target of {@code uri}, exactly as Vert.x's {@code setAbsoluteURI} derives them
     * (default ports 80/443, an empty path sent as {@code /}), from the already parsed URI instead of a second parse
     * through {@code java.net.URL}. IllegalArgumentException for a scheme other than http/https.
     */
    static RequestOptions target(URI uri) {
        String scheme = uri.getScheme();
        boolean ssl;
        if ("http".equalsIgnoreCase(scheme)) ssl = false;
        else if ("https".equalsIgnoreCase(scheme)) ssl = true;
        else throw new IllegalArgumentException("scheme must be http or https: " + uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        String target = query == null ? path : path + "?" + query;
        if (path.isEmpty()) target = "/" + target;
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        return new RequestOptions().setHost(uri.getHost()).setPort(port).setSsl(ssl).setURI(target);
    }

    /**
     * A Vert.x buffer over {@code bytes} without copying them (Vert.x's {@code Buffer.buffer(byte[])} copies).
     * Bodies are never changed once built, so the wrapper may outlive the call. Any thread.
     */
    public static Buffer wrap(byte[] bytes) {
        return BufferInternal.buffer(bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
    }

    private void receive(AsyncResult<HttpClientResponse> ar, HttpClientRequest req,
                         CompletableFuture<BackendResponse> result, long startNanos) {
        if (ar.failed()) {
            fail(result, ar.cause());
            return;
        }
        HttpClientResponse res = ar.result();
        String length = res.getHeader("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException ignored) {
                declared = -1;
            }
        }
        if (declared > maxBody) {
            tooLarge(result, req);
            return;
        }
        BodyCollector body = new BodyCollector(declared, maxBody);
        res.handler(chunk -> {
            if (result.isDone()) return;
            if (!body.append(chunk)) tooLarge(result, req);
        });
        res.exceptionHandler(e -> fail(result, e));
        res.endHandler(v -> {
            Headers.Builder h = Headers.builder();
            res.headers().forEach(e -> h.add(e.getKey(), e.getValue()));
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            result.complete(new BackendResponse(res.statusCode(), h.build(), body.bytes(), latency));
        });
    }

    private static void tooLarge(CompletableFuture<BackendResponse> result, HttpClientRequest req) {
        if (result.completeExceptionally(new BackendFailure(BackendFailure.Kind.RESPONSE_TOO_LARGE,
                "Integration response body exceeds the maximum payload size", null))) {
            req.reset();
        }
    }

    private static void fail(CompletableFuture<BackendResponse> result, Throwable cause) {
        result.completeExceptionally(classify(cause));
    }

    /** Maps a transport exception onto a failure kind. */
    static BackendFailure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BackendFailure f) return f;
            if (t instanceof UnknownHostException) {
                return new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", cause);
            }
            if (t instanceof ConnectException || t instanceof SSLException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")) {
                return new BackendFailure(BackendFailure.Kind.CONNECT_FAILED,
                        "There was an internal error while executing your request", cause);
            }
        }
        return new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "Invalid response from the integration endpoint",
                cause);
    }

    @Override public void close() {
        client.close();
    }

    /** Accumulates a body into as few copies as possible. Event-loop confined. */
    private static final class BodyCollector {
        private final long max;
        private byte[] buf;
        private int size;

        BodyCollector(long declared, long max) {
            this.max = max;
            this.buf = new byte[declared >= 0 ? (int) declared : 8 * 1024];
        }

        boolean append(Buffer chunk) {
            int n = chunk.length();
            if (size + (long) n > max) return false;
            if (size + n > buf.length) {
                long grown = Math.min(max, Math.max((long) buf.length * 2, size + (long) n));
                buf = java.util.Arrays.copyOf(buf, (int) grown);
            }
            chunk.getBytes(0, n, buf, size);
            size += n;
            return true;
        }

        byte[] bytes() {
            return size == buf.length ? buf : java.util.Arrays.copyOf(buf, size);
        }
    }
}
