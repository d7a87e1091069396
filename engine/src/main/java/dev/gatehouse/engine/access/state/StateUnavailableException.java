package dev.gatehouse.engine.access.state;

/**
 * A shared state store (Redis) could not answer: not reachable, timed out, or refused the command. Thrown by
 * {@link RedisState}; {@link PolicedState} catches it and applies the failure policy, so filters never see it.
 */
public final class StateUnavailableException extends RuntimeException {
    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
