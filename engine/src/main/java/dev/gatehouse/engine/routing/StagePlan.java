package dev.gatehouse.engine.routing;

import java.util.Map;
import java.util.Objects;

/**
 * One deployed stage: its deployment's route table and the stage's variables, optionally with a canary.
 *
 * @param stageName      the stage
 * @param deploymentId   {@code $context.deploymentId}
 * @param stageVariables {@code $stageVariables}
 * @param routes         the deployment's compiled routes
 * @param canary         the canary deployment's stage plan (its variables already overridden), or null
 * @param canaryPercent  share of requests (0–100) routed to {@code canary}
 */
public record StagePlan(String stageName, String deploymentId, Map<String, String> stageVariables,
                        RouteTable<MethodPlan> routes, StagePlan canary, double canaryPercent) {

    public StagePlan {
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(routes, "routes");
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
        if (canaryPercent < 0 || canaryPercent > 100) throw new IllegalArgumentException("canaryPercent " + canaryPercent);
        if (canary != null && canary.canary() != null) throw new IllegalArgumentException("a canary has no canary");
    }

    /** A stage without canary. */
    public StagePlan(String stageName, String deploymentId, Map<String, String> stageVariables,
                     RouteTable<MethodPlan> routes) {
        this(stageName, deploymentId, stageVariables, routes, null, 0);
    }

    /** This stage or its canary, given a uniform draw in [0, 100). */
    public StagePlan pick(double draw) {
        return canary != null && draw < canaryPercent ? canary : this;
    }
}
