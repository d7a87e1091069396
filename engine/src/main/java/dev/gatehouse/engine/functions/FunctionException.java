package dev.gatehouse.engine.functions;

/** An invocation that could not run at all (as opposed to a function error, which is a result). */
public final class FunctionException extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** No {@code functions/NAME/function.json} (Lambda: 404 ResourceNotFoundException). */
        NOT_FOUND,
        /** The caller's wait ended before the function answered (the invocation may still run). */
        WAIT_EXPIRED,
        /**
         * The function's reserved concurrency is in use (Lambda: 429 {@code TooManyRequestsException}, reason
         * {@code ReservedFunctionConcurrentInvocationLimitExceeded}, "Rate Exceeded.").
         */
        THROTTLED
    }

    private final Kind kind;

    public FunctionException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
