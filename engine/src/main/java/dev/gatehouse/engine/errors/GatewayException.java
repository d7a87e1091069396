package dev.gatehouse.engine.errors;

import java.util.List;
import java.util.Objects;

/**
 * A client-visible gateway error: one {@link GatewayResponseType} plus the values its response template can
 * use. Thrown by any filter; turned into the wire response only by {@link ErrorMappingFilter} using the API's
 * {@link GatewayResponses}. Backend 4xx/5xx are responses, never this exception.
 *
 * <p>Immutable; {@code with…} methods return copies. No stack trace is captured (these are expected outcomes,
 * thrown per request); an unexpected cause can be attached with {@link #internalError(Throwable)}.
 */
public final class GatewayException extends RuntimeException {

    private final GatewayResponseType type;
    private final String errorMessage;
    private final int status;
    private final String logLine;
    private final String validationErrorString;

    private GatewayException(GatewayResponseType type, String errorMessage, int status, String logLine,
                             String validationErrorString, Throwable cause) {
        super(type + ": " + errorMessage, cause, false, false);
        this.type = Objects.requireNonNull(type, "type");
        if (type.defaultStatus() == 0 && status == 0) {
            throw new IllegalArgumentException(type + " needs an explicit status");
        }
        this.errorMessage = errorMessage;
        this.status = status;
        this.logLine = logLine;
        this.validationErrorString = validationErrorString;
    }

    /** The type with its built-in status and message. */
    public static GatewayException of(GatewayResponseType type) {
        return new GatewayException(type, type.defaultMessage(), type.defaultStatus(), null, null, null);
    }

    /** The type with its built-in status and a specific {@code $context.error.message}. */
    public static GatewayException of(GatewayResponseType type, String message) {
        return new GatewayException(type, message, type.defaultStatus(), null, null, null);
    }

    /** Unknown stage, path or method: 403 {@code {"message":"Missing Authentication Token"}}. */
    public static GatewayException missingAuthenticationToken() {
        return of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    /** 400 {@code {"message": "Missing required request parameters: [a, b]"}}. */
    public static GatewayException missingRequestParameters(List<String> names) {
        return of(GatewayResponseType.BAD_REQUEST_PARAMETERS,
                "Missing required request parameters: [" + String.join(", ", names) + "]");
    }

    /** 400 {@code {"message": "Invalid request body"}} with the validator's detail for {@code validationErrorString}. */
    public static GatewayException invalidRequestBody(String validationError) {
        return of(GatewayResponseType.BAD_REQUEST_BODY).withValidationErrorString(validationError);
    }

    /** 504 {@code {"message": "Endpoint request timed out"}}, logged as AWS does. */
    public static GatewayException integrationTimeout() {
        return of(GatewayResponseType.INTEGRATION_TIMEOUT).withLogLine("Execution failed due to a timeout error");
    }

    /** 413 for a request body over the payload limit. */
    public static GatewayException requestTooLarge() {
        return of(GatewayResponseType.REQUEST_TOO_LARGE);
    }

    /**
     * 500 {@code {"message": "Internal server error"}} for a configuration problem, logged as
     * "Execution failed due to configuration error: {detail}".
     */
    public static GatewayException configurationError(String detail) {
        return of(GatewayResponseType.API_CONFIGURATION_ERROR)
                .withLogLine("Execution failed due to configuration error: " + detail);
    }

    /** 500 for a bug or unexpected failure inside the gateway; the cause is kept for diagnostics. */
    public static GatewayException internalError(Throwable cause) {
        return new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR, "Internal server error", 500,
                "Execution failed due to an internal error", null, cause);
    }

    public GatewayException withStatus(int newStatus) {
        if (newStatus < 100 || newStatus > 599) throw new IllegalArgumentException("status " + newStatus);
        return new GatewayException(type, errorMessage, newStatus, logLine, validationErrorString, getCause());
    }

    public GatewayException withMessage(String newMessage) {
        return new GatewayException(type, newMessage, status, logLine, validationErrorString, getCause());
    }

    /** The execution-log line that ends the log ("Execution failed due to ..."); null for none. */
    public GatewayException withLogLine(String line) {
        return new GatewayException(type, errorMessage, status, line, validationErrorString, getCause());
    }

    public GatewayException withValidationErrorString(String detail) {
        return new GatewayException(type, errorMessage, status, logLine, detail, getCause());
    }

    public GatewayResponseType type() {
        return type;
    }

    /** {@code $context.error.message}; may be null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The status before customisation (the type's default unless overridden). */
    public int status() {
        return status;
    }

    /** May be null. */
    public String logLine() {
        return logLine;
    }

    /** {@code $context.error.validationErrorString}; may be null. */
    public String validationErrorString() {
        return validationErrorString;
    }
}
