package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.proxy;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.workspace.Edit;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each integration type and each gateway response we can trigger, through stages deployed with the
 * {@code Gateway} facade and served on real HTTP, against a real local backend.
 */
class DataPlaneEndToEndTest {

    private static final int MB = 1024 * 1024;

    @TempDir static Path dir;
    private static LocalBackend backend;
    private static GatewayHarness gh;
    private static ApiDefinition shop;
    private static ApiDefinition other;

    @BeforeAll
    static void deployTwoApisAndTwoDomains() throws Exception {
        backend = new LocalBackend();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String b = backend.baseUrl();
        gh = new GatewayHarness(dir);
        shop = gh.createApi("shop", api -> {
            ApiDefinition a = withMethod(api, "/mock", mock("{\"ok\":true,\"stage\":\"$context.stage\",\"flavour\":\"$stageVariables.flavour\"}"));
            a = withMethod(a, "/items/{id}", Method.of("GET")
                    .withRequestParameters(Map.of("method.request.path.id", true, "method.request.querystring.search", false))
                    .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                    .withIntegration(Integration.of(IntegrationType.HTTP, "GET", b + "/items/{id}")
                            .withRequestParameters(Map.of(
                                    "integration.request.path.id", "method.request.path.id",
                                    "integration.request.querystring.q", "method.request.querystring.search"))
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")))));
            a = withMethod(a, "/proxy/{proxy+}", proxy(b + "/{proxy}", 5000));
            Method tagged = proxy(b + "/tagged/{proxy}", 5000);
            a = withMethod(a, "/tagged/{proxy+}", tagged.withIntegration(tagged.methodIntegration().withRequestParameters(Map.of(
                    "integration.request.path.proxy", "method.request.path.proxy",
                    "integration.request.header.X-Tag", "'from-mapping'"))));
            a = withMethod(a, "/slow", proxy(b + "/slow", 100).withRequestParameters(Map.of()));
            a = withMethod(a, "/down", proxy("http://127.0.0.1:" + closedPort + "/x", 2000).withRequestParameters(Map.of()));
            return a;
        });
        other = gh.createApi("other", api -> withMethod(api, "/whoami", mock("{\"api\":\"other\"}")));
        gh.gateway.history().apply(Edit.setDefaultApi(shop.id()));
        gh.gateway.deploy(shop.id(), "prod", "first", Map.of("flavour", "vanilla"));
        gh.gateway.deploy(other.id(), "live", "first");
        gh.gateway.history().apply(Edit.putDomainName(domain("api.example.test",
                new DomainName.BasePathMapping("v1", other.id(), "live"))));
        gh.gateway.history().apply(Edit.putDomainName(domain("shop.example.test",
                new DomainName.BasePathMapping("(none)", shop.id(), "prod"))));
    }

    @AfterAll
    static void stop() {
        if (gh != null) gh.close();
        if (backend != null) backend.close();
    }

    private static DomainName domain(String name, DomainName.BasePathMapping mapping) {
        return new DomainName(name, null, null, null, null, null, null, null, null, null, List.of(mapping));
    }

    @Test
    void mockMethodAnswersFromItsResponseTemplateWithStageVariables() throws Exception {
        try (Response r = gh.get("/prod/mock")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"ok\":true,\"stage\":\"prod\",\"flavour\":\"vanilla\"}");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("x-amzn-RequestId")).hasSize(36);
        }
    }

    @Test
    void httpIntegrationSubstitutesThePathParameterAndMapsOnlyTheMappedQueryParameter() throws Exception {
        try (Response r = gh.get("/prod/items/42?search=red%20shoes&unmapped=1")) {
            assertThat(r.code()).isEqualTo(200);
            String body = r.body().string();
            assertThat(body).contains("\"method\":\"GET\"", "\"path\":\"/items/42\"");
            assertThat(body).containsAnyOf("\"query\":\"q=red+shoes\"", "\"query\":\"q=red%20shoes\"");
        }
    }

    @Test
    void httpProxyPassesGreedyPathQueryMethodAndBodyThrough() throws Exception {
        try (Response r = gh.send("PUT", "/prod/proxy/a/b/c?x=1&y=two", "hello".getBytes(StandardCharsets.UTF_8),
                "text/plain")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("hello");
            assertThat(r.header("X-Seen-Method")).isEqualTo("PUT");
            assertThat(r.header("X-Seen-Path")).isEqualTo("/a/b/c");
            assertThat(r.header("X-Seen-Query")).isEqualTo("x=1&y=two");
            assertThat(r.header("Content-Type")).startsWith("text/plain");
        }
    }

