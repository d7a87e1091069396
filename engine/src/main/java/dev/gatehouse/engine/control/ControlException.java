package dev.gatehouse.engine.control;

/**
 * A control-plane failure as AWS reports it: HTTP status, the {@code x-amzn-ErrorType} code and the
 * {@code {"message": ...}} text. Thrown by handlers and the signature check; {@link ControlApi} turns it into the
 * wire response in one place.
 */
public final class ControlException extends RuntimeException {
    private final int status;
    private final String errorType;

    public ControlException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    public static ControlException badRequest(String message) {
        return new ControlException(400, "BadRequestException", message);
    }

    public static ControlException notFound(String message) {
        return new ControlException(404, "NotFoundException", message);
    }

    public static ControlException conflict(String message) {
        return new ControlException(409, "ConflictException", message);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }
}
