package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.pipeline.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelOption;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Backend requests written without Netty's encoder are the bytes Netty's encoder writes for the same request. */
class BackendRequestBytesTest {

    private static final ByteBufAllocator ALLOC = VertxByteBufAllocator.POOLED_ALLOCATOR; // the backend channels'

    @Test
    void aProxiedGetIsTheRequestLineTheHeadersInOrderThenLengthAndHost() {
        BackendRequest request = new BackendRequest("GET", URI.create("http://127.0.0.1:18081/prod/hello?a=1"),
                Headers.of("User-Agent", "curl/8", "Accept", "*/*"), new byte[0], Duration.ofSeconds(29));

        String wire = new String(ours(request), StandardCharsets.ISO_8859_1);

        // RFC 9112 §3 and §5: request line, field lines, empty line; Vert.x's client added content-length then host
        assertThat(wire).isEqualTo("GET /prod/hello?a=1 HTTP/1.1\r\nUser-Agent: curl/8\r\nAccept: */*\r\n"
                + "content-length: 0\r\nhost: 127.0.0.1:18081\r\n\r\n");
    }

    @Test
    void aRequestWithATransferEncodingIsLeftToNettysEncoder() {
        BackendRequest request = new BackendRequest("POST", URI.create("http://h/p"),
                Headers.of("Transfer-Encoding", "chunked"), "abc".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1));
        assertThat(new BackendRequestBytes().encode(ALLOC, HttpMethod.POST, "/p", request.headers(), "h",
                request.body())).isNull();
    }

    @Test
    void aHeaderHttpCannotCarryIsRefusedAsNettyRefusesIt() {
        for (Headers bad : new Headers[] {Headers.of("X-A", "one\r\nX-Injected: 1"), Headers.of("X A", "1"),
            Headers.of("X-A", " leading space"), Headers.of("", "1")}) {
            BackendRequest request = new BackendRequest("GET", URI.create("http://h/p"), bad, null, Duration.ofSeconds(1));
            assertThatThrownBy(() -> netty(request)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ours(request)).as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Differential: random methods, targets, headers (repeated names, any case, non-ASCII values) and bodies. */
    @Test
    void writesTheBytesNettysEncoderWritesForRandomRequests() {
        String[] methods = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "PURGE"};
        String[] uris = {"http://h/", "http://h:8080/p/q?x=1&y=%20", "https://h/a%2Fb", "http://[::1]:9/p",
            "http://h/caf\u00e9?q=\u00fc", "http://h", "http://h?x=1", "http://h/\u20ac"};
        String[] names = {"Accept", "accept", "X-Amzn-Trace-Id", "User-Agent", "Content-Type", "Content-Length",
            "content-length", "Host", "HOST", "X-Long-Name-" + "x".repeat(40), "Cookie", "X-\u00e9"};
        String[] values = {"a", "application/json", "1.5", "caf\u00e9", "\u20ac uro", "x\ty", "ends space ", "\ud83d\ude00",
            "42", "k=v; other=w", "0"};
        Random random = new Random(23);
        for (int round = 0; round < 3_000; round++) {
            Headers.Builder h = Headers.builder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) h.add(names[random.nextInt(names.length)], values[random.nextInt(values.length)]);
            byte[] body = new byte[random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(3) * 50];
            random.nextBytes(body);
            BackendRequest request = new BackendRequest(methods[random.nextInt(methods.length)],
                    URI.create(uris[random.nextInt(uris.length)]), h.build(), body, Duration.ofSeconds(1));
            byte[] expected;
            try {
                expected = netty(request);
            } catch (IllegalArgumentException refused) {
                assertThatThrownBy(() -> ours(request)).as("%s", request.headers())
                        .isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            assertThat(ours(request)).as("%s %s", request, request.headers()).isEqualTo(expected);
        }
    }

    /** What went on the wire before: the request through the backend codec's encoder. */
    private static byte[] netty(BackendRequest request) {
        LoopHttpBackend.Target target = LoopHttpBackend.target(request.uri());
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setOption(ChannelOption.ALLOCATOR, ALLOC);
        channel.pipeline().addLast(new BackendCodec(4096, 64 * 1024, 8192, 128));
        try {
            channel.writeOutbound(LoopHttpBackend.nettyMessage(request, target));
            return drain(channel);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** The same request written by BackendRequestBytes, with a large body written after it as the backend does. */
    private static byte[] ours(BackendRequest request) {
        LoopHttpBackend.Target target = LoopHttpBackend.target(request.uri());
        ByteBuf buf = new BackendRequestBytes().encode(ALLOC, HttpMethod.valueOf(request.method()), target.uri(),
                request.headers(), target.authority(), request.body());
        assertThat(buf).isNotNull();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ByteBufUtil.getBytes(buf));
            if (request.body().length > BackendRequestBytes.COPY_BODY_LIMIT) out.writeBytes(request.body());
            return out.toByteArray();
        } finally {
            buf.release();
        }
    }

    private static byte[] drain(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            out.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out.toByteArray();
    }
}
