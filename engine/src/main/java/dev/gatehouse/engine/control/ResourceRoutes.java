package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resources and what hangs off them: GetResources ({@code embed=methods}), CreateResource, GetResource,
 * DeleteResource; Put/Get/DeleteMethod, TestInvokeMethod; method responses; integrations; integration responses.
 */
final class ResourceRoutes {
    static final String METHOD = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";

    private ResourceRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("GET", "/restapis/{restapi_id}/resources", call -> {
            ApiDefinition def = api.api(call.param("restapi_id"));
            boolean embed = call.request().query().getOrDefault("embed", List.of()).stream()
                    .anyMatch(e -> List.of(e.split(",")).contains("methods"));
            return ControlResponse.json(200, call.page(def.resources().stream().map(res -> resource(res, embed)).toList()));
        });
        r.on("GET", "/restapis/{restapi_id}/resources/{resource_id}", call -> {
            Resource res = api.api(call.param("restapi_id")).requireResource(call.param("resource_id"));
            return ControlResponse.json(200, resource(res, true));
        });
        r.on("POST", "/restapis/{restapi_id}/resources/{parent_id}", call -> {
            String apiId = call.param("restapi_id");
            String pathPart = call.string("pathPart");
            String[] created = new String[1];
            ApiDefinition after = api.editApi(apiId, "Create resource " + pathPart, before -> {
                ApiDefinition next = before.addResource(call.param("parent_id"), pathPart, null);
                String path = before.requireResource(call.param("parent_id")).childPath(pathPart);
                created[0] = next.resourceByPath(path).orElseThrow().id();
                return next;
            });
            return ControlResponse.json(201, resource(after.requireResource(created[0]), false));
        });
        r.on("DELETE", "/restapis/{restapi_id}/resources/{resource_id}", call -> {
            api.editApi(call.param("restapi_id"), "Delete resource", before -> before.removeResource(call.param("resource_id")));
            return ControlResponse.empty(202);
        });

