package dev.gatehouse.engine.access;

import java.time.Duration;
import java.util.Map;

/**
 * Calls the Lambda function behind an authorizer's {@code authorizerUri} (the gateway wires it to the workspace's
 * local functions). Blocking; called on the request's virtual thread.
 */
@FunctionalInterface
public interface AuthorizerFunctions {

    /**
     * @param payload       the function's answer (null when it failed)
     * @param functionError Lambda's {@code errorType} / unhandled error, null on success
     * @param errorMessage  Lambda's {@code errorMessage} when the function failed ("Unauthorized" means 401)
     */
    record Outcome(byte[] payload, String functionError, String errorMessage) {}

    /**
     * @throws IllegalStateException when the function does not exist locally or cannot be called (the authorizer
     *                               then answers 500, as AWS does for an authorizer it cannot invoke)
     */
    Outcome invoke(String authorizerUri, Map<String, String> stageVariables, byte[] event, Duration timeout);

    /** No functions at all: every authorizer fails as misconfigured. */
    static AuthorizerFunctions none() {
        return (uri, vars, event, timeout) -> {
            throw new IllegalStateException("no local functions to run the authorizer " + uri);
        };
    }
}
