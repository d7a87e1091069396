package dev.gatehouse.engine.model;

/** Where the API key of a request comes from. */
public enum ApiKeySource {
    HEADER, AUTHORIZER
}
