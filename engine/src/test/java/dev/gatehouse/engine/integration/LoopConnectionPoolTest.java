package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.pipeline.Headers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend connections of one event loop ({@link LoopConnectionPool} behind {@link LoopHttpBackend}), seen from
 * a real HTTP backend that counts the TCP connections it accepts: kept alive and reused, never more than the limit
 * at once, not reused after {@code Connection: close} or an abandoned exchange, closed once idle past keep-alive.
 */
class LoopConnectionPoolTest {

    private Vertx vertx;
    private HttpServer backend;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private LoopHttpBackend client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        backend = vertx.createHttpServer()
                .connectionHandler(c -> {
                    accepted.incrementAndGet();
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    c.closeHandler(v -> open.decrementAndGet());
                })
                .requestHandler(req -> {
                    switch (req.path()) {
                        case "/slow" -> vertx.setTimer(150, id -> req.response().end("slow"));
                        case "/close" -> req.response().putHeader("Connection", "close").end("bye");
                        case "/hang" -> { } // never answers
                        default -> req.response().end("ok");
                    }
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void client(int maxPerBackend, Duration keepAlive) throws Exception {
        CompletableFuture<LoopHttpBackend> made = new CompletableFuture<>();
        Context loop = vertx.getOrCreateContext();
        loop.runOnContext(v -> made.complete(new LoopHttpBackend(vertx, loop,
                new BackendOptions(maxPerBackend, Duration.ofSeconds(2), keepAlive, BackendOptions.TEN_MB))));
        client = made.get(10, TimeUnit.SECONDS);
    }

    private BackendResponse get(String path, Duration timeout) {
        return client.exchange(new BackendRequest("GET",
                URI.create("http://127.0.0.1:" + backend.actualPort() + path), Headers.empty(), new byte[0], timeout));
    }

    @Test
    void requestsOneAfterAnotherShareOneKeptAliveConnection() throws Exception {
        client(4, Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) assertThat(new String(get("/", Duration.ofSeconds(5)).body())).isEqualTo("ok");
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsNeverOpenMoreThanTheLimitAndAllFinish() throws Exception {
        client(2, Duration.ofSeconds(30));
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<BackendResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) answers.add(callers.submit(() -> get("/slow", Duration.ofSeconds(10))));
            for (Future<BackendResponse> f : answers) assertThat(new String(f.get(20, TimeUnit.SECONDS).body())).isEqualTo("slow");
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostOpen.get()).isEqualTo(2);
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aConnectionTheBackendClosesIsNotReused() throws Exception {
        client(4, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) assertThat(new String(get("/close", Duration.ofSeconds(5)).body())).isEqualTo("bye");
        assertThat(accepted.get()).isEqualTo(3);
    }

    @Test
    void aTimedOutExchangeClosesItsConnectionAndTheNextRequestGetsAFreshOne() throws Exception {
        client(1, Duration.ofSeconds(30));
        assertThatThrownBy(() -> get("/hang", Duration.ofMillis(200))).isInstanceOf(BackendFailure.class)
                .satisfies(e -> assertThat(((BackendFailure) e).kind()).isEqualTo(BackendFailure.Kind.TIMEOUT));
        assertThat(new String(get("/", Duration.ofSeconds(5)).body())).isEqualTo("ok");
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionIsClosedAfterTheKeepAliveTimeout() throws Exception {
        client(4, Duration.ofMillis(300));
        get("/", Duration.ofSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (open.get() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(open.get()).as("connections the backend still has open").isZero();
        get("/", Duration.ofSeconds(5));
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void anUnreachableBackendFailsAsAConnectFailure() throws Exception {
        client(4, Duration.ofSeconds(30));
        // a port this test holds bound but never listens on: refused for certain (a closed server's freed port could
        // be taken by another process between the close and the connect)
        try (java.net.Socket held = new java.net.Socket()) {
            held.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = held.getLocalPort();
            assertThatThrownBy(() -> client.exchange(new BackendRequest("GET", URI.create("http://127.0.0.1:" + port + "/"),
                    Headers.empty(), new byte[0], Duration.ofSeconds(5)))).isInstanceOf(BackendFailure.class)
                    .satisfies(e -> assertThat(((BackendFailure) e).kind()).isEqualTo(BackendFailure.Kind.CONNECT_FAILED));
        }
    }
}
