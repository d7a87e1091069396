package dev.gatehouse.engine.model;

/** How an HTTP integration reaches its endpoint. */
public enum ConnectionType {
    INTERNET, VPC_LINK
}