        // methods
        r.on("PUT", METHOD, call -> {
            Method method = new Method(httpMethod(call), authorizationType(call), call.string("authorizerId"),
                    call.stringList("authorizationScopes"), call.bool("apiKeyRequired"), call.string("requestValidatorId"),
                    call.string("operationName"), call.boolMap("requestParameters"), call.stringMap("requestModels"),
                    null, null);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Create method " + method.httpMethod(), before ->
                    before.updateResource(call.param("resource_id"), res -> {
                        if (res.method(method.httpMethod()) != null) {
                            throw DefinitionException.conflict("Method already exists for this resource");
                        }
                        return res.withMethod(method);
                    }));
            return ControlResponse.json(201, method(after, call));
        });
        r.on("GET", METHOD, call -> ControlResponse.json(200, method(api.api(call.param("restapi_id")), call)));
        r.on("DELETE", METHOD, call -> {
            editMethod(api, call, "Delete method", m -> null);
            return ControlResponse.empty(204);
        });
        r.on("POST", METHOD, call -> testInvoke(api, call));

        // method responses
        r.on("PUT", METHOD + "/responses/{status_code}", call -> {
            String status = statusCode(call);
            MethodResponse response = new MethodResponse(status, call.boolMap("responseParameters"), call.stringMap("responseModels"));
            Method after = editMethod(api, call, "Save method response " + status, m -> {
                Map<String, MethodResponse> all = new LinkedHashMap<>(m.methodResponses());
                all.put(status, response);
                return m.withMethodResponses(all);
            });
            return ControlResponse.json(201, after.methodResponses().get(status));
        });
        r.on("GET", METHOD + "/responses/{status_code}", call -> ControlResponse.json(200, methodResponse(method(api.api(call.param("restapi_id")), call), call)));
        r.on("DELETE", METHOD + "/responses/{status_code}", call -> {
            editMethod(api, call, "Delete method response " + call.param("status_code"), m -> {
                methodResponse(m, call);
                Map<String, MethodResponse> all = new LinkedHashMap<>(m.methodResponses());
                all.remove(call.param("status_code"));
                return m.withMethodResponses(all);
            });
            return ControlResponse.empty(204);
        });

        // integrations
        r.on("PUT", METHOD + "/integration", call -> {
            ObjectNode body = call.body().deepCopy();
            body.remove(List.of("integrationResponses", "responseTransferMode", "integrationTarget"));
            Integration parsed = Call.convert(body, Integration.class, "integration");
            Integration integration = parsed.cacheNamespace() == null ? parsed.withCacheNamespace(call.param("resource_id")) : parsed;
            DefinitionValidator.checkIntegration(integration);
            Method after = editMethod(api, call, "Save integration " + integration.type(), m -> m.withIntegration(integration));
            return ControlResponse.json(201, after.methodIntegration());
        });
        r.on("GET", METHOD + "/integration", call -> ControlResponse.json(200, integration(method(api.api(call.param("restapi_id")), call))));
        r.on("DELETE", METHOD + "/integration", call -> {
            editMethod(api, call, "Delete integration", m -> {
                integration(m);
                return m.withIntegration(null);
            });
            return ControlResponse.empty(204);
        });

        // integration responses
        r.on("PUT", METHOD + "/integration/responses/{status_code}", call -> {
            String status = statusCode(call);
            IntegrationResponse response = new IntegrationResponse(status, call.string("selectionPattern"),
                    call.stringMap("responseParameters"), call.stringMap("responseTemplates"),
                    call.member("contentHandling", dev.gatehouse.engine.model.ContentHandling.class));
            Method after = editMethod(api, call, "Save integration response " + status, m -> {
                Integration i = integration(m);
                Map<String, IntegrationResponse> all = new LinkedHashMap<>(i.integrationResponses());
                all.put(status, response);
                return m.withIntegration(i.withIntegrationResponses(all));
            });
            return ControlResponse.json(201, after.methodIntegration().integrationResponses().get(status));
        });
        r.on("GET", METHOD + "/integration/responses/{status_code}", call ->
                ControlResponse.json(200, integrationResponse(integration(method(api.api(call.param("restapi_id")), call)), call)));
        r.on("DELETE", METHOD + "/integration/responses/{status_code}", call -> {
            editMethod(api, call, "Delete integration response " + call.param("status_code"), m -> {
                Integration i = integration(m);
                integrationResponse(i, call);
                Map<String, IntegrationResponse> all = new LinkedHashMap<>(i.integrationResponses());
                all.remove(call.param("status_code"));
                return m.withIntegration(i.withIntegrationResponses(all));
            });
            return ControlResponse.empty(204);
        });
    }

    /** A resource as AWS lists it: methods as empty objects unless embedded. */
    static JsonNode resource(Resource res, boolean embedMethods) {
        ObjectNode node = Call.tree(res);
        if (!embedMethods && !res.resourceMethods().isEmpty()) {
            ObjectNode methods = node.putObject("resourceMethods");
            res.resourceMethods().keySet().forEach(m -> methods.putObject(m));
        }
        return node;
    }

    private static String httpMethod(Call call) {
        String m = call.param("http_method").toUpperCase(Locale.ROOT);
        DefinitionValidator.checkHttpMethod(m);
        return m;
    }

    private static AuthorizationType authorizationType(Call call) {
        String t = call.string("authorizationType");
        if (t == null) return AuthorizationType.NONE;
        try {
            return AuthorizationType.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid authorization type specified. Valid options are "
                    + List.of(AuthorizationType.values()));
        }
    }

    private static String statusCode(Call call) {
        String s = call.param("status_code");
        if (!s.matches("[1-5]\\d\\d")) throw ControlException.badRequest("Invalid status code specified: " + s);
        return s;
    }

    private static Method method(ApiDefinition def, Call call) {
        Resource res = def.requireResource(call.param("resource_id"));
        Method m = res.method(call.param("http_method").toUpperCase(Locale.ROOT));
        if (m == null) throw DefinitionException.notFound("Invalid Method identifier specified");
        return m;
    }

    static MethodResponse methodResponse(Method m, Call call) {
        MethodResponse r = m.methodResponses().get(call.param("status_code"));
        if (r == null) throw DefinitionException.notFound("Invalid Response status code specified");
        return r;
    }

    static Integration integration(Method m) {
        if (m.methodIntegration() == null) throw DefinitionException.notFound("No integration defined for method");
        return m.methodIntegration();
    }

    static IntegrationResponse integrationResponse(Integration i, Call call) {
        IntegrationResponse r = i.integrationResponses().get(call.param("status_code"));
        if (r == null) throw DefinitionException.notFound("Invalid Response status code specified");
        return r;
    }

    /** Changes one method atomically (null removes it); returns the method as the edit left it (null if removed). */
    static Method editMethod(ControlApi api, Call call, String description, UnaryOperator<Method> change) {
        String httpMethod = call.param("http_method").toUpperCase(Locale.ROOT);
        ApiDefinition after = api.editApi(call.param("restapi_id"), description, before ->
                before.updateResource(call.param("resource_id"), res -> {
                    Method m = res.method(httpMethod);
                    if (m == null) throw DefinitionException.notFound("Invalid Method identifier specified");
                    Method changed = change.apply(m);
                    return changed == null ? res.withoutMethod(httpMethod) : res.withMethod(changed);
                }));
        return after.requireResource(call.param("resource_id")).method(httpMethod);
    }

    private static ControlResponse testInvoke(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        api.api(apiId);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> multi = call.member("multiValueHeaders", Map.class);
        TestInvokeRequest request = new TestInvokeRequest(call.string("pathWithQueryString"), call.string("body"),
                call.stringMap("headers"), multi, call.stringMap("stageVariables"));
        TestInvokeResult result = api.gateway().testInvoke(apiId, call.param("resource_id"),
                call.param("http_method").toUpperCase(Locale.ROOT), request);
        ObjectNode out = Call.READER.createObjectNode();
        out.put("status", result.status());
        if (result.body() != null) out.put("body", result.body());
        out.set("headers", Call.READER.valueToTree(result.headers()));
        out.set("multiValueHeaders", Call.READER.valueToTree(result.multiValueHeaders()));
        if (result.log() != null) out.put("log", result.log());
        out.put("latency", result.latency());
        return ControlResponse.json(200, out);
    }
}
