package dev.gatehouse.engine.validation;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.mapping.MappingRequests;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;

/**
 * Method-request validation (aws-reference §2): required parameters first, then the body against the model chosen
 * by Content-Type. A failure short-circuits with BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY (400) and AWS's
 * message; the detailed schema errors become {@code $context.error.validationErrorString} and the log line.
 * The schemas were compiled at deploy time.
 */
public final class ValidationFilter implements Filter {

    private final RequestValidation validation;

    public ValidationFilter(RequestValidation validation) {
        this.validation = validation;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        ValidationResult result = validation.validate(MappingRequests.of(request, chain.context()));
        switch (result) {
            case ValidationResult.Valid v -> { }
            case ValidationResult.MissingParameters missing -> throw GatewayException.missingRequestParameters(missing.names())
                    .withLogLine("Method request validation failed: " + missing.message());
            case ValidationResult.InvalidBody invalid -> throw GatewayException.invalidRequestBody(invalid.validationErrorString())
                    .withLogLine("Request body does not match model schema for content type "
                            + contentType(request) + ": " + invalid.validationErrorString());
        }
        return chain.proceed(request);
    }

    private static String contentType(GatewayRequest request) {
        String ct = request.headers().last("Content-Type");
        return ct == null ? "application/json" : ct.split(";")[0].trim();
    }

    @Override public String toString() {
        return "ValidationFilter{" + validation + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}
