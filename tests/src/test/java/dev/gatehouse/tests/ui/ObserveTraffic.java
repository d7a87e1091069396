package dev.gatehouse.tests.ui;

import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Setup for the observability flows and screenshots: an API whose {@code GET /} is a MOCK answering a chosen body,
 * deployed to {@code prod} with INFO execution logging and data trace, and real HTTP traffic to it.
 */
final class ObserveTraffic {
    private ObserveTraffic() { }

    /** Creates and deploys the API (stage prod, logging INFO with data); returns its id. */
    static String deployMockApi(WorkspaceSession session, String name, String body) {
        ApiDefinition api = session.createApi(name);
        session.updateApi(api.id(), "Add GET /", a -> withBody(a, body));
        session.deploy(api.id(), "prod", "first");
        session.updateStage(api.id(), "prod", "Log prod", s -> {
            Map<String, Stage.MethodSetting> settings = new TreeMap<>(s.methodSettings());
            settings.put("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, 5000, 10000.0, false, 300, false,
                    true, UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER));
            return s.withMethodSettings(settings, java.time.Instant.now().getEpochSecond());
        });
        return api.id();
    }

    /** The API with {@code GET /} a MOCK answering 200 with {@code body}. */
    static ApiDefinition withBody(ApiDefinition api, String body) {
        return api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", body)))))));
    }

    /** Sends {@code count} GETs to {@code url} over HTTP; returns their request ids ({@code x-amzn-RequestId}). */
    static List<String> get(String url, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < count; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/?n=" + i))
                        .header("X-Flow", "observe").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new AssertionError("GET " + url + " answered " + r.statusCode() + ": " + r.body());
                ids.add(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
            }
        }
        return ids;
    }
}