    @Test
    void httpProxyAppliesItsRequestParameterMappings() throws Exception {
        try (Response r = gh.get("/prod/tagged/x/y?z=1")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("X-Seen-Path")).isEqualTo("/tagged/x/y");
            assertThat(r.header("X-Seen-Query")).isEqualTo("z=1");
            assertThat(r.header("X-Seen-Tag")).isEqualTo("from-mapping");
        }
    }

    @Test
    void unknownPathMethodOrStageGets403MissingAuthenticationToken() throws Exception {
        List<Request> requests = List.of(
                new Request.Builder().url(gh.baseUrl() + "/prod/nothing-here").build(),
                new Request.Builder().url(gh.baseUrl() + "/prod/mock").delete().build(),
                new Request.Builder().url(gh.baseUrl() + "/staging/mock").build(),
                new Request.Builder().url(gh.baseUrl() + "/restapis/nosuchapi/prod/_user_request_/mock").build());
        for (Request request : requests) {
            try (Response r = gh.http.newCall(request).execute()) {
                assertThat(r.code()).as(request.toString()).isEqualTo(403);
                assertThat(r.body().string()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
                assertThat(r.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
            }
        }
    }

    @Test
    void aBackendSlowerThanTimeoutInMillisGets504WithAwsBody() throws Exception {
        long start = System.nanoTime();
        try (Response r = gh.get("/prod/slow")) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.code()).isEqualTo(504);
            assertThat(r.body().string()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
            // the backend answers 200 after one second, so a 504 proves the 100 ms timeout fired first; the lower
            // bound proves it did not fire early (no upper wall-clock bound: a loaded machine only adds time)
            assertThat(millis).isGreaterThanOrEqualTo(90L);
        }
    }

    @Test
    void aBackendThatRefusesConnectionsGetsAwsInternalServerError() throws Exception {
        try (Response r = gh.get("/prod/down")) {
            assertThat(r.code()).isEqualTo(500);
            assertThat(r.body().string()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
        }
    }

    @Test
    void anElevenMegabyteBodyGets413WhileANineMegabyteBodyMakesTheRoundTrip() throws Exception {
        try (Response r = gh.send("POST", "/prod/proxy/echo", new byte[11 * MB], "application/octet-stream")) {
            assertThat(r.code()).isEqualTo(413);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Request Too Large\"}");
        }
        byte[] nine = new byte[9 * MB];
        ThreadLocalRandom.current().nextBytes(nine);
        try (Response r = gh.send("POST", "/prod/proxy/echo", nine, "application/octet-stream")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().bytes()).isEqualTo(nine);
        }
    }

    @Test
    void randomBytesComeBackUnchangedThroughHttpProxy() throws Exception {
        for (int size : new int[] {1, 255, 64 * 1024 + 3, 700_001}) {
            byte[] bytes = new byte[size];
            ThreadLocalRandom.current().nextBytes(bytes);
            try (Response r = gh.send("POST", "/prod/proxy/bin", bytes, "image/png")) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Content-Type")).isEqualTo("image/png");
                assertThat(r.body().bytes()).as("%d bytes", size).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aCustomDomainRoutesByHostAndBasePath() throws Exception {
        try (Response r = gh.http.newCall(new Request.Builder().url(gh.baseUrl() + "/v1/whoami")
                .header("Host", "api.example.test").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"api\":\"other\"}");
        }
        try (Response r = gh.http.newCall(new Request.Builder().url(gh.baseUrl() + "/mock")
                .header("Host", "SHOP.example.test:443").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("\"stage\":\"prod\"");
        }
        try (Response r = gh.http.newCall(new Request.Builder().url(gh.baseUrl() + "/v2/whoami")
                .header("Host", "api.example.test").build()).execute()) {
            assertThat(r.code()).as("unmapped base path").isEqualTo(403);
        }
    }

    @Test
    void aSecondApiIsReachedPathStyleAndHostStyle() throws Exception {
        try (Response r = gh.get("/restapis/" + other.id() + "/live/_user_request_/whoami")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"api\":\"other\"}");
        }
        try (Response r = gh.http.newCall(new Request.Builder().url(gh.baseUrl() + "/live/whoami")
                .header("Host", other.id() + ".execute-api.localhost:" + gh.server.port()).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"api\":\"other\"}");
        }
    }
}
