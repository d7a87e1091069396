package dev.gatehouse.engine.model;

/** What happens to a request body no template matches (aws-reference §3.1). */
public enum PassthroughBehavior {
    WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER
}
