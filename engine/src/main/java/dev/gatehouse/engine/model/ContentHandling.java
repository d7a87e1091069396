package dev.gatehouse.engine.model;

/** Payload conversion between text and binary; absent means pass through. */
public enum ContentHandling {
    CONVERT_TO_BINARY, CONVERT_TO_TEXT
}
