package dev.gatehouse.engine.openapi;

/** Which {@code x-amazon-apigateway-*} extensions an export carries (AWS GetExport {@code extensions}). */
public enum ExportExtensions {
    /** A plain document; only {@code x-amazon-apigateway-any-method}, which ANY methods need. */
    NONE,
    /** {@code x-amazon-apigateway-integration} blocks. */
    INTEGRATIONS,
    /** {@code x-amazon-apigateway-authorizer} in the security schemes. */
    AUTHORIZERS,
    /** Everything: integrations, authorizers, validators, gateway responses, binary types, policy, endpoint... */
    APIGATEWAY;

    boolean integrations() {
        return this == INTEGRATIONS || this == APIGATEWAY;
    }

    boolean authorizers() {
        return this == AUTHORIZERS || this == APIGATEWAY;
    }

    boolean all() {
        return this == APIGATEWAY;
    }
}
