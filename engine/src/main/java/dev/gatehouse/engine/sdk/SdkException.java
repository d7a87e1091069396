package dev.gatehouse.engine.sdk;

/**
 * An SDK or documentation export that cannot be produced, with a message meant for the user as it is: a bad package
 * name, an unknown language, a stage without a deployment, or the generator's own complaint.
 */
public final class SdkException extends RuntimeException {
    public SdkException(String message) {
        super(message);
    }

    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
