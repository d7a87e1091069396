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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A response the HTTP layer refuses to send (a header value with a control character, as a mapping could produce)
 * is answered with AWS's bare 500 instead of leaving the client waiting, and the server goes on serving — whether
 * the request ran on its event loop or on a virtual thread.
 */
class ResponseWriteFailureTest {

    private DataPlaneServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close(Duration.ofSeconds(1));
    }

    private static RequestHandler plan(Waiting waiting) {
        return new RequestHandler() {
            @Override public GatewayResponse handle(GatewayRequest request, RequestContext context) {
                Headers.Builder h = Headers.builder().set("Content-Type", "text/plain");
                if (request.rawPath().equals("/bad")) h.set("X-Mapped", "line one\u0000line two");
                return GatewayResponse.of(200, h.build(), "fine");
            }

            @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
                return waiting;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = Waiting.class, names = {"NONE", "BLOCKING"})
    void aResponseWithAnUnsendableHeaderBecomesA500AndTheServerGoesOn(Waiting waiting) throws Exception {
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0).withEventLoops(1), () -> plan(waiting),
                GatewayEventListener.NONE, Threading.AUTO);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/bad"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(500);
            assertThat(bad.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(bad.headers().firstValue("X-Mapped")).isEmpty();
            assertThat(bad.headers().firstValue("x-amzn-RequestId")).isPresent();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> good = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/good"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(good.statusCode()).isEqualTo(200);
                assertThat(good.body()).isEqualTo("fine");
            }
        }
    }
}
