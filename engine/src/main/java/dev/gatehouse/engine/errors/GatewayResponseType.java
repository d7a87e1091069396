package dev.gatehouse.engine.errors;

/**
 * The 21 gateway response types of API Gateway (aws-reference §1.9) with their built-in status, message,
 * {@code x-amzn-ErrorType} value and exact default body. Bodies differ in spacing the way AWS's do
 * ({@code {"message":"Missing Authentication Token"}} vs {@code {"message": "Internal server error"}}).
 * Values marked [verify] in the reference are our best reading; they are documented per constant.
 */
public enum GatewayResponseType {

    ACCESS_DENIED(403, "AccessDeniedException",
            "User is not authorized to access this resource with an explicit deny", Body.CAPITAL),
    API_CONFIGURATION_ERROR(500, "InternalServerErrorException", "Internal server error", Body.SPACED),
    AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException", null, Body.SPACED),
    /** [verify] modelled like the configuration error: {@code {"message": null}}. */
    AUTHORIZER_FAILURE(500, "AuthorizerFailureException", null, Body.SPACED),
    BAD_REQUEST_PARAMETERS(400, "BadRequestException", "Missing required request parameters", Body.SPACED),
    BAD_REQUEST_BODY(400, "BadRequestException", "Invalid request body", Body.SPACED),
    DEFAULT_4XX(0, "BadRequestException", "Bad Request", Body.COMPACT),
    DEFAULT_5XX(0, "InternalServerErrorException", "Internal server error", Body.SPACED),
    /** [verify] message and error type. */
    EXPIRED_TOKEN(403, "ExpiredTokenException", "The security token included in the request is expired",
            Body.COMPACT),
    /** 504 by default; connection failures override the status (see {@code integration.BackendFailure}). */
    INTEGRATION_FAILURE(504, "InternalServerErrorException", "Internal server error", Body.SPACED),
    INTEGRATION_TIMEOUT(504, "InternalServerErrorException", "Endpoint request timed out", Body.SPACED),
    INVALID_API_KEY(403, "ForbiddenException", "Forbidden", Body.COMPACT),
    /** [verify] message and error type. */
    INVALID_SIGNATURE(403, "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.", Body.COMPACT),
    MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException", "Missing Authentication Token",
            Body.COMPACT),
    QUOTA_EXCEEDED(429, "LimitExceededException", "Limit Exceeded", Body.COMPACT),
    /** [verify] message "Request Too Large" (community report). */
    REQUEST_TOO_LARGE(413, "RequestTooLargeException", "Request Too Large", Body.COMPACT),
    /** [verify] */
    RESOURCE_NOT_FOUND(404, "ResourceNotFoundException", "Not Found", Body.COMPACT),
    THROTTLED(429, "TooManyRequestsException", "Too Many Requests", Body.COMPACT),
    UNAUTHORIZED(401, "UnauthorizedException", "Unauthorized", Body.COMPACT),
    UNSUPPORTED_MEDIA_TYPE(415, "BadRequestException", "Unsupported Media Type", Body.COMPACT),
    /** [verify] */
    WAF_FILTERED(403, "ForbiddenException", "Forbidden", Body.COMPACT);

    /** How AWS lays out the built-in body around the quoted message. */
    enum Body {
        COMPACT("{\"message\":", "}"),
        SPACED("{\"message\": ", "}"),
        CAPITAL("{\"Message\":", "}");

        final String prefix;
        final String suffix;

        Body(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }
    }

    private final int defaultStatus;
    private final String errorType;
    private final String defaultMessage;
    private final Body body;

    GatewayResponseType(int defaultStatus, String errorType, String defaultMessage, Body body) {
        this.defaultStatus = defaultStatus;
        this.errorType = errorType;
        this.defaultMessage = defaultMessage;
        this.body = body;
    }

    /** The built-in status; 0 for DEFAULT_4XX/DEFAULT_5XX, which have none. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** The {@code x-amzn-ErrorType} header value. */
    public String errorType() {
        return errorType;
    }

    /** The built-in {@code $context.error.message}; null where AWS sends {@code {"message": null}}. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** DEFAULT_4XX or DEFAULT_5XX for a concrete type (by its default status); null for the two defaults. */
    public GatewayResponseType fallback() {
        if (this == DEFAULT_4XX || this == DEFAULT_5XX) return null;
        return defaultStatus >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }

    /** The built-in body for {@code message} (null renders as JSON null), byte for byte as AWS sends it. */
    public String builtInBody(String message) {
        return body.prefix + ErrorTemplate.jsonString(message) + body.suffix;
    }
}
