package dev.gatehouse.engine.integration;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keep-alive HTTP/1.1 connections to backends for one event loop: at most {@code maxPerBackend} per host, port and
 * scheme, idle ones reused most-recent-first and closed after {@code keepAliveMillis}, requests beyond the limit
 * queued in arrival order. Written by hand because Vert.x's shared pool built a new Vert.x context for every request
 * it leased a connection to: 10–14% of a proxied request's CPU samples (bench/dataplane-profile.sh; BENCHMARKS.md,
 * "Quiet machine, 2026-12-03"); a pool confined to one loop needs no locks and no context.
 *
 * <p>Confined to its event loop: every method is called there, and connection events arrive there.
 */
final class LoopConnectionPool {

    /** One backend: host, port and whether TLS. */
    record Key(String host, int port, boolean ssl) { }

    /** One request waiting for a connection. */
    interface Lease {
        /** The connection is this lease's until {@link #release}; on the event loop. */
        void granted(Connection connection);

        /** No connection could be made; on the event loop. */
        void failed(Throwable cause);

        /** True once the request no longer wants a connection (timed out): skipped, or the connection goes back. */
        boolean cancelled();
    }

    /** A pooled connection and its bookkeeping. */
    static final class Connection {
        final HttpClientConnection http;
        final Key key;
        boolean closed;
        long idleSince;

        Connection(HttpClientConnection http, Key key) {
            this.http = http;
            this.key = key;
        }
    }

    private static final class Backend {
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        final ArrayDeque<Lease> waiting = new ArrayDeque<>();
        int open; // connected and connecting
    }

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final int maxPerBackend;
    private final long connectTimeoutMillis;
    private final long keepAliveMillis;
    private final Map<Key, Backend> backends = new HashMap<>();
    private long sweeper = -1;
    private boolean closed;

    LoopConnectionPool(Vertx vertx, HttpClientAgent client, int maxPerBackend, long connectTimeoutMillis,
                       long keepAliveMillis) {
        this.vertx = vertx;
        this.client = client;
        this.maxPerBackend = maxPerBackend;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Grants {@code lease} an idle connection, a new one, or the next one released. */
    void acquire(Key key, Lease lease) {
        if (closed) {
            lease.failed(new IllegalStateException("the backend client is closed"));
            return;
        }
        Backend b = backends.computeIfAbsent(key, k -> new Backend());
        Connection c;
        while ((c = b.idle.pollLast()) != null) {
            if (!c.closed) {
                lease.granted(c);
                return;
            }
        }
        if (b.open < maxPerBackend) connect(key, b, lease);
        else b.waiting.addLast(lease);
    }

    /**
     * Gives {@code c} back: to the oldest waiting request, else to the idle list; closes it instead when
     * {@code reusable} is false (a reset or unfinished exchange, a backend that asked to close).
     */
    void release(Connection c, boolean reusable) {
        if (c.closed) return;
        if (!reusable || closed) {
            c.http.close(); // its close handler does the accounting
            return;
        }
        Backend b = backends.get(c.key);
        Lease next;
        while ((next = b.waiting.pollFirst()) != null) {
            if (!next.cancelled()) {
                next.granted(c);
                return;
            }
        }
        c.idleSince = System.nanoTime();
        b.idle.addLast(c);
        if (sweeper == -1) sweeper = vertx.setPeriodic(Math.max(250, keepAliveMillis / 4), id -> closeExpired());
    }

    /** Closes every connection; later acquisitions fail. */
    void close() {
        closed = true;
        if (sweeper != -1) vertx.cancelTimer(sweeper);
        List<Connection> all = new ArrayList<>();
        backends.values().forEach(b -> all.addAll(b.idle));
        all.forEach(c -> c.http.close());
    }

    private void connect(Key key, Backend b, Lease lease) {
        b.open++;
        HttpConnectOptions options = new HttpConnectOptions().setHost(key.host()).setPort(key.port()).setSsl(key.ssl())
                .setConnectTimeout(connectTimeoutMillis);
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                b.open--;
                lease.failed(ar.cause());
                connectForWaiter(key, b);
                return;
            }
            Connection c = new Connection(ar.result(), key);
            c.http.closeHandler(v -> closed(b, c));
            if (lease.cancelled()) release(c, true);
            else lease.granted(c);
        });
    }

    private void closed(Backend b, Connection c) {
        if (c.closed) return;
        c.closed = true;
        b.open--;
        b.idle.remove(c);
        connectForWaiter(c.key, b);
    }

    /** A slot freed up: connect for the oldest request still waiting, if any. */
    private void connectForWaiter(Key key, Backend b) {
        Lease next;
        while (!closed && b.open < maxPerBackend && (next = b.waiting.pollFirst()) != null) {
            if (!next.cancelled()) {
                connect(key, b, next);
                return;
            }
        }
    }

    private void closeExpired() {
        long now = System.nanoTime();
        long limit = keepAliveMillis * 1_000_000L;
        boolean anyIdle = false;
        for (Backend b : backends.values()) {
            List<Connection> expired = new ArrayList<>();
            for (Connection c : b.idle) if (now - c.idleSince >= limit) expired.add(c);
            b.idle.removeAll(expired); // out of reach at once; their close handlers do the accounting
            expired.forEach(c -> c.http.close());
            anyIdle |= !b.idle.isEmpty();
        }
        if (!anyIdle && sweeper != -1) {
            vertx.cancelTimer(sweeper);
            sweeper = -1;
        }
    }
}
