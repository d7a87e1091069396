package dev.gatehouse.engine.integration;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A loopback backend for the CPU runners ({@link ExchangeCpuRunner}, {@code server.ProxyCpuRunner}): one Netty loop
 * (thread "bench-backend", which the runners leave out of their counts) answering every request, once read whole,
 * with the bytes bench/dataplane.sh's nginx sends. Test sources only; not run by surefire.
 */
public final class NginxLikeBackend implements AutoCloseable {

    private static final byte[] NGINX_RESPONSE = ("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
            + "Date: Wed, 02 Dec 2026 14:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 27\r\n"
            + "Connection: keep-alive\r\n\r\n{\"message\":\"hello\",\"id\":42}").getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup loop;
    private final Channel channel;

    private NginxLikeBackend(EventLoopGroup loop, Channel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    /** Binds 127.0.0.1 on a free port. */
    public static NginxLikeBackend start() throws InterruptedException {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, (ThreadFactory) r -> new Thread(r, "bench-backend"),
                NioIoHandler.newFactory());
        Channel channel = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpRequestDecoder(), new Answer()); // raw bytes out, as nginx writes them
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return new NginxLikeBackend(loop, channel);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override public void close() throws InterruptedException {
        channel.close().sync();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Answers every request with nginx's bytes once it has been read whole. */
    private static final class Answer extends ChannelInboundHandlerAdapter {
        private static final ByteBuf ANSWER = Unpooled.unreleasableBuffer(
                Unpooled.directBuffer(NGINX_RESPONSE.length).writeBytes(NGINX_RESPONSE));

        @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) ctx.writeAndFlush(ANSWER.duplicate());
        }
    }
}
