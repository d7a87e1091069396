package dev.gatehouse.engine.model;

/** What a method's request validation checks (AWS {@code RequestValidator}). */
public record RequestValidator(String id, String name, Boolean validateRequestBody, Boolean validateRequestParameters) {
    public RequestValidator {
        if (validateRequestBody == null) validateRequestBody = Boolean.FALSE;
        if (validateRequestParameters == null) validateRequestParameters = Boolean.FALSE;
    }
}
