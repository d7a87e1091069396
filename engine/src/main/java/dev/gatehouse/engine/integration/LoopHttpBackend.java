package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * An {@link HttpBackend} bound to one event loop, speaking HTTP/1.1 with Netty's codec on that loop's own Netty
 * channels ({@link BackendChannels}, pooled by {@link LoopConnectionPool}): every exchange is started on the loop
 * ({@link LoopTasks#execute}: without a wake-up when the caller is a thread the loop carries) while the calling
 * virtual thread parks until it ends. The server creates one per event loop, so a request's inbound and backend
 * connections share a loop. Vert.x's HTTP client did this before; going to
 * Netty's codec directly drops its request and response objects, futures and header multimap per exchange
 * (BENCHMARKS.md has the figures, measured with {@code ProxyCpuRunner}).
 *
 * <p>On the wire a request is what Vert.x 5.0.7's client sent: the request line with the URI's raw path and query,
 * the given headers in order, {@code content-length} (also {@code 0} for an empty body) and {@code host} (the URI's
 * host, with the port unless it is the scheme's default). The timeout covers the whole exchange (connect, send, full
 * response body); on expiry the connection is closed. 1xx interim responses are skipped; the body is collected into
 * one exact-size array when {@code Content-Length} is known. Thread-safe.
 */
public final class LoopHttpBackend implements HttpBackend, AutoCloseable {

    private static final byte[] EMPTY = new byte[0];
    private static final String ZERO = "0";
    /** Netty's validation of names and values: a CR or LF mapped into a header never reaches the wire */
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory();
    private static final int MAX_NAMES = 256;
    private static final int MAX_NAME_LENGTH = 64;

    private final EventLoop loop;
    /** this loop's connections to backends; confined to {@link #loop} */
    private final LoopConnectionPool connections;
    /** this loop's exchanges by deadline, one timer for all; confined to {@link #loop} */
    private final ExchangeDeadlines deadlines;
    private final long maxBody;
    /**
     * Response header names as Strings by the decoder's AsciiString (hashed once, compared case-sensitively: casing
     * kept), so the names every response repeats are not copied into a new String each time; bounded. Confined to
     * {@link #loop}.
     */
    private final HashMap<AsciiString, String> responseNames = new HashMap<>();
    /** the last request URI and its target: a route without placeholders sends every request to one parsed URI */
    private URI lastUri;
    private Target lastTarget;
    /** encodes backend requests; confined to {@link #loop} */
    private final BackendRequestBytes requestBytes = new BackendRequestBytes();

    /** Creates the client for {@code context}'s event loop (an event-loop context); https with the JDK's trust. */
    public LoopHttpBackend(Vertx vertx, Context context, BackendOptions options) {
        this(vertx, context, options, null);
    }

    /** As above, trusting {@code trust} for https backends (tests: a local certificate); null: the JDK's default. */
    LoopHttpBackend(Vertx vertx, Context context, BackendOptions options, TrustManagerFactory trust) {
        this.loop = ((ContextInternal) context).nettyEventLoop();
        this.maxBody = options.maxResponseBodyBytes();
        BackendChannels channels = new BackendChannels(vertx, loop, options.connectTimeout().toMillis(), trust);
        this.connections = new LoopConnectionPool(loop, channels, options.maxConnectionsPerBackend(),
                options.keepAliveTimeout().toMillis());
        this.deadlines = new ExchangeDeadlines(loop);
    }

    @Override public BackendResponse exchange(BackendRequest request) {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException("exchange() would block an event loop");
        String host = request.uri().getHost();
        if (host == null || host.isEmpty()) {
            // an endpoint built from an unset stage variable (http://${stageVariables.host}/…): AWS fails it at once
            throw new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", null);
        }
        Exchange exchange = new Exchange(request);
        try {
            LoopTasks.execute(loop, exchange); // no wake-up when the caller is a virtual thread this loop carries
        } catch (RejectedExecutionException closing) {
            throw new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "the backend client is closed", closing);
        }
        return exchange.await();
    }

    /**
     * One exchange: started and driven on the event loop, awaited by the calling (virtual) thread, which parks until
     * {@link #finish} hands it the outcome. One object per request: the deadline entry, the pool lease, the receiver
     * of the response and the body collector in one. Every field but {@link #outcome} is confined to the event loop.
     */
    private final class Exchange extends ExchangeDeadlines.Entry
            implements Runnable, LoopConnectionPool.Lease, LoopConnectionPool.Receiver {
        private final BackendRequest request;
        private final long startNanos = System.nanoTime();
        private final Thread waiter = Thread.currentThread();
        /** the BackendResponse or BackendFailure; set once, on the event loop */
        private volatile Object outcome;
        private Target target;
        private LoopConnectionPool.Connection connection;
        /** the final response's head once it arrived */
        private HttpResponse head;
        /** within an interim (1xx) response, whose end the decoder reports like a body's */
        private boolean interim;
        private byte[] body;
        private int size;

        Exchange(BackendRequest request) {
            this.request = request;
        }

        /** Starts the exchange; on the event loop. */
        @Override public void run() {
            try {
                // the deadline covers the whole exchange: on expiry the outcome is a timeout and the connection closed
                deadlines.add(this, request.timeout().toMillis());
                target = targetOf(request.uri());
                connections.acquire(target.key(), this);
            } catch (RuntimeException e) { // e.g. a scheme other than http(s): fail now, never at the deadline
                finish(new BackendFailure(BackendFailure.Kind.CONNECT_FAILED, "Invalid endpoint address", e));
            }
        }

        @Override public void granted(LoopConnectionPool.Connection c) {
            connection = c;
            if (outcome != null) {
                giveBack(true);
                return;
            }
            if (c.closed || !c.channel.isActive()) { // closed by the backend before its close was seen
                failed(new ClosedChannelException());
                return;
            }
            try {
                // written as bytes past Netty's encoder (BackendRequestBytes), or by it for what those do not cover;
                // a failed write fails the channel: failed()
                HttpMethod method = HttpMethod.valueOf(request.method());
                ByteBuf encoded = c.codec == null ? null : requestBytes.encode(c.channel.alloc(), method, target.uri(),
                        request.headers(), target.authority(), request.body());
                c.receiver = this;
                if (encoded != null) {
                    byte[] body = request.body();
                    ByteBuf large = body.length > BackendRequestBytes.COPY_BODY_LIMIT ? Unpooled.wrappedBuffer(body) : null;
                    ((BackendCodec) c.codec.handler()).writeEncoded(c.codec, method, encoded, large);
                } else {
                    c.channel.writeAndFlush(nettyMessage(request, target), c.channel.voidPromise());
                }
            } catch (IllegalArgumentException invalid) { // a header name or value HTTP cannot carry (CR, LF...)
                c.receiver = null;
                finish(new BackendFailure(BackendFailure.Kind.CONNECT_FAILED,
                        "The integration request has a header or method HTTP cannot carry", invalid));
                giveBack(true);
            }
        }

        @Override public void received(HttpObject message) {
            if (outcome != null) return; // abandoned: the connection is closing
            DecoderResult result = message.decoderResult();
            if (result.isFailure()) { // not HTTP, too long a header, a body cut short by a close
                failed(result.cause());
                return;
            }
            if (message instanceof HttpResponse response && !begin(response)) return;
            if (message instanceof HttpContent content) {
                boolean last = message instanceof LastHttpContent;
                if (interim) {
                    interim = !last;
                    return;
                }
                if (head == null) { // the codec sends a head first; anything else is not a response
                    failed(new IllegalStateException("response content before its head"));
                    return;
                }
                if (!append(content.content())) {
                    tooLarge();
                    return;
                }
                if (last) complete();
            }
        }

        /** A response head: an interim one is skipped, a final one sizes the body; false when the exchange ended. */
        private boolean begin(HttpResponse response) {
            int status = response.status().code();
            if (status >= 100 && status < 200 && status != 101) {
                interim = true;
                return true;
            }
            head = response;
            long declared = declaredLength(response);
            if (declared > maxBody) {
                tooLarge();
                return false;
            }
            boolean none = status == 204 || status == 304 || "HEAD".equals(request.method());
            body = none || declared == 0 ? EMPTY : new byte[declared > 0 ? (int) declared : 8 * 1024];
            return true;
        }

        /** Adds {@code chunk} to the body; false when that would pass the maximum. */
        private boolean append(ByteBuf chunk) {
            int n = chunk.readableBytes();
            if (n == 0) return true;
            if (size + (long) n > maxBody) return false;
            if (size + n > body.length) {
                long grown = Math.min(maxBody, Math.max((long) body.length * 2, size + (long) n));
                body = Arrays.copyOf(body, (int) grown);
            }
            chunk.getBytes(chunk.readerIndex(), body, size, n);
            size += n;
            return true;
        }

        private void complete() {
            Headers.Builder h = Headers.builder();
            Iterator<Map.Entry<CharSequence, CharSequence>> it = head.headers().iteratorCharSequence();
            while (it.hasNext()) {
                Map.Entry<CharSequence, CharSequence> e = it.next();
                h.add(responseName(e.getKey()), e.getValue().toString());
            }
            byte[] bytes = size == body.length ? body : Arrays.copyOf(body, size);
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            boolean whole = finish(new BackendResponse(head.status().code(), h.build(), bytes, latency));
            giveBack(whole && keepsAlive(head));
        }

        @Override public void closed() {
            // a body read to the connection's end was completed by the decoder's last message before this
            finish(new BackendFailure(BackendFailure.Kind.PROTOCOL_ERROR, "Invalid response from the integration endpoint",
                    new ClosedChannelException()));
            giveBack(false);
        }

        @Override void expire() {
            if (finish(new BackendFailure(BackendFailure.Kind.TIMEOUT, "timeout", null))) giveBack(false);
        }

        @Override public void failed(Throwable cause) {
            finish(classify(cause));
            giveBack(false);
        }

        @Override public boolean cancelled() {
            return outcome != null;
        }

        private void tooLarge() {
            if (finish(new BackendFailure(BackendFailure.Kind.RESPONSE_TOO_LARGE,
                    "Integration response body exceeds the maximum payload size", null))) {
                giveBack(false);
            }
        }

        /**
         * Returns the connection to the pool once; {@code reusable} when the exchange ran to its end, else it is
         * closed (a reset: the backend may still be sending).
         */
        private void giveBack(boolean reusable) {
            LoopConnectionPool.Connection c = connection;
            if (c == null) return;
            connection = null;
            if (c.receiver == this) c.receiver = null;
            connections.release(c, reusable);
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

    /**
     * The request as Vert.x's client wrote it (see the class comment), for Netty's encoder; the body wrapped, not
     * copied. {@link BackendRequestBytes} writes the same bytes without it for all but a few requests (see there).
     * IllegalArgumentException for a method, header name or value HTTP cannot carry.
     */
    static DefaultFullHttpRequest nettyMessage(BackendRequest request, Target target) {
        HttpHeaders h = HEADERS.newHeaders();
        request.headers().forEach((n, v) -> h.add(WireHeaderNames.of(n), v));
        byte[] bytes = request.body();
        if (!h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length == 0 ? ZERO : Integer.toString(bytes.length));
        }
        if (!h.contains(HttpHeaderNames.HOST)) h.set(HttpHeaderNames.HOST, target.authority());
        else h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        ByteBuf content = bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes);
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()), target.uri(),
                content, h, EmptyHttpHeaders.INSTANCE);
    }

    /** {@link #target}, reusing the last one for the same URI object; on the loop. */
    private Target targetOf(URI uri) {
        if (uri == lastUri) return lastTarget;
        Target t = target(uri);
        lastUri = uri;
        lastTarget = t;
        return t;
    }

    /** A response header name as a String, kept for the names that recur (see {@link #responseNames}); on the loop. */
    private String responseName(CharSequence name) {
        if (!(name instanceof AsciiString ascii)) return name.toString();
        String kept = responseNames.get(ascii);
        if (kept != null) return kept;
        String s = ascii.toString();
        if (ascii.length() <= MAX_NAME_LENGTH && responseNames.size() < MAX_NAMES) responseNames.put(ascii, s);
        return s;
    }

    /** The declared {@code Content-Length}, or -1 when there is none or it is not a number. */
    private static long declaredLength(HttpResponse response) {
        String length = response.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) return -1;
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException ignored) {
            return -1;
        }
    }

    /**
     * Whether the backend keeps the connection open after {@code res}: HTTP/1.1 unless it says close, HTTP/1.0 only
     * when it says keep-alive; never after 101 (the connection no longer speaks HTTP/1.1).
     */
    static boolean keepsAlive(HttpResponse res) {
        if (res.status().code() == 101) return false;
        String connection = res.headers().get(HttpHeaderNames.CONNECTION);
        if (res.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive");
        }
        return connection == null || !connection.toLowerCase(Locale.ROOT).contains("close");
    }

    /**
     * Where a request goes: host, port, TLS, request target and the {@code Host} header's value.
     *
     * @param uri       the request target: raw path (an empty one sent as {@code /}) and raw query
     * @param authority the host, with {@code :port} unless it is the scheme's default
     * @param key       the pool's key for host, port and TLS
     */
    record Target(String host, int port, boolean ssl, String uri, String authority, LoopConnectionPool.Key key) {
        Target(String host, int port, boolean ssl, String uri, String authority) {
            this(host, port, ssl, uri, authority, new LoopConnectionPool.Key(host, port, ssl));
        }
    }

    /**
     * Host, port, TLS and request target of {@code uri}, exactly as Vert.x's {@code setAbsoluteURI} derived them
     * (default ports 80/443, an empty path sent as {@code /}), from the already parsed URI instead of a second parse
     * through {@code java.net.URL}. IllegalArgumentException for a scheme other than http/https.
     */
    static Target target(URI uri) {
        String scheme = uri.getScheme();
        boolean ssl;
        if ("http".equalsIgnoreCase(scheme)) ssl = false;
        else if ("https".equalsIgnoreCase(scheme)) ssl = true;
        else throw new IllegalArgumentException("scheme must be http or https: " + uri);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("no host: " + uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        String target = query == null ? path : path + "?" + query;
        if (path.isEmpty()) target = "/" + target;
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String authority = port == (ssl ? 443 : 80) ? host : host + ":" + port;
        return new Target(host, port, ssl, target, authority);
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

    /** Closes the idle connections and stops the timers; later exchanges fail. */
    @Override public void close() {
        try {
            loop.execute(() -> {
                deadlines.close();
                connections.close();
            });
        } catch (RejectedExecutionException alreadyStopped) {
            // the loop is shutting down: its channels close with it
        }
    }
}
