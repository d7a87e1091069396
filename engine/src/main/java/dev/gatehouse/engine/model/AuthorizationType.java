package dev.gatehouse.engine.model;

/** A method's authorization type. */
public enum AuthorizationType {
    NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS
}
