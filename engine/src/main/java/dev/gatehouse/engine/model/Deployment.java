package dev.gatehouse.engine.model;

/**
 * A deployment's identity as AWS returns it (AWS {@code Deployment}); the immutable snapshot of the API it froze
 * is {@link DeploymentSnapshot}.
 *
 * @param createdDate epoch seconds
 */
public record Deployment(String id, String description, Long createdDate) {}
