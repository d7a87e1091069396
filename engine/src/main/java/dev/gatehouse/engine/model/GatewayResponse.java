package dev.gatehouse.engine.model;

import java.util.Map;

/**
 * A customised gateway response of an API (AWS {@code GatewayResponse}).
 *
 * @param statusCode         null keeps the type's default status
 * @param responseParameters {@code gatewayresponse.header.NAME → 'static' | method.request.* | stageVariables.* | context.*}
 * @param responseTemplates  content type → template ({@code $context.error.*} substitution)
 * @param defaultResponse    true when this is AWS's built-in default, not a customisation
 */
public record GatewayResponse(GatewayResponseType responseType, String statusCode, Map<String, String> responseParameters,
                              Map<String, String> responseTemplates, Boolean defaultResponse) {
    public GatewayResponse {
        responseParameters = Copies.map(responseParameters);
        responseTemplates = Copies.map(responseTemplates);
        if (defaultResponse == null) defaultResponse = Boolean.FALSE;
    }
}
