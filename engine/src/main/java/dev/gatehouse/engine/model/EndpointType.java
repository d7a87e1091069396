package dev.gatehouse.engine.model;

/** Endpoint types of an API or a domain name. */
public enum EndpointType {
    EDGE, REGIONAL, PRIVATE
}
