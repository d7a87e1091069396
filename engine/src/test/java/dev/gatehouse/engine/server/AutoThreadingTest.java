package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.pipeline.Waiting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Threading#AUTO} runs a request on its connection's event loop itself when the plan waits for nothing, on a
 * virtual thread carried by that loop when it waits only for the loop, and on the JDK's scheduler otherwise; the
 * handler answers with the name of the thread that ran it (Vert.x names its loops {@code vert.x-eventloop-thread-N},
 * the server names loop-carried request threads {@code gatehouse-loop-request-N}, the others
 * {@code gatehouse-request-N}).
 */
class AutoThreadingTest {

    private DataPlaneServer server;

    /** Waits for nothing under /inline, only for the event loop under /fast; anything else may block; /broken throws when asked. */
    private static final RequestHandler PLAN = new RequestHandler() {
        @Override public GatewayResponse handle(GatewayRequest request, RequestContext context) {
            return GatewayResponse.of(200, Headers.builder().set("Content-Type", "text/plain").build(),
                    Thread.currentThread().getName() + " virtual=" + Thread.currentThread().isVirtual());
        }

        @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
            if (request.rawPath().startsWith("/broken")) throw new IllegalStateException("cannot tell");
            if (request.rawPath().startsWith("/inline")) return Waiting.NONE;
            return request.rawPath().startsWith("/fast") ? Waiting.ON_EVENT_LOOP : Waiting.BLOCKING;
        }
    };

    @AfterEach
    void stop() {
        if (server != null) server.close(Duration.ofSeconds(1));
    }

    @Test
    void aRequestThatWaitsForNothingRunsOnItsEventLoopWithoutAThreadOfItsOwn() throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.AUTO);
        assertThat(get("/inline/x")).startsWith("vert.x-eventloop-thread-").endsWith("virtual=false");
    }

    @Test
    void aRequestThatWaitsOnlyForItsEventLoopRunsOnAVirtualThreadCarriedByThatLoop() throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.AUTO);
        assertThat(server.loopCarried()).as("AUTO needs --add-opens java.base/java.lang (the surefire argLine passes it)")
                .isTrue();
        assertThat(get("/fast/x")).startsWith("gatehouse-loop-request-").endsWith("virtual=true");
    }

    @Test
    void aRequestThatMayBlockRunsOnTheVirtualThreadScheduler() throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.AUTO);
        assertThat(get("/slow/x")).startsWith("gatehouse-request-").endsWith("virtual=true");
    }

    @Test
    void aPlanThatCannotTellIsTreatedAsBlocking() throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.AUTO);
        assertThat(get("/broken")).startsWith("gatehouse-request-");
    }

    @Test
    void virtualThreadingNeverUsesTheEventLoopAndLoopThreadingAlwaysDoes() throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.VIRTUAL);
        assertThat(get("/fast/x")).startsWith("gatehouse-request-");
        assertThat(get("/inline/x")).startsWith("gatehouse-request-");
        server.close(Duration.ofSeconds(1));
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0), () -> PLAN, GatewayEventListener.NONE, Threading.LOOP);
        assertThat(get("/slow/x")).startsWith("gatehouse-loop-request-");
        assertThat(get("/inline/x")).startsWith("gatehouse-loop-request-");
    }

    @Test
    void theDefaultThreadingIsAuto() {
        String before = System.getProperty(Threading.PROPERTY);
        try {
            System.clearProperty(Threading.PROPERTY);
            assertThat(Threading.fromSystemProperty()).isEqualTo(Threading.AUTO);
            System.setProperty(Threading.PROPERTY, "Virtual");
            assertThat(Threading.fromSystemProperty()).isEqualTo(Threading.VIRTUAL);
        } finally {
            if (before == null) System.clearProperty(Threading.PROPERTY);
            else System.setProperty(Threading.PROPERTY, before);
        }
    }

    private String get(String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }
}
