package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.errors.GatewayResponses;
import java.util.Map;
import java.util.Objects;

/**
 * One API's deployed stages and its gateway-response customisations.
 *
 * @param apiId            the API id
 * @param gatewayResponses compiled customisations ({@link GatewayResponses#builtIn()} for none)
 * @param stages           stage name -> plan
 */
public record ApiPlan(String apiId, GatewayResponses gatewayResponses, Map<String, StagePlan> stages) {

    public ApiPlan {
        Objects.requireNonNull(apiId, "apiId");
        gatewayResponses = gatewayResponses == null ? GatewayResponses.builtIn() : gatewayResponses;
        stages = Map.copyOf(stages);
    }
}
