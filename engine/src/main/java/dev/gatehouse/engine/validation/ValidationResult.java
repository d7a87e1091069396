package dev.gatehouse.engine.validation;

import java.util.List;

/**
 * The outcome of validating one method request. {@link Valid}, or the first failure in AWS's order
 * (parameters before body). The data plane turns a failure into BAD_REQUEST_PARAMETERS / BAD_REQUEST_BODY.
 */
public sealed interface ValidationResult {

    Valid VALID = new Valid();

    /** True when the request may proceed. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The client message ({@code $context.error.message}), or null when valid. */
    String message();

    /** Nothing to report. */
    record Valid() implements ValidationResult {
        @Override
        public String message() {
            return null;
        }
    }

    /** Required parameters missing or blank, in declaration order: {@code Missing required request parameters: [a, b]}. */
    record MissingParameters(List<String> names) implements ValidationResult {
        public MissingParameters {
            names = List.copyOf(names);
        }

        @Override
        public String message() {
            return "Missing required request parameters: [" + String.join(", ", names) + "]";
        }
    }

    /**
     * The body does not match the model: {@code Invalid request body}; {@link #validationErrorString()} is the
     * detail AWS exposes as {@code $context.error.validationErrorString} and logs.
     */
    record InvalidBody(String modelName, List<String> errors) implements ValidationResult {
        public InvalidBody {
            errors = List.copyOf(errors);
        }

        @Override
        public String message() {
            return "Invalid request body";
        }

        /** {@code [object has missing required properties (["name"])]}. */
        public String validationErrorString() {
            return "[" + String.join(", ", errors) + "]";
        }
    }
}
