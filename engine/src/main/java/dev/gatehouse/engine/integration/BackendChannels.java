package dev.gatehouse.engine.integration;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import io.vertx.core.internal.VertxInternal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens HTTP/1.1 connections to backends on one Netty event loop, as Vert.x 5.0.7's HTTP client opened them before
 * (its transport's channel class, so NIO unless Vert.x runs a native transport; its name resolver and pooled
 * allocator; TCP_NODELAY and SO_REUSEADDR on; the connect timeout). The pipeline: TLS for {@code https}, Netty's
 * HTTP/1.1 request encoder and response decoder ({@link BackendCodec}) with Vert.x's limits (initial line 4 KB, headers 64 KB, chunks 8 KB, header validation on; no
 * decompression, no aggregation) and the caller's handler last.
 *
 * <p>TLS as Vert.x's client defaults gave it: the JDK's provider and default trust store, TLS 1.2 and 1.3, host name
 * verification ({@code HTTPS} endpoint identification, {@code verifyHost=true}), no ALPN; the engine is made with the
 * URI's host as its peer, so the JDK sends SNI for a host name (never for an IP literal); 10-second handshake timeout.
 *
 * <p>Confined to its event loop.
 */
final class BackendChannels {

    /** Vert.x's {@code HttpClientOptions} defaults, kept for the bytes on the wire to stay as they were. */
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_SIZE = 64 * 1024;
    private static final int MAX_CHUNK_SIZE = 8192;
    private static final int INITIAL_BUFFER_SIZE = 128;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    /** null: the JDK's default trust store */
    private final TrustManagerFactory trust;
    /** made at the first https connection (loading the trust store costs milliseconds) */
    private SslContext tls;

    /** {@code trust} null: the JDK's default trust store (tests pass one holding a local certificate). */
    BackendChannels(Vertx vertx, EventLoop loop, long connectTimeoutMillis, TrustManagerFactory trust) {
        VertxInternal v = (VertxInternal) vertx;
        this.loop = loop;
        this.trust = trust;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(v.transport().channelFactory(false))
                .resolver(v.nameResolver().nettyAddressResolverGroup())
                .option(ChannelOption.ALLOCATOR, VertxByteBufAllocator.POOLED_ALLOCATOR)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis));
    }

    /** The client TLS context Vert.x's {@code HttpClientOptions} defaults made (see the class comment). */
    static SslContext clientTls(TrustManagerFactory trust) throws SSLException {
        return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .trustManager(trust)
                .protocols("TLSv1.3", "TLSv1.2")
                .endpointIdentificationAlgorithm("HTTPS")
                .build();
    }

    /**
     * Connects to {@code key} with {@code handler} last in the pipeline; the future succeeds once the channel can carry
     * a request (after the TLS handshake for https) and fails with the connect, resolve or handshake error.
     */
    Future<Channel> connect(LoopConnectionPool.Key key, ChannelHandler handler) {
        Promise<Channel> ready = loop.newPromise();
        SslContext context;
        try {
            context = key.ssl() ? tls() : null;
        } catch (SSLException e) {
            return ready.setFailure(e);
        }
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override protected void initChannel(Channel ch) {
                ChannelPipeline p = ch.pipeline();
                if (context != null) {
                    SslHandler ssl = context.newHandler(ch.alloc(), key.host(), key.port());
                    ssl.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
                    p.addLast("ssl", ssl);
                }
                p.addLast("codec", new BackendCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE, INITIAL_BUFFER_SIZE));
                p.addLast("exchange", handler);
            }
        }).connect(address(key));
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                ready.tryFailure(done.cause());
                return;
            }
            Channel ch = connected.channel();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                ready.trySuccess(ch);
                return;
            }
            ssl.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    ready.trySuccess(ch);
                } else {
                    ready.tryFailure(handshake.cause());
                    ch.close();
                }
            });
        });
        return ready;
    }

    private SslContext tls() throws SSLException {
        if (tls == null) tls = clientTls(trust);
        return tls;
    }

    /** An IP literal as it is, a host name unresolved: Vert.x's resolver group resolves it on connect. */
    private static InetSocketAddress address(LoopConnectionPool.Key key) {
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(key.host());
        if (ip != null) {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(ip), key.port());
            } catch (UnknownHostException impossible) { // only for a wrong length, which the parser never returns
                throw new IllegalStateException(impossible);
            }
        }
        return InetSocketAddress.createUnresolved(key.host(), key.port());
    }
}
