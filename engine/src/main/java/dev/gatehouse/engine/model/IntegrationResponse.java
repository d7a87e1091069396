package dev.gatehouse.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How a backend response becomes a method response (AWS {@code IntegrationResponse}).
 *
 * @param selectionPattern   regex matched against the backend status (or Lambda error message); null = default
 * @param responseParameters {@code method.response.header.NAME → source expression}
 * @param responseTemplates  content type → VTL template
 */
public record IntegrationResponse(
        String statusCode,
        String selectionPattern,
        Map<String, String> responseParameters,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> responseTemplates,
        ContentHandling contentHandling) {

    public IntegrationResponse {
        responseParameters = Copies.map(responseParameters);
        responseTemplates = Copies.map(responseTemplates);
    }

    public static IntegrationResponse of(String statusCode) {
        return new IntegrationResponse(statusCode, null, null, null, null);
    }

    /** True when this response is the default one (no or empty selection pattern). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDefault() {
        return selectionPattern == null || selectionPattern.isEmpty();
    }

    public IntegrationResponse withResponseTemplates(Map<String, String> templates) {
        return new IntegrationResponse(statusCode, selectionPattern, responseParameters, templates, contentHandling);
    }

    public IntegrationResponse withResponseParameters(Map<String, String> parameters) {
        return new IntegrationResponse(statusCode, selectionPattern, parameters, responseTemplates, contentHandling);
    }
}
