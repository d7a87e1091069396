package dev.gatehouse.engine.model;

/** Authorizer types. */
public enum AuthorizerType {
    TOKEN, REQUEST, COGNITO_USER_POOLS
}
