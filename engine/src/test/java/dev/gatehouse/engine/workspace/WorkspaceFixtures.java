package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Valid definitions and workspace contents for the workspace tests. */
final class WorkspaceFixtures {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private WorkspaceFixtures() {}

    /** An API with {@code resourceCount} resources ({@code /itemsN} and {@code /itemsN/{id}}), each with GET and POST. */
    static ApiDefinition api(String id, String name, int resourceCount) {
        ApiDefinition api = ApiDefinition.create(id, name, NOW);
        for (int i = 0; api.resources().size() - 1 < resourceCount; i++) {
            api = api.addResource(api.root().id(), "items" + i, null);
            Resource parent = api.resourceByPath("/items" + i).orElseThrow();
            api = withMethods(api, parent);
            if (api.resources().size() - 1 < resourceCount) {
                api = api.addResource(parent.id(), "{id}", null);
                api = withMethods(api, api.resourceByPath("/items" + i + "/{id}").orElseThrow());
            }
        }
        return api;
    }

    private static ApiDefinition withMethods(ApiDefinition api, Resource resource) {
        Method get = Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.of(IntegrationType.HTTP, "GET", "https://backend.example.com" + resource.path())
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))));
        Method post = Method.of("POST")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock().withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))));
        return api.updateResource(resource.id(), r -> r.withMethod(get).withMethod(post));
    }

    static DeploymentSnapshot deployment(ApiDefinition api, String id, long createdDate) {
        return new DeploymentSnapshot(new Deployment(id, "deployment " + id, createdDate), api);
    }

    static Stage stage(String name, String deploymentId) {
        return Stage.of(name, deploymentId, NOW.getEpochSecond()).withVariables(Map.of("backend", "https://example.com"), NOW.getEpochSecond());
    }

    static ApiKey apiKey(String id, String name) {
        return new ApiKey(id, "key-value-of-" + id + "-0123456789", name, null, "a test key", true,
                NOW.getEpochSecond(), NOW.getEpochSecond(), List.of(), Map.of("team", "a"));
    }

    static UsagePlan usagePlan(String id, String apiId, String stage, List<String> keyIds) {
        return new UsagePlan(id, "plan " + id, null, List.of(new UsagePlan.ApiStage(apiId, stage, Map.of())),
                new UsagePlan.ThrottleSettings(10, 5.0), new UsagePlan.QuotaSettings(1000, 0, dev.gatehouse.engine.model.QuotaPeriod.DAY),
                null, Map.of(), keyIds);
    }

    static DomainName domainName(String name, String apiId, String stage) {
        return new DomainName(name, null, null, null, null, null, null, null, null, Map.of(),
                List.of(new DomainName.BasePathMapping("(none)", apiId, stage)));
    }

    /** Every file of the workspace (outside {@code .gatehouse/}) with its bytes, by path relative to the root. */
    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path rel = root.relativize(p);
                if (rel.startsWith(Layout.RUNTIME)) continue;
                out.put(rel.toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
