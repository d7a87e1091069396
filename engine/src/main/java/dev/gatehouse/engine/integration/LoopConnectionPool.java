package dev.gatehouse.engine.integration;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to backends for one event loop: at most {@code maxPerBackend} per host, port and
 * scheme, idle ones reused most-recent-first and closed after {@code keepAliveMillis}, requests beyond the limit
 * queued in arrival order. Written by hand because Vert.x's shared pool built a new Vert.x context for every request
 * it leased a connection to: 10–14% of a proxied request's CPU samples (bench/dataplane-profile.sh; BENCHMARKS.md,
 * "Quiet machine, 2026-12-03"); a pool confined to one loop needs no locks and no context. The connections are Netty
 * channels opened by {@link BackendChannels}; each one's last handler is its {@link Connection}, which hands what
 * arrives to the exchange holding it.
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

    /** What a connection hands the exchange holding it; on the event loop. */
    interface Receiver {
        /** A response head or body part (decoder failures included); released after the call returns. */
        void received(HttpObject message);

        /** The channel closed (after any last message its decoder made of the bytes before the close). */
        void closed();

        /** The channel failed (a write, TLS); it is being closed. */
        void failed(Throwable cause);
    }

    /**
     * A pooled connection, its bookkeeping and the last handler of its channel's pipeline, which passes responses to
     * the {@link #receiver} of the moment; anything arriving while no exchange holds it closes it (a backend talking
     * out of turn cannot be trusted with the next request).
     */
    static final class Connection extends ChannelInboundHandlerAdapter {
        final Key key;
        /** set once connected */
        Channel channel;
        /** the exchange holding the connection, or null while idle or connecting */
        Receiver receiver;
        boolean closed;
        long idleSince;
        /** the HTTP codec's context in this connection's pipeline, to write encoded requests past its encoder */
        ChannelHandlerContext codec;

        Connection(Key key) {
            this.key = key;
        }

        @Override public void handlerAdded(ChannelHandlerContext ctx) {
            codec = ctx.pipeline().context(BackendCodec.class);
        }

        @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Receiver r = receiver;
            try {
                if (r != null && msg instanceof HttpObject m) r.received(m);
                else ctx.close();
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override public void channelInactive(ChannelHandlerContext ctx) {
            Receiver r = receiver;
            if (r != null) r.closed();
            ctx.fireChannelInactive();
        }

        @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Receiver r = receiver;
            if (r != null) r.failed(cause);
            ctx.close();
        }
    }

    private static final class Backend {
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        final ArrayDeque<Lease> waiting = new ArrayDeque<>();
        int open; // connected and connecting
    }

    private final EventLoop loop;
    private final BackendChannels channels;
    private final int maxPerBackend;
    private final long keepAliveMillis;
    private final Map<Key, Backend> backends = new HashMap<>();
    private ScheduledFuture<?> sweeper;
    private boolean closed;

    LoopConnectionPool(EventLoop loop, BackendChannels channels, int maxPerBackend, long keepAliveMillis) {
        this.loop = loop;
        this.channels = channels;
        this.maxPerBackend = maxPerBackend;
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
            c.channel.close(); // its close listener does the accounting
            return;
        }
        Backend b = backends.get(c.key);
        if (!b.waiting.isEmpty()) {
            // handed over in a task of its own, not from inside the read that ended the last response: whatever else
            // that read holds (a backend answering twice) then arrives while no exchange holds the connection, and
            // closes it, instead of reaching the next request as its response
            loop.execute(() -> handOver(c, b));
            return;
        }
        idle(c, b);
    }

    /** {@link #release}'s second half: the oldest waiting request gets {@code c}, else it goes idle. */
    private void handOver(Connection c, Backend b) {
        if (c.closed) return; // its close listener connects for a waiting request
        if (closed) {
            c.channel.close();
            return;
        }
        Lease next;
        while ((next = b.waiting.pollFirst()) != null) {
            if (!next.cancelled()) {
                next.granted(c);
                return;
            }
        }
        idle(c, b);
    }

    private void idle(Connection c, Backend b) {
        c.idleSince = System.nanoTime();
        b.idle.addLast(c);
        if (sweeper == null) {
            long period = Math.max(250, keepAliveMillis / 4);
            sweeper = loop.scheduleAtFixedRate(this::closeExpired, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes every connection; later acquisitions fail. */
    void close() {
        closed = true;
        if (sweeper != null) sweeper.cancel(false);
        sweeper = null;
        List<Connection> all = new ArrayList<>();
        backends.values().forEach(b -> all.addAll(b.idle));
        all.forEach(c -> c.channel.close());
    }

    private void connect(Key key, Backend b, Lease lease) {
        b.open++;
        Connection c = new Connection(key);
        channels.connect(key, c).addListener(done -> {
            if (!done.isSuccess()) {
                b.open--;
                lease.failed(done.cause());
                connectForWaiter(key, b);
                return;
            }
            c.channel = (Channel) done.getNow();
            c.channel.closeFuture().addListener(v -> closed(b, c));
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
            b.idle.removeAll(expired); // out of reach at once; their close listeners do the accounting
            expired.forEach(c -> c.channel.close());
            anyIdle |= !b.idle.isEmpty();
        }
        if (!anyIdle && sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
    }
}
