package dev.gatehouse.engine.model;

import java.util.Map;

/**
 * A status code a method may return (AWS {@code MethodResponse}).
 *
 * @param responseParameters {@code method.response.header.NAME → required}
 * @param responseModels     content type → model name
 */
public record MethodResponse(String statusCode, Map<String, Boolean> responseParameters,
                             Map<String, String> responseModels) {
    public MethodResponse {
        responseParameters = Copies.map(responseParameters);
        responseModels = Copies.map(responseModels);
    }

    public static MethodResponse of(String statusCode) {
        return new MethodResponse(statusCode, null, null);
    }
}
