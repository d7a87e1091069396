package dev.gatehouse.engine.integration;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.List;

/**
 * The HTTP/1.1 codec of one backend connection: Netty's request encoder and response decoder, with the decoder told
 * whether the response it reads answers a HEAD.
 *
 * <p>Why not Netty's {@code HttpClientCodec}: it pairs each response with a request method from a queue, and takes a
 * method off that queue for every interim response but 100 and 101 — so a HEAD answered by "103 Early Hints" then
 * "200 OK" with a {@code Content-Length} lost its method at the 103 and waited for a body that never comes. A
 * backend connection here carries one request at a time ({@link LoopConnectionPool} leases it to one exchange), so
 * the method of the request written last is the one every response until the final one answers.
 *
 * <p>Confined to the connection's event loop, like every Netty handler.
 */
final class BackendCodec extends CombinedChannelDuplexHandler<BackendCodec.Decoder, BackendCodec.Encoder> {

    BackendCodec(int maxInitialLine, int maxHeaderSize, int maxChunkSize, int initialBufferSize) {
        Decoder decoder = new Decoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(maxInitialLine)
                .setMaxHeaderSize(maxHeaderSize)
                .setMaxChunkSize(maxChunkSize)
                .setInitialBufferSize(initialBufferSize));
        init(decoder, new Encoder(decoder));
    }

    /**
     * Writes a request already encoded ({@link BackendRequestBytes}) past the encoder, from this codec's place in
     * the pipeline (so through TLS when there is one), and tells the decoder the method its responses answer, as the
     * encoder does for the requests it encodes. {@code ctx} is this handler's context; on the event loop.
     */
    void writeEncoded(ChannelHandlerContext ctx, HttpMethod method, ByteBuf request, ByteBuf largeBody) {
        inboundHandler().answering = method;
        if (largeBody == null) {
            ctx.writeAndFlush(request, ctx.voidPromise());
        } else {
            ctx.write(request, ctx.voidPromise());
            ctx.writeAndFlush(largeBody, ctx.voidPromise());
        }
    }

    /** Records the method of each request it encodes on the decoder. */
    static final class Encoder extends HttpRequestEncoder {
        private final Decoder decoder;

        Encoder(Decoder decoder) {
            this.decoder = decoder;
        }

        @Override protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpRequest request) decoder.answering = request.method();
            super.encode(ctx, msg, out);
        }
    }

    /** A response decoder that knows the method its responses answer. */
    static final class Decoder extends HttpResponseDecoder {
        /** the method of the request written last; the connection carries one request at a time */
        private HttpMethod answering = HttpMethod.GET;

        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        /**
         * Interim responses, 204 and 304 as HTTP says (the superclass); a final response to HEAD has no body whatever
         * its Content-Length or Transfer-Encoding says (RFC 9110, section 9.3.2).
         */
        @Override protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            if (msg instanceof HttpResponse response && response.status().code() >= 200
                    && HttpMethod.HEAD.equals(answering)) {
                return true;
            }
            return super.isContentAlwaysEmpty(msg);
        }
    }
}
