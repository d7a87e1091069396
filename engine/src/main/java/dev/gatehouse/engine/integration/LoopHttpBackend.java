package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLException;

/**
 * An {@link HttpBackend} bound to one Vert.x event loop: its own pooled keep-alive client, every exchange
 * started on that loop ({@code context.runOnContext}) while the calling virtual thread parks until it ends.
 * The server creates one per event loop, so a request's inbound and backend connections share a loop.
 *
 * <p>The timeout covers the whole exchange (connect, send, full response body); on expiry the request is reset.
 * Bodies are collected into one exact-size array when {@code Content-Length} is known. Thread-safe.
 */
public final class VertxHttpBackend implements HttpBackend, AutoCloseable {

    private final Vertx vertx;
    private final Context context;
    private final HttpClientAgent client;
    /** this loop's connections to backends; confined to {@link #context}'s loop */
    private final LoopConnectionPool connections;
    /** this loop's exchanges by deadline, one timer for all; confined to {@link #context}'s loop */
    private final ExchangeDeadlines deadlines;
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
        // only connect() is used: LoopConnectionPool keeps the connections, its own limit per backend
        this.client = vertx.createHttpClient(http);
        this.connections = new LoopConnectionPool(vertx, client, options.maxConnectionsPerBackend(),
                options.connectTimeout().toMillis(), options.keepAliveTimeout().toMillis());
        this.deadlines = new ExchangeDeadlines(vertx);
    }

    @Override public BackendResponse exchange(BackendRequest request) {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException("exchange() would block an event loop");
        String host = request.uri().getHost();
        if (host == null || host.isEmpty()) {
            // an endpoint built from an unset stage variable (http://${stageVariables.host}/…): AWS fails it at once
            throw new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", null);
        }
        Exchange exchange = new Exchange(request);
        context.runOnContext(exchange);
        return exchange.await();
    }

    /**
     * One exchange: started and driven on the event loop, awaited by the calling (virtual) thread, which parks until
     * {@link #finish} hands it the outcome. One object per request instead of a CompletableFuture, its completion
     * callbacks and a holder for the in-flight request (measured: bench/dataplane-profile.sh allocation per request).
     * Every field but {@link #outcome} is confined to the event loop.
     */
    private final class Exchange extends ExchangeDeadlines.Entry implements Handler<Void>, LoopConnectionPool.Lease {
        private final BackendRequest request;
        private final long startNanos = System.nanoTime();
        private final Thread waiter = Thread.currentThread();
        /** the BackendResponse or BackendFailure; set once, on the event loop */
        private volatile Object outcome;
        private RequestOptions options;
        private LoopConnectionPool.Connection connection;
        private HttpClientRequest inFlight;

        Exchange(BackendRequest request) {
            this.request = request;
        }

        /** Starts the exchange; on the event loop. */
        @Override public void handle(Void ignored) {
            try {
                // the deadline covers the whole exchange: on expiry the outcome is a timeout and the request is reset
                deadlines.add(this, request.timeout().toMillis());
                options = target(request.uri()).setMethod(HttpMethod.valueOf(request.method()));
                connections.acquire(new LoopConnectionPool.Key(options.getHost(), options.getPort(), options.isSsl()),
                        this);
            } catch (RuntimeException e) { // e.g. Vert.x refusing a URI without a host: fail now, never at the deadline
                finish(new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", e));
            }
        }

        @Override public void granted(LoopConnectionPool.Connection c) {
            connection = c;
            if (outcome != null) {
                giveBack(true);
                return;
            }
            c.http.request(options).onComplete(this::acquired);
        }

        @Override void expire() {
            if (finish(new BackendFailure(BackendFailure.Kind.TIMEOUT, "timeout", null))) abandon();
        }

        @Override public void failed(Throwable cause) {
            finish(classify(cause));
        }

        @Override public boolean cancelled() {
            return outcome != null;
        }

        /** Resets the request in flight, if any, and closes its connection: the exchange ended early. */
        private void abandon() {
            if (inFlight != null) inFlight.reset();
            giveBack(false);
        }

        /** Returns the connection to the pool once; {@code reusable} when the exchange ran to its end. */
        private void giveBack(boolean reusable) {
            LoopConnectionPool.Connection c = connection;
            if (c == null) return;
            connection = null;
            connections.release(c, reusable);
        }

        private void acquired(AsyncResult<HttpClientRequest> ar) {
            if (ar.failed()) {
                finish(classify(ar.cause()));
                giveBack(false);
                return;
            }
            HttpClientRequest req = ar.result();
            inFlight = req;
            if (outcome != null) {
                abandon();
                return;
            }
            request.headers().forEach((n, v) -> req.headers().add(WireHeaderNames.of(n), v));
            req.send(wrap(request.body())).onComplete(this::received);
        }

        private void received(AsyncResult<HttpClientResponse> ar) {
            if (ar.failed()) {
                finish(classify(ar.cause()));
                giveBack(false);
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
                tooLarge();
                return;
            }
            BodyCollector body = new BodyCollector(declared, maxBody);
            res.handler(chunk -> {
                if (outcome != null) return;
                if (!body.append(chunk)) tooLarge();
            });
            res.exceptionHandler(e -> {
                finish(classify(e));
                giveBack(false);
            });
            res.endHandler(v -> {
                Headers.Builder h = Headers.builder();
                res.headers().forEach(e -> h.add(e.getKey(), e.getValue()));
                long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                boolean whole = finish(new BackendResponse(res.statusCode(), h.build(), body.bytes(), latency));
                giveBack(whole && keepsAlive(res));
            });
        }

        private void tooLarge() {
            if (finish(new BackendFailure(BackendFailure.Kind.RESPONSE_TOO_LARGE,
                    "Integration response body exceeds the maximum payload size", null))) {
                abandon();
            }
        }

        /** Sets the outcome once and wakes the waiter; false when it was already set. On the event loop. */
        private boolean finish(Object result) {
            if (outcome != null) return false;
            outcome = result;
            deadlines.remove(this);
            LockSupport.unpark(waiter);
            return true;
        }

        /**
         * Parks until the outcome is set (untimed: the loop's {@link ExchangeDeadlines} sets it at the deadline; a timed
         * park would schedule and cancel a timer in the virtual-thread scheduler on every request). Closing the server
         * interrupts request threads: that ends the wait as a failed exchange, the interrupt kept.
         */
        BackendResponse await() {
            Object result;
            while ((result = outcome) == null) {
                LockSupport.park(this);
                if (Thread.currentThread().isInterrupted() && outcome == null) {
                    throw new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "interrupted", null);
                }
            }
            if (result instanceof BackendFailure f) throw f;
            return (BackendResponse) result;
        }
    }

    /** Whether the backend keeps the connection open after {@code res} (HTTP/1.1 unless it says close). */
    static boolean keepsAlive(HttpClientResponse res) {
        String connection = res.getHeader("Connection");
        if (res.version() == io.vertx.core.http.HttpVersion.HTTP_1_0) {
            return connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
        }
        return connection == null || !connection.toLowerCase(java.util.Locale.ROOT).contains("close");
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
        context.runOnContext(v -> {
            deadlines.close();
            connections.close();
        });
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
