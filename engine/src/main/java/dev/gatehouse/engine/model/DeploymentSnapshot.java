package dev.gatehouse.engine.model;

import java.util.Objects;

/** A deployment with the API definition it froze; written once, never changed. */
public record DeploymentSnapshot(Deployment deployment, ApiDefinition api) {
    public DeploymentSnapshot {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(api, "api");
    }
}
