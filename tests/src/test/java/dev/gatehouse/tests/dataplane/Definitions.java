package dev.gatehouse.tests.dataplane;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.Map;

/** Small builders for the API definitions the data-plane tests deploy. */
final class Definitions {

    private Definitions() { }

    /** A GET MOCK method answering 200 with {@code body} (a response template, so VTL works in it). */
    static Method mock(String body) {
        return mock(body, Map.of());
    }

    /**
     * A GET MOCK method answering 200 with {@code body} and the given static response headers
     * ({@code name → value}, sent as {@code method.response.header.name = 'value'}).
     */
    static Method mock(String body, Map<String, String> headers) {
        Map<String, Boolean> declared = new java.util.TreeMap<>();
        Map<String, String> mapped = new java.util.TreeMap<>();
        headers.forEach((name, value) -> {
            declared.put("method.response.header." + name, false);
            mapped.put("method.response.header." + name, "'" + value + "'");
        });
        return Method.of("GET")
                .withMethodResponses(Map.of("200", new MethodResponse("200", declared, null)))
                .withIntegration(Integration.mock()
                        .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseParameters(mapped)
                                .withResponseTemplates(Map.of("application/json", body)))));
    }

    /** An ANY HTTP_PROXY method to {@code uri} (e.g. {@code http://host/{proxy}}), {@code proxy} path mapped. */
    static Method proxy(String uri, int timeoutMillis) {
        return Method.of("ANY")
                .withRequestParameters(Map.of("method.request.path.proxy", true))
                .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "ANY", uri)
                        .withRequestParameters(Map.of("integration.request.path.proxy", "method.request.path.proxy"))
                        .withTimeoutInMillis(timeoutMillis));
    }

    /** Adds the resource at {@code path} (parents created as needed) and puts {@code method} on it. */
    static ApiDefinition withMethod(ApiDefinition api, String path, Method method) {
        ApiDefinition a = api;
        String parentPath = "";
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) continue;
            String childPath = parentPath + "/" + part;
            if (a.resourceByPath(childPath).isEmpty()) {
                String parentId = a.resourceByPath(parentPath.isEmpty() ? "/" : parentPath).orElseThrow().id();
                a = a.addResource(parentId, part, null);
            }
            parentPath = childPath;
        }
        Resource target = a.resourceByPath(path).orElseThrow();
        return a.updateResource(target.id(), r -> r.withMethod(method));
    }
}
