package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.pipeline.Headers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PfxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LoopHttpBackend} against backends that answer with scripted bytes: what goes on the wire (the same bytes as
 * Vert.x's client sent), and the response shapes a backend may send — chunked, read to the close, cut short, with
 * interim 1xx responses, without a body (HEAD, 204, 304), too large — and https with host-name verification.
 */
class LoopHttpBackendTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    private LoopHttpBackend client;

    @TempDir Path dir;

    @AfterEach
    void stop() throws Exception {
        if (client != null) client.close();
        for (AutoCloseable c : closing) c.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private LoopHttpBackend client(BackendOptions options, TrustManagerFactory trust) throws Exception {
        CompletableFuture<LoopHttpBackend> made = new CompletableFuture<>();
        Context loop = vertx.getOrCreateContext();
        loop.runOnContext(v -> made.complete(new LoopHttpBackend(vertx, loop, options, trust)));
        client = made.get(10, TimeUnit.SECONDS);
        return client;
    }

    private LoopHttpBackend client() throws Exception {
        return client(BackendOptions.DEFAULTS, null);
    }

    private static BackendRequest request(String method, String uri, Headers headers, String body) {
        return new BackendRequest(method, URI.create(uri), headers, body.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
    }

    private static BackendRequest get(String uri) {
        return request("GET", uri, Headers.empty(), "");
    }

    private static String text(BackendResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static BackendFailure.Kind failureOf(Runnable call) {
        try {
            call.run();
        } catch (BackendFailure f) {
            return f.kind();
        }
        throw new AssertionError("no BackendFailure");
    }

    @Test
    void theRequestOnTheWireHasTheSameBytesVertxsClientSent() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Headers headers = Headers.of("Content-Type", "application/json", "X-Amzn-Trace-Id", "Root=1-abc",
                "User-Agent", "AmazonAPIGateway_a1", "X-Many", "1", "X-Many", "2");
        String[][] cases = {
                {"POST", "http://127.0.0.1:" + backend.port() + "/a%20b/c?x=1&y=%2F", "{\"k\":\"é\"}"},
                {"GET", "http://127.0.0.1:" + backend.port(), ""},
                {"DELETE", "http://127.0.0.1:" + backend.port() + "/d?", ""}};
        HttpClientAgent vertxClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxHeaderSize(64 * 1024).setDecompressionSupported(false));
        for (String[] c : cases) {
            // as the Vert.x client was driven before: headers added one by one, the body sent with send(Buffer)
            URI uri = URI.create(c[1]);
            RequestOptions options = new RequestOptions().setAbsoluteURI(c[1]).setMethod(HttpMethod.valueOf(c[0]));
            vertxClient.request(options).compose(req -> {
                headers.forEach((n, v) -> req.headers().add(n, v));
                return req.send(LoopHttpBackend.wrap(c[2].getBytes(StandardCharsets.UTF_8)));
            }).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            String sentByVertx = backend.requests.getLast();
            client();
            client.exchange(new BackendRequest(c[0], uri, headers, c[2].getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5)));
            client.close();
            assertThat(backend.requests.getLast()).as(c[0] + " " + c[1]).isEqualTo(sentByVertx);
        }
        // what Vert.x's source (Http1xClientConnection.createRequest, HttpClientRequestImpl.write) adds, in its order
        assertThat(backend.requests.get(1)).startsWith("POST /a%20b/c?x=1&y=%2F HTTP/1.1\r\nContent-Type: "
                + "application/json\r\n").contains("X-Many: 1\r\nX-Many: 2\r\ncontent-length: 10\r\nhost: 127.0.0.1:"
                + backend.port() + "\r\n\r\n");
        assertThat(backend.requests.get(3)).isEqualTo("GET / HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "X-Amzn-Trace-Id: Root=1-abc\r\nUser-Agent: AmazonAPIGateway_a1\r\nX-Many: 1\r\nX-Many: 2\r\n"
                + "content-length: 0\r\nhost: 127.0.0.1:" + backend.port() + "\r\n\r\n");
        vertxClient.close();
    }

    @Test
    void theHostHeaderOmitsOnlyTheSchemesDefaultPort() {
        // Vert.x 5.0.7 HttpClientRequestBase.authority(): the host alone for 80 without TLS and 443 with it
        assertThat(LoopHttpBackend.target(URI.create("http://h/p")).authority()).isEqualTo("h");
        assertThat(LoopHttpBackend.target(URI.create("http://h:80/p")).authority()).isEqualTo("h");
        assertThat(LoopHttpBackend.target(URI.create("https://h:443")).authority()).isEqualTo("h");
        assertThat(LoopHttpBackend.target(URI.create("http://h:443/")).authority()).isEqualTo("h:443");
        assertThat(LoopHttpBackend.target(URI.create("https://h:80/")).authority()).isEqualTo("h:80");
        assertThat(LoopHttpBackend.target(URI.create("http://[::1]:8080/")).authority()).isEqualTo("[::1]:8080");
    }

    @Test
    void aChunkedResponseIsCollectedWholeAndItsConnectionKeptForTheNextRequest() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Up: 1\r\n\r\n"
                + "5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n");
        client();
        for (int i = 0; i < 3; i++) {
            BackendResponse r = client.exchange(get("http://127.0.0.1:" + backend.port() + "/c"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(text(r)).isEqualTo("hello, world");
            assertThat(r.headers().first("X-Up")).isEqualTo("1");
            assertThat(r.headers().first("Transfer-Encoding")).isEqualTo("chunked");
        }
        assertThat(backend.accepted.get()).isEqualTo(1);
    }

    @Test
    void responseHeaderNamesKeepTheCasingEachResponseSentThem() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\n" + (n.getAndIncrement() % 2 == 0 ? "X-Up" : "x-UP")
                + ": 1\r\ncontent-length: 0\r\n\r\n");
        client();
        for (String expected : new String[] {"X-Up", "x-UP", "X-Up", "x-UP"}) {
            assertThat(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")).headers().names())
                    .containsExactly(expected, "content-length");
        }
    }

    @Test
    void aBodyWithoutLengthIsReadUntilTheBackendClosesAndTheConnectionIsNotReused() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nto the end" + Scripted.CLOSE);
        client();
        assertThat(text(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")))).isEqualTo("to the end");
        assertThat(text(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")))).isEqualTo("to the end");
        assertThat(backend.accepted.get()).isEqualTo(2);
    }

    @Test
    void aBackendThatClosesInTheMiddleOfTheBodyIsAProtocolError() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part" + Scripted.CLOSE);
        client();
        assertThat(failureOf(() -> client.exchange(get("http://127.0.0.1:" + backend.port() + "/"))))
                .isEqualTo(BackendFailure.Kind.PROTOCOL_ERROR);
        Scripted chunked = scripted(req -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel" + Scripted.CLOSE);
        assertThat(failureOf(() -> client.exchange(get("http://127.0.0.1:" + chunked.port() + "/"))))
                .isEqualTo(BackendFailure.Kind.PROTOCOL_ERROR);
        Scripted headOnly = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Le" + Scripted.CLOSE);
        assertThat(failureOf(() -> client.exchange(get("http://127.0.0.1:" + headOnly.port() + "/"))))
                .isEqualTo(BackendFailure.Kind.PROTOCOL_ERROR);
    }

    @Test
    void interimResponsesAreSkippedAndTheFinalOneIsReturned() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone");
        client();
        for (int i = 0; i < 2; i++) {
            BackendResponse r = client.exchange(request("POST", "http://127.0.0.1:" + backend.port() + "/", Headers.empty(), "x"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(text(r)).isEqualTo("done");
            assertThat(r.headers().contains("Link")).isFalse();
        }
        assertThat(backend.accepted.get()).isEqualTo(1);
    }

    @Test
    void headAnd204And304ResponsesHaveNoBodyWhateverTheirLengthSays() throws Exception {
        Scripted backend = scripted(req -> {
            if (req.startsWith("HEAD")) return "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
            if (req.contains("/304")) return "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n";
            return "HTTP/1.1 204 No Content\r\n\r\n";
        });
        client();
        String base = "http://127.0.0.1:" + backend.port();
        BackendResponse head = client.exchange(request("HEAD", base + "/", Headers.empty(), ""));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().first("Content-Length")).isEqualTo("1234");
        BackendResponse none = client.exchange(request("DELETE", base + "/204", Headers.empty(), ""));
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        BackendResponse same = client.exchange(get(base + "/304"));
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(backend.accepted.get()).isEqualTo(1);
    }

    @Test
    void aHeadAnsweredWithEarlyHintsFirstStillHasNoBodyAndTheConnectionServesTheNextRequest() throws Exception {
        // Netty's HttpClientCodec paired the 103 with the HEAD and then read the 200's 1234 bytes as a body: a hang
        Scripted backend = scripted(req -> req.startsWith("HEAD")
                ? "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
        client();
        String base = "http://127.0.0.1:" + backend.port();
        for (int i = 0; i < 2; i++) {
            BackendResponse head = client.exchange(request("HEAD", base + "/", Headers.empty(), ""));
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().first("Content-Length")).isEqualTo("1234");
            assertThat(text(client.exchange(get(base + "/next")))).isEqualTo("next");
        }
        assertThat(backend.accepted.get()).isEqualTo(1);
    }

    @Test
    void anHttp10ResponseKeepsItsConnectionOnlyWhenItSaysKeepAlive() throws Exception {
        Scripted kept = scripted(req -> "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok");
        Scripted closed = scripted(req -> "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        client();
        for (int i = 0; i < 2; i++) {
            assertThat(text(client.exchange(get("http://127.0.0.1:" + kept.port() + "/")))).isEqualTo("ok");
            assertThat(text(client.exchange(get("http://127.0.0.1:" + closed.port() + "/")))).isEqualTo("ok");
        }
        assertThat(kept.accepted.get()).isEqualTo(1);
        assertThat(closed.accepted.get()).isEqualTo(2);
    }

    @Test
    void aResponseLargerThanTheLimitFailsByItsDeclaredLengthAndWhileBeingRead() throws Exception {
        Scripted declared = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789A");
        Scripted chunked = scripted(req -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\n012345\r\n5\r\n6789A\r\n0\r\n\r\n");
        client(BackendOptions.DEFAULTS.withMaxResponseBodyBytes(10), null);
        assertThat(failureOf(() -> client.exchange(get("http://127.0.0.1:" + declared.port() + "/"))))
                .isEqualTo(BackendFailure.Kind.RESPONSE_TOO_LARGE);
        assertThat(failureOf(() -> client.exchange(get("http://127.0.0.1:" + chunked.port() + "/"))))
                .isEqualTo(BackendFailure.Kind.RESPONSE_TOO_LARGE);
        Scripted fits = scripted(req -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\n012345\r\n4\r\n6789\r\n0\r\n\r\n");
        assertThat(text(client.exchange(get("http://127.0.0.1:" + fits.port() + "/")))).isEqualTo("0123456789");
    }

    @Test
    void aHeaderValueWithALineBreakFailsAtOnceAndNeverReachesTheWire() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        client();
        long start = System.nanoTime();
        BackendRequest injected = new BackendRequest("GET", URI.create("http://127.0.0.1:" + backend.port() + "/"),
                Headers.of("X-Mapped", "a\r\nX-Injected: 1"), new byte[0], Duration.ofSeconds(20));
        assertThat(failureOf(() -> client.exchange(injected))).isEqualTo(BackendFailure.Kind.CONNECT_FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")).status()).isEqualTo(200);
        assertThat(backend.requests).noneMatch(r -> r.contains("X-Injected"));
    }

    @Test
    void aBackendSpeakingOutOfTurnLosesItsConnectionAndTheNextRequestGetsAFreshOne() throws Exception {
        Scripted backend = scripted(req -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n"
                + "Content-Length: 5\r\n\r\nextra");
        client();
        assertThat(text(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")))).isEqualTo("ok");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (backend.open.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(text(client.exchange(get("http://127.0.0.1:" + backend.port() + "/")))).isEqualTo("ok");
        assertThat(backend.accepted.get()).isEqualTo(2);
    }

    @Test
    void aSecondAnswerInTheSameReadNeverReachesTheRequestWaitingForThatConnection() throws Exception {
        Scripted backend = scripted(req -> {
            if (req.startsWith("GET /second")) return "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond";
            try {
                Thread.sleep(300); // the second request queues for the only connection meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra";
        });
        client(new BackendOptions(1, Duration.ofSeconds(10), Duration.ofSeconds(60), BackendOptions.TEN_MB), null);
        String base = "http://127.0.0.1:" + backend.port();
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> first.complete(text(client.exchange(get(base + "/first")))));
        Thread.sleep(100);
        CompletableFuture<String> second = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                second.complete(text(client.exchange(get(base + "/second"))));
            } catch (RuntimeException e) {
                second.completeExceptionally(e);
            }
        });
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(backend.accepted.get()).as("the connection that answered twice is not reused").isEqualTo(2);
    }

    @Test
    void anHttpsBackendIsReachedWithItsCertificateTrustedAndHostVerified() throws Exception {
        Path store = keyStore("ip:127.0.0.1", "ok.p12");
        HttpServer https = httpsServer(store);
        client(BackendOptions.DEFAULTS, trusting(store));
        BackendResponse r = client.exchange(request("POST", "https://127.0.0.1:" + https.actualPort() + "/p?q=1",
                Headers.of("X-A", "1"), "body"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("POST /p?q=1 host=127.0.0.1:" + https.actualPort() + " body");
    }

    @Test
    void anHttpsBackendWhoseCertificateIsNotTrustedOrNamesAnotherHostFailsToConnect() throws Exception {
        Path selfSigned = keyStore("ip:127.0.0.1", "self.p12");
        HttpServer untrusted = httpsServer(selfSigned);
        client(); // the JDK's trust store: a self-signed certificate is not in it
        assertThat(failureOf(() -> client.exchange(get("https://127.0.0.1:" + untrusted.actualPort() + "/"))))
                .isEqualTo(BackendFailure.Kind.CONNECT_FAILED);
        client.close();
        Path elsewhere = keyStore("dns:elsewhere.example", "elsewhere.p12");
        HttpServer misnamed = httpsServer(elsewhere);
        client(BackendOptions.DEFAULTS, trusting(elsewhere)); // trusted, but not for 127.0.0.1
        assertThat(failureOf(() -> client.exchange(get("https://127.0.0.1:" + misnamed.actualPort() + "/"))))
                .isEqualTo(BackendFailure.Kind.CONNECT_FAILED);
    }

    // --- https helpers: a key pair made with the JDK's keytool, served by Vert.x

    private Path keyStore(String san, String name) throws Exception {
        Path file = dir.resolve(name);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "backend", "-dname", "CN=backend",
                "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "secret", "-keypass", "secret").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return file;
    }

    private static TrustManagerFactory trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    private HttpServer httpsServer(Path store) throws Exception {
        return vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(store.toString()).setPassword("secret")))
                .requestHandler(req -> req.body().onSuccess(b -> req.response().end(req.method() + " " + req.uri()
                        + " host=" + req.getHeader("Host") + " " + b.toString())))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // --- a backend answering scripted bytes

    private Scripted scripted(Function<String, String> answer) throws IOException {
        Scripted s = new Scripted(answer);
        closing.add(s);
        return s;
    }

    /**
     * Reads each request (head and Content-Length body), records it and writes {@code answer}'s bytes; an answer
     * ending in {@link #CLOSE} closes the connection after writing the rest.
     */
    static final class Scripted implements AutoCloseable {
        static final String CLOSE = "\u0000close";
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        private final ServerSocket server;
        private final Function<String, String> answer;

        Scripted(Function<String, String> answer) throws IOException {
            this.answer = answer;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String request = readRequest(in);
                    if (request == null) return;
                    requests.add(request);
                    String reply = answer.apply(request);
                    boolean close = reply.endsWith(CLOSE);
                    if (close) reply = reply.substring(0, reply.length() - CLOSE.length());
                    out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (close) return;
                }
            } catch (IOException e) {
                // the client closed
            } finally {
                open.decrementAndGet();
            }
        }

        /** One request's bytes as ISO-8859-1 text (head and body); null at the end of the stream. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int c;
            while (matched < 4) {
                c = in.read();
                if (c < 0) return null;
                head.write(c);
                matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : c == '\r' ? 1 : 0;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
            }
            return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }

        @Override public void close() throws IOException {
            server.close();
        }
    }
}
