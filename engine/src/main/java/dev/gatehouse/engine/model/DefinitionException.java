package dev.gatehouse.engine.model;

/**
 * A definition edit refused with AWS's error kind and message, e.g. {@code CONFLICT} "Another resource with the
 * same parent already has this name: pets". The control-plane API maps {@link Kind} to AWS's status and
 * {@code x-amzn-ErrorType}; the console shows the message as is.
 */
public final class DefinitionException extends RuntimeException {

    /** AWS's error types for definition edits. */
    public enum Kind {
        BAD_REQUEST(400, "BadRequestException"),
        NOT_FOUND(404, "NotFoundException"),
        CONFLICT(409, "ConflictException");

        public final int status;
        public final String errorType;

        Kind(int status, String errorType) {
            this.status = status;
            this.errorType = errorType;
        }
    }

    private final Kind kind;

    public DefinitionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static DefinitionException badRequest(String message) {
        return new DefinitionException(Kind.BAD_REQUEST, message);
    }

    public static DefinitionException notFound(String message) {
        return new DefinitionException(Kind.NOT_FOUND, message);
    }

    public static DefinitionException conflict(String message) {
        return new DefinitionException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
