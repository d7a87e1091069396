package dev.gatehouse.engine.model;

/** Execution-log level of a method setting. */
public enum LoggingLevel {
    OFF, ERROR, INFO
}
