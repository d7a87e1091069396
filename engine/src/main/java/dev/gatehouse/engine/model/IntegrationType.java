package dev.gatehouse.engine.model;

/** Integration types (AWS `type`). */
public enum IntegrationType {
    MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY
}
