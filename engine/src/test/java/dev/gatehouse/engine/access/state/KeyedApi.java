package dev.gatehouse.engine.access.state;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The workspace the state tests serve: API {@code keyed}, deployed to {@code prod}, with three MOCK GET methods —
 * {@code /quota} (key required; key {@code k1} in plan {@code quota100}: quota 100 per DAY, no throttle),
 * {@code /limited} (no key; stage method throttle of {@code limitedRate} rps, burst {@code limitedBurst}) — and a
 * tiny HTTP client for it.
 */
final class KeyedApi {

    static final String KEY = "state-test-key-0123456789abcdef";
    static final long QUOTA = 100;

    final String apiId;

    private KeyedApi(String apiId) {
        this.apiId = apiId;
    }

    /** Creates the workspace in {@code dir} with the API, key, plan and stage. */
    static KeyedApi create(Path dir, double limitedRate, int limitedBurst) {
        try (Gateway gateway = Gateway.of(Workspace.create(dir, "state"))) {
            ApiDefinition api = ApiDefinition.create(Ids.apiId(), "keyed", Instant.now());
            api = withMethod(api, "quota", mock("{\"ok\":\"quota\"}").withApiKeyRequired(true));
            api = withMethod(api, "limited", mock("{\"ok\":\"limited\"}"));
            gateway.history().apply(Edit.createApi(api));
            gateway.deploy(api.id(), "prod", null);
            Stage stage = gateway.workspace().stage(api.id(), "prod").orElseThrow();
            gateway.history().apply(Edit.putStage(api.id(), stage.withMethodSettings(Map.of("/limited/GET",
                    new Stage.MethodSetting(null, null, null, limitedBurst, limitedRate, null, null, null, null, null)),
                    Instant.now().toEpochMilli())));
            gateway.history().apply(Edit.putApiKey(new ApiKey("k1", KEY, "k1", null, null, true, 0L, 0L, List.of(), Map.of())));
            gateway.history().apply(Edit.putUsagePlan(new UsagePlan("quota100", "quota100", null,
                    List.of(new UsagePlan.ApiStage(api.id(), "prod", null)), null,
                    new UsagePlan.QuotaSettings((int) QUOTA, 0, QuotaPeriod.DAY), null, Map.of(), List.of("k1"))));
            return new KeyedApi(api.id());
        }
    }

    private static Method mock(String body) {
        return Method.of("GET")
                .withMethodResponses(Map.of("200", new MethodResponse("200", Map.of(), null)))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", body)))));
    }

    private static ApiDefinition withMethod(ApiDefinition api, String part, Method method) {
        String rootId = api.resourceByPath("/").orElseThrow().id();
        ApiDefinition a = api.addResource(rootId, part, null);
        Resource r = a.resourceByPath("/" + part).orElseThrow();
        return a.updateResource(r.id(), x -> x.withMethod(method));
    }

    /** One engine serving the workspace in {@code dir} on a free loopback port. */
    static final class Engine implements AutoCloseable {
        final Gateway gateway;
        final String base;

        Engine(Path dir, boolean readOnly, StateOptions state, String apiId) {
            gateway = Gateway.open(dir, readOnly, state);
            gateway.serve("127.0.0.1", 0);
            base = gateway.invokeUrl(apiId, "prod");
        }

        @Override public void close() {
            gateway.close();
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code "STATUS BODY"} of a GET. */
    static String get(HttpClient http, String url, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) b.header("x-api-key", apiKey);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
