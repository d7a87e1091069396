package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateResource, UpdateMethod, UpdateMethodResponse, UpdateIntegration and UpdateIntegrationResponse: AWS's
 * {@code patchOperations} on the members each of them allows (botocore's model; aws-reference §9), each request one
 * atomic, undoable workspace edit.
 */
final class PatchRoutes {
    private static final String METHOD = ResourceRoutes.METHOD;

    static final TreePatch METHOD_PATCH = new TreePatch(
            Set.of("authorizationType", "authorizerId", "apiKeyRequired", "requestValidatorId", "operationName"),
            Set.of("requestParameters", "requestModels"), Set.of("authorizationScopes"));
    static final TreePatch INTEGRATION_PATCH = new TreePatch(
            Set.of("type", "uri", "httpMethod", "credentials", "passthroughBehavior", "contentHandling", "timeoutInMillis",
                    "connectionType", "connectionId", "cacheNamespace"),
            Set.of("requestParameters", "requestTemplates", "tlsConfig"), Set.of("cacheKeyParameters"));
    static final TreePatch METHOD_RESPONSE_PATCH = new TreePatch(Set.of(), Set.of("responseParameters", "responseModels"), Set.of());
    static final TreePatch INTEGRATION_RESPONSE_PATCH = new TreePatch(Set.of("selectionPattern", "contentHandling"),
            Set.of("responseParameters", "responseTemplates"), Set.of());

    private PatchRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("PATCH", "/restapis/{restapi_id}/resources/{resource_id}", call -> {
            String id = call.param("resource_id");
            List<Patch> patches = Patch.of(call);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Change resource", before -> {
                ApiDefinition def = before;
                for (Patch p : patches) {
                    Resource res = def.requireResource(id);
                    if (!p.op().equals("replace") || p.segments().size() != 1) throw p.unsupported(List.of("/pathPart", "/parentId"));
                    def = switch (p.segments().getFirst()) {
                        case "pathPart" -> def.moveResource(id, res.parentId(), p.requiredValue());
                        case "parentId" -> def.moveResource(id, p.requiredValue(), res.pathPart());
                        default -> throw p.unsupported(List.of("/pathPart", "/parentId"));
                    };
                }
                return def;
            });
            return ControlResponse.json(200, ResourceRoutes.resource(after.requireResource(id), false));
        });
        r.on("PATCH", METHOD, call -> {
            List<Patch> patches = Patch.of(call);
            Method after = ResourceRoutes.editMethod(api, call, "Change method " + call.param("http_method"), m -> {
                ObjectNode tree = Call.tree(m);
                Method changed = Call.convert(METHOD_PATCH.apply(tree, patches), Method.class, "method");
                // the members no method patch path reaches stay exactly as they were
                return new Method(m.httpMethod(), changed.authorizationType(), changed.authorizerId(),
                        changed.authorizationScopes(), changed.apiKeyRequired(), changed.requestValidatorId(),
                        changed.operationName(), changed.requestParameters(), changed.requestModels(),
                        m.methodResponses(), m.methodIntegration());
            });
            return ControlResponse.json(200, after);
        });
        r.on("PATCH", METHOD + "/integration", call -> {
            List<Patch> patches = Patch.of(call);
            Method after = ResourceRoutes.editMethod(api, call, "Change integration", m -> {
                Integration i = ResourceRoutes.integration(m);
                ObjectNode tree = Call.tree(i);
                tree.remove("integrationResponses");
                Integration changed = Call.convert(INTEGRATION_PATCH.apply(tree, patches), Integration.class, "integration")
                        .withIntegrationResponses(i.integrationResponses());
                DefinitionValidator.checkIntegration(changed);
                return m.withIntegration(changed);
            });
            return ControlResponse.json(200, after.methodIntegration());
        });
        r.on("PATCH", METHOD + "/responses/{status_code}", call -> {
            List<Patch> patches = Patch.of(call);
            String status = call.param("status_code");
            Method after = ResourceRoutes.editMethod(api, call, "Change method response " + status, m -> {
                MethodResponse mr = ResourceRoutes.methodResponse(m, call);
                MethodResponse changed = Call.convert(METHOD_RESPONSE_PATCH.apply(Call.tree(mr), patches), MethodResponse.class, "method response");
                Map<String, MethodResponse> all = new LinkedHashMap<>(m.methodResponses());
                all.put(status, changed);
                return m.withMethodResponses(all);
            });
            // UpdateMethodResponse answers 201 (botocore's model)
            return ControlResponse.json(201, after.methodResponses().get(status));
        });
        r.on("PATCH", METHOD + "/integration/responses/{status_code}", call -> {
            List<Patch> patches = Patch.of(call);
            String status = call.param("status_code");
            Method after = ResourceRoutes.editMethod(api, call, "Change integration response " + status, m -> {
                Integration i = ResourceRoutes.integration(m);
                IntegrationResponse ir = ResourceRoutes.integrationResponse(i, call);
                IntegrationResponse changed = Call.convert(INTEGRATION_RESPONSE_PATCH.apply(Call.tree(ir), patches),
                        IntegrationResponse.class, "integration response");
                Map<String, IntegrationResponse> all = new LinkedHashMap<>(i.integrationResponses());
                all.put(status, changed);
                return m.withIntegration(i.withIntegrationResponses(all));
            });
            return ControlResponse.json(200, after.methodIntegration().integrationResponses().get(status));
        });
    }
}
