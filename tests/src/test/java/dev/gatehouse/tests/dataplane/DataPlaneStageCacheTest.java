package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import dev.gatehouse.engine.workspace.Edit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage cache on real HTTP in front of a backend that counts its calls, so every hit and miss is visible as the
 * number the backend answered. Rules from AWS's caching guide (aws-reference §2.1): GET cached by default once the
 * stage's cache cluster is on, other methods only when their method setting says so; the key is the resource plus
 * the {@code cacheKeyParameters} only; TTL per method (0 = off); {@code Cache-Control: max-age=0} honoured only as
 * {@code requireAuthorizationForCacheControl} and the unauthorised strategy allow; FlushStageCache empties it.
 */
class DataPlaneStageCacheTest {

    @TempDir Path dir;
    private HttpServer backend;
    private final AtomicInteger calls = new AtomicInteger();
    private GatewayHarness gh;
    private ApiDefinition api;

    @BeforeEach
    void deployACountingBackendBehindAStageWithItsCacheOn() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        backend.createContext("/count", ex -> {
            byte[] body = ("{\"call\":" + calls.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        backend.start();
        String uri = "http://127.0.0.1:" + backend.getAddress().getPort() + "/count";
        gh = new GatewayHarness(dir);
        api = gh.createApi("cached", a -> {
            ApiDefinition x = withMethod(a, "/plain", Method.of("GET")
                    .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "GET", uri)));
            x = withMethod(x, "/keyed", Method.of("GET").withRequestParameters(Map.of("method.request.querystring.q", false))
                    .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "GET", uri)
                            .withCacheKeyParameters(List.of("method.request.querystring.q"))));
            return withMethod(x, "/plain", Method.of("POST")
                    .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "POST", uri)));
        });
        gh.gateway.deploy(api.id(), "prod", null);
        gh.gateway.deploy(api.id(), "nocache", null);
        stage("prod", s -> s.withCacheCluster(true, null, 1L));
    }

    @AfterEach
    void stop() {
        gh.close();
        backend.stop(0);
    }

    private void stage(String name, java.util.function.UnaryOperator<Stage> change) {
        Stage s = gh.gateway.workspace().stage(api.id(), name).orElseThrow();
        gh.gateway.history().apply(Edit.putStage(api.id(), change.apply(s)));
    }

    private String get(String stage, String pathAndQuery, String... headers) throws IOException {
        Request.Builder b = new Request.Builder().url(gh.gateway.invokeUrl(api.id(), stage) + pathAndQuery);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try (Response r = gh.http.newCall(b.build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void aGetIsAnsweredFromTheCacheUntilTheStageIsFlushed() throws IOException {
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":1}");
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":1}");
        assertThat(get("prod", "/plain?page=2")).as("a query string that is no cache key shares the entry")
                .isEqualTo("200 {\"call\":1}");
        gh.gateway.flushStageCache(api.id(), "prod");
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":2}");
    }

    @Test
    void cacheKeyParametersSeparateEntries() throws IOException {
        assertThat(get("prod", "/keyed?q=a")).isEqualTo("200 {\"call\":1}");
        assertThat(get("prod", "/keyed?q=b")).isEqualTo("200 {\"call\":2}");
        assertThat(get("prod", "/keyed?q=a")).isEqualTo("200 {\"call\":1}");
    }

    @Test
    void aStageWithoutItsCacheClusterAndAPostAreNeverCached() throws IOException {
        assertThat(get("nocache", "/plain")).isEqualTo("200 {\"call\":1}");
        assertThat(get("nocache", "/plain")).isEqualTo("200 {\"call\":2}");
        Request post = new Request.Builder().url(gh.gateway.invokeUrl(api.id(), "prod") + "/plain")
                .post(RequestBody.create(new byte[0])).build();
        for (int expected = 3; expected <= 4; expected++) {
            try (Response r = gh.http.newCall(post).execute()) {
                assertThat(r.body().string()).isEqualTo("{\"call\":" + expected + "}");
            }
        }
    }

    @Test
    void aTtlOfZeroTurnsCachingOffForThatMethod() throws IOException {
        stage("prod", s -> s.withMethodSettings(Map.of("/plain/GET", setting(null, 0, null, null)), 1L));
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":1}");
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":2}");
    }

    @Test
    void cacheControlMaxAgeZeroRefreshesOnlyWhenTheStageAllowsIt() throws IOException {
        assertThat(get("prod", "/plain")).isEqualTo("200 {\"call\":1}");
        // default: authorization required, nobody can have it here, SUCCEED_WITH_RESPONSE_HEADER ignores the header
        assertThat(get("prod", "/plain", "Cache-Control", "max-age=0")).isEqualTo("200 {\"call\":1}");
        stage("prod", s -> s.withMethodSettings(Map.of("*/*", setting(null, null, false, null)), 1L));
        assertThat(get("prod", "/plain", "Cache-Control", "max-age=0")).isEqualTo("200 {\"call\":2}");
        assertThat(get("prod", "/plain")).as("the refreshed entry is cached").isEqualTo("200 {\"call\":2}");
        stage("prod", s -> s.withMethodSettings(Map.of("*/*",
                setting(null, null, true, UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403)), 1L));
        assertThat(get("prod", "/plain", "Cache-Control", "max-age=0")).startsWith("403 ");
    }

    private static Stage.MethodSetting setting(Boolean cachingEnabled, Integer ttl, Boolean requireAuthorization,
                                               UnauthorizedCacheControlHeaderStrategy strategy) {
        return new Stage.MethodSetting(null, null, null, null, null, cachingEnabled, ttl, null, requireAuthorization, strategy);
    }
}
