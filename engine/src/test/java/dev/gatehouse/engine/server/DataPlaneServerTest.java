package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.integration.HttpProxyIntegration;
import dev.gatehouse.engine.integration.MockIntegration;
import dev.gatehouse.engine.integration.UriTemplate;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.Pipeline;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RoutingFilter;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataPlaneServerTest {

    private static TestBackend backend;
    private static int closedPort;
    private static DataPlaneServer server;
    private static PlanHolder plans;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        plans = new PlanHolder(handler(plan("v1")));
        server = DataPlaneServer.start(DataPlaneOptions.defaults(0).withEventLoops(2), plans, GatewayEventListener.NONE);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close(Duration.ofSeconds(1));
        backend.close();
        client.close();
    }

    static RequestHandler handler(RuntimePlan plan) {
        return new Pipeline(List.of(ErrorMappingFilter.INSTANCE, new RoutingFilter(plan)));
    }

    static RuntimePlan plan(String version) {
        String b = "http://127.0.0.1:" + backend.port();
        RouteTable<MethodPlan> routes = RouteTable.<MethodPlan>builder()
                .add("/proxy/{proxy+}", "ANY", proxy("/proxy/{proxy+}", b + "/{proxy}", 5000))
                .add("/slow", "GET", proxy("/slow", b + "/slow", 300))
                .add("/slowish", "GET", proxy("/slowish", b + "/slow", 5000))
                .add("/refused", "GET", proxy("/refused", "http://127.0.0.1:" + closedPort + "/x", 2000))
                .add("/garbage", "GET", proxy("/garbage", "http://127.0.0.1:" + backend.garbagePort() + "/x", 2000))
                .add("/mock", "GET", new MethodPlan("m", "/mock", "GET", "MOCK", List.of(
                        version(version), MockIntegration.INSTANCE)))
                .build();
        return new RuntimePlan(Map.of("a1", new ApiPlan("a1", null,
                Map.of("prod", new StagePlan("prod", "d-" + version, Map.of(), routes)))), null, null);
    }

    private static Filter version(String version) {
        return (request, chain) -> {
            GatewayResponse r = chain.proceed(request);
            return r.withHeaders(r.headers().toBuilder().set("X-Plan", version).build());
        };
    }

    private static MethodPlan proxy(String path, String uri, int timeoutMillis) {
        return new MethodPlan("r", path, "ANY", "HTTP_PROXY", List.of(new HttpProxyIntegration("ANY",
                UriTemplate.compile(uri), Duration.ofMillis(timeoutMillis), null)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpProxyPassesMethodPathQueryHeadersAndBodyThrough() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/prod/proxy/a%20b/c//d?x=1&x=2&y=%2F"))
                .header("X-Custom", "Hello").header("User-Agent", "tester/1")
                .PUT(HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("payload");
        var h = r.headers();
        assertThat(h.firstValue("X-Seen-Method")).hasValue("PUT");
        assertThat(h.firstValue("X-Seen-Path")).hasValue("/a%20b/c//d");
        assertThat(h.firstValue("X-Seen-Query")).hasValue("x=1&x=2&y=%2F");
        assertThat(h.firstValue("X-Seen-H-X-custom")).hasValue("Hello");
        assertThat(h.firstValue("X-Seen-H-User-agent")).hasValue("tester/1");
        assertThat(h.firstValue("X-Seen-H-X-amzn-apigateway-api-id")).hasValue("a1");
        assertThat(h.firstValue("X-Seen-H-X-amzn-trace-id").orElseThrow()).startsWith("Root=1-");
        assertThat(h.firstValue("x-amzn-RequestId").orElseThrow()).hasSize(36);
        assertThat(h.firstValue("x-amz-apigw-id")).isPresent();
    }

    @Test
    void unknownStagePathOrMethodGets403MissingAuthenticationToken() throws Exception {
        for (String path : List.of("/prod/nothing-here", "/dev/mock", "/", "/restapis/zzz/prod/_user_request_/mock")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        }
    }

    @Test
    void pathStyleAndHostStyleAddressingReachTheNamedApi() throws Exception {
        assertThat(get("/restapis/a1/prod/_user_request_/mock").statusCode()).isEqualTo(200);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /prod/mock HTTP/1.1\r\nHost: a1.execute-api.localhost:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void integrationTimeoutGets504WithAwsBody() throws Exception {
        // /slow answers 201 after 2 s and the method's timeout is 300 ms: a 504 proves the gateway gave up before the
        // backend answered, with no wall-clock bound to flake on a busy machine (the latency is bench/'s business)
        HttpResponse<String> r = get("/prod/slow");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @Test
    void refusedBackendGets500AndGarbageBackendGets502() throws Exception {
        HttpResponse<String> refused = get("/prod/refused");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        HttpResponse<String> garbage = get("/prod/garbage");
        assertThat(garbage.statusCode()).isEqualTo(502);
        assertThat(garbage.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void anElevenMegabyteBodyGets413AndTheConnectionStaysUsable() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/prod/proxy/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{\"message\":\"Request Too Large\"}");
        assertThat(get("/prod/mock").statusCode()).isEqualTo(200);
    }

    @Test
    void aNineMegabyteBodyMakesTheRoundTripIntact() throws Exception {
        byte[] body = new byte[9 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(body);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/prod/proxy/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void backendConnectionsAreKeptAliveAndReused() throws Exception {
        HttpClient oneConnection = HttpClient.newHttpClient();
        int before = backend.clientPorts.size();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = oneConnection.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/prod/proxy/k" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
        }
        assertThat(backend.clientPorts.size() - before).isLessThanOrEqualTo(1);
        oneConnection.close();
    }

    @Test
    void aSwappedPlanServesNewRequestsWhileInFlightOnesFinishOnTheirs() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RequestHandler old = plans.get();
        RequestHandler blocking = (request, ctx) -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return old.handle(request, ctx);
        };
        plans.swap(blocking);
        try {
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/prod/mock")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            plans.swap(handler(plan("v2")));
            assertThat(get("/prod/mock").headers().firstValue("X-Plan")).hasValue("v2");
            release.countDown();
            assertThat(inFlight.get(5, TimeUnit.SECONDS).headers().firstValue("X-Plan")).hasValue("v1");
        } finally {
            plans.swap(old);
        }
    }

    @Test
    void bodiesBeyondTheInFlightBudgetAreRefusedWith429() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RequestHandler holding = (request, ctx) -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GatewayResponse.of(200, Headers.empty(), "held " + request.body().length);
        };
        DataPlaneOptions small = DataPlaneOptions.defaults(0).withEventLoops(1).withMaxRequestBodyBytes(1_000_000)
                .withInFlightBodyBudget(1_500_000);
        try (DataPlaneServer tight = DataPlaneServer.start(small, () -> holding, GatewayEventListener.NONE)) {
            URI uri = URI.create(tight.baseUrl() + "/prod/x");
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[900_000])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[900_000])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("held 900000");
        }
    }

    @Test
    void aBackendResponseOverThePayloadLimitGets502() throws Exception {
        DataPlaneOptions o = DataPlaneOptions.defaults(0).withEventLoops(1)
                .withBackend(dev.gatehouse.engine.integration.BackendOptions.DEFAULTS.withMaxResponseBodyBytes(1000));
        try (DataPlaneServer limited = DataPlaneServer.start(o, () -> handler(plan("v1")), GatewayEventListener.NONE)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + "/prod/proxy/echo"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2000])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        }
    }

    @Test
    void gracefulShutdownLetsInFlightRequestsFinishAndThenRefusesConnections() throws Exception {
        DataPlaneServer own = DataPlaneServer.start(DataPlaneOptions.defaults(0).withEventLoops(1),
                () -> handler(plan("v1")), GatewayEventListener.NONE);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create(own.baseUrl() + "/prod/slowish")).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (own.inFlight() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        own.close(Duration.ofSeconds(5));
        assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", own.port()), 1000);
            throw new AssertionError("still accepting connections");
        } catch (java.net.ConnectException expected) {
            // refused: the listener is gone
        }
    }
}
