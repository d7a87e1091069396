package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Test fixture: a workspace with API {@code obsapi001} ("Observed"): {@code GET /} a MOCK answering 200,
 * {@code GET /fail} a MOCK whose only integration response matches nothing it returns (a 500 configuration
 * error, as on AWS), deployed to stage {@code prod}, served on a free loopback port.
 */
public final class ObservedServing implements AutoCloseable {

    public static final String API = "obsapi001";
    public final Gateway gateway;
    final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ObservedServing(Path dir, Stage.MethodSetting all, String accessLogFormat) {
        gateway = Gateway.of(Workspace.create(dir, "observed"));
        ApiDefinition api = ApiDefinition.create(API, "Observed", Instant.EPOCH);
        String root = api.root().id();
        api = api.updateResource(root, r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", "{\"ok\": true}")))))));
        api = api.addResource(root, "fail", "failres001");
        api = api.updateResource("failres001", r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", new IntegrationResponse("200", "4\\d{2}", null, null, null))))));
        gateway.history().apply(Edit.createApi(api));
        gateway.deploy(API, "prod", "first");
        configure(all, accessLogFormat);
        gateway.serve("127.0.0.1", 0);
        baseUrl = gateway.invokeUrl(API, "prod");
    }

    /** Sets the stage's {@code *}{@code /*} method setting and access-log format (null: off). */
    void configure(Stage.MethodSetting all, String accessLogFormat) {
        Stage s = gateway.workspace().stage(API, "prod").orElseThrow();
        Stage updated = new Stage(s.stageName(), s.description(), s.deploymentId(), s.clientCertificateId(),
                s.cacheClusterEnabled(), s.cacheClusterSize(), s.cacheClusterStatus(),
                all == null ? Map.of() : Map.of("*/*", all), s.variables(), s.documentationVersion(),
                accessLogFormat == null ? null : new Stage.AccessLogSettings(accessLogFormat,
                        "arn:aws:logs:us-east-1:123456789012:log-group:access"),
                s.canarySettings(), s.tracingEnabled(), s.webAclArn(), s.tags(), s.createdDate(), s.lastUpdatedDate());
        gateway.history().apply(Edit.putStage(API, updated));
    }

    public static Stage.MethodSetting setting(boolean metrics, LoggingLevel level, boolean dataTrace) {
        return new Stage.MethodSetting(metrics, level, dataTrace, null, null, null, null, null, null, null);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("User-Agent", "obs-test/1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override public void close() {
        gateway.close();
    }
}
