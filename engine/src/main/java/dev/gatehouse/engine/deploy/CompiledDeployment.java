package dev.gatehouse.engine.deploy;

import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import java.util.Objects;

/**
 * A deployment compiled once: its routes and gateway responses. Shared by every stage (and canary) that points
 * at the deployment; immutable.
 */
public record CompiledDeployment(DeploymentSnapshot snapshot, RouteTable<MethodPlan> routes,
                                 GatewayResponses gatewayResponses) {
    public CompiledDeployment {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(gatewayResponses, "gatewayResponses");
    }

    public String deploymentId() {
        return snapshot.deployment().id();
    }
}
