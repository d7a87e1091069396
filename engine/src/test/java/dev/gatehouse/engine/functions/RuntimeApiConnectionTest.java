package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Runtime API's HTTP/1.1 (RFC 9112) read from and written to byte streams: the request shapes runtimes send
 * (Node's and Python's bootstraps, curl, AWS's Java runtime interface client) and the answers they read.
 */
class RuntimeApiConnectionTest {

    private static InputStream in(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPostWithContentLengthGivesItsBodyAndKeepsTheConnection() throws Exception {
        var out = new ByteArrayOutputStream();
        var r = RuntimeApiConnection.read(in("POST /2018-06-01/runtime/invocation/abc/response HTTP/1.1\r\n"
                + "Host: 127.0.0.1:9001\r\ncontent-length: 11\r\nContent-Type: application/json\r\n\r\n{\"a\":\"bcd\"}"),
                out, 100);

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/2018-06-01/runtime/invocation/abc/response");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"bcd\"}");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.keepAlive()).isTrue();
        assertThat(r.bodyTruncated()).isFalse();
        assertThat(out.size()).isZero();
    }

    @Test
    void aChunkedBodyIsJoinedAndTheNextPipelinedRequestFollows() throws Exception {
        // chunks "Hello, " (7) and "world" (5), a chunk extension and a trailer field, then a GET on the same bytes
        InputStream stream = in("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\nHello, \r\n5;ext=1\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: h\r\n\r\n");
        var out = new ByteArrayOutputStream();

        var post = RuntimeApiConnection.read(stream, out, 100);
        var get = RuntimeApiConnection.read(stream, out, 100);

        assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("Hello, world");
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/2018-06-01/runtime/invocation/next");
        assertThat(get.body()).isEmpty();
        assertThat(RuntimeApiConnection.read(stream, out, 100)).as("end of the connection").isNull();
    }

    @Test
    void aClientExpectingContinueIsToldToSendItsBody() throws Exception {
        var out = new ByteArrayOutputStream();
        var r = RuntimeApiConnection.read(in("POST /r HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"),
                out, 100);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void aBodyOverTheLimitIsCutThereAndFlagged() throws Exception {
        var r = RuntimeApiConnection.read(in("POST /r HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789"),
                new ByteArrayOutputStream(), 4);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("0123");
        assertThat(r.bodyTruncated()).isTrue();
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() throws Exception {
        var out = new ByteArrayOutputStream();
        assertThat(RuntimeApiConnection.read(in("GET /a HTTP/1.1\r\nConnection: close\r\n\r\n"), out, 10).keepAlive()).isFalse();
        assertThat(RuntimeApiConnection.read(in("GET /a HTTP/1.0\r\n\r\n"), out, 10).keepAlive()).isFalse();
        assertThat(RuntimeApiConnection.read(in("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), out, 10).keepAlive()).isTrue();
    }

    @Test
    void aQueryIsNotPartOfThePath() throws Exception {
        var r = RuntimeApiConnection.read(in("GET /2018-06-01/runtime/invocation/next?x=1 HTTP/1.1\r\n\r\n"),
                new ByteArrayOutputStream(), 10);

        assertThat(r.path()).isEqualTo("/2018-06-01/runtime/invocation/next");
    }

    @Test
    void whatIsNotAnHttp1RequestIsABadRequestSayingWhy() {
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> RuntimeApiConnection.read(in("hello\r\n\r\n"), out, 10))
                .isInstanceOf(RuntimeApiConnection.BadRequest.class).hasMessage("Malformed request line: hello");
        assertThatThrownBy(() -> RuntimeApiConnection.read(in("GET / HTTP/2.0\r\n\r\n"), out, 10))
                .hasMessage("Unsupported protocol version: HTTP/2.0");
        assertThatThrownBy(() -> RuntimeApiConnection.read(in("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n"), out, 10))
                .hasMessage("Malformed Content-Length: x");
        assertThatThrownBy(() -> RuntimeApiConnection.read(in("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"), out, 10))
                .hasMessage("Connection closed inside the body (2 of 5 bytes)");
        assertThatThrownBy(() -> RuntimeApiConnection.read(in("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"), out, 10))
                .hasMessage("Malformed chunk size: zz");
    }

    @Test
    void anAnswerCarriesItsLengthItsHeadersAndCloseWhenTheConnectionEnds() throws Exception {
        var out = new ByteArrayOutputStream();
        RuntimeApiConnection.write(out, new RuntimeApiConnection.Response(202, "{\"status\":\"OK\"}"), true);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("HTTP/1.1 202 Accepted\r\n"
                + "Content-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");

        out.reset();
        RuntimeApiConnection.write(out, new RuntimeApiConnection.Response(200, "{}".getBytes(StandardCharsets.UTF_8))
                .header("Lambda-Runtime-Aws-Request-Id", "r-1"), false);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nLambda-Runtime-Aws-Request-Id: r-1\r\n"
                + "Connection: close\r\n\r\n{}");
    }
}
