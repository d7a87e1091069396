package dev.gatehouse.engine.remote;

/**
 * A remote could not be configured or reached, or refused a call: the message says which remote, which step and
 * what the remote answered (its {@code x-amzn-ErrorType} and message when it sent them).
 */
public final class RemoteException extends RuntimeException {
    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
