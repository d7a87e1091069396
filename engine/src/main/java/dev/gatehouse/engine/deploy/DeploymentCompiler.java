package dev.gatehouse.engine.deploy;

import dev.gatehouse.engine.errors.CustomGatewayResponse;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.MethodFilterFactory;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles a deployment snapshot into routes and gateway responses. Pure and thread-safe; everything that can
 * be parsed or compiled (templates, patterns, schemas) is, through the {@link MethodFilterFactory}, so the request
 * path does no parsing. Fails with {@link DefinitionException} naming the method that cannot be compiled.
 */
public final class DeploymentCompiler {

    private final MethodFilterFactory filters;

    public DeploymentCompiler(MethodFilterFactory filters) {
        this.filters = Objects.requireNonNull(filters, "filters");
    }

    public CompiledDeployment compile(DeploymentSnapshot snapshot) {
        ApiDefinition api = snapshot.api();
        RouteTable.Builder<MethodPlan> routes = RouteTable.builder();
        for (Resource resource : api.resources()) {
            for (Method method : resource.resourceMethods().values()) {
                String where = method.httpMethod() + " " + resource.path();
                if (method.methodIntegration() == null) {
                    throw DefinitionException.badRequest("No integration defined for method (" + where + ")");
                }
                try {
                    MethodPlan plan = new MethodPlan(resource.id(), resource.path(), method.httpMethod(),
                            method.methodIntegration().type().name(), filters.filtersFor(api, resource, method),
                            api.restApi().minimumCompressionSize());
                    routes.add(resource.path(), method.httpMethod(), plan);
                } catch (DefinitionException e) {
                    throw new DefinitionException(e.kind(), where + ": " + e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw DefinitionException.badRequest(where + ": " + e.getMessage());
                }
            }
        }
        return new CompiledDeployment(snapshot, routes.build(), gatewayResponses(api.gatewayResponses()));
    }

    /** The API's customised gateway responses in the runtime's form. */
    public static GatewayResponses gatewayResponses(List<GatewayResponse> customised) {
        if (customised.isEmpty()) return GatewayResponses.builtIn();
        Map<GatewayResponseType, CustomGatewayResponse> map = new EnumMap<>(GatewayResponseType.class);
        for (GatewayResponse g : customised) {
            if (Boolean.TRUE.equals(g.defaultResponse()) && g.statusCode() == null
                    && g.responseParameters().isEmpty() && g.responseTemplates().isEmpty()) {
                continue;
            }
            Integer status = null;
            if (g.statusCode() != null && !g.statusCode().isBlank()) {
                try {
                    status = Integer.parseInt(g.statusCode().trim());
                } catch (NumberFormatException e) {
                    throw DefinitionException.badRequest("Invalid status code for gateway response "
                            + g.responseType() + ": " + g.statusCode());
                }
            }
            map.put(GatewayResponseType.valueOf(g.responseType().name()),
                    new CustomGatewayResponse(status, g.responseParameters(), g.responseTemplates()));
        }
        return GatewayResponses.of(map);
    }
}
