package dev.gatehouse.engine.errors;

import java.util.Map;

/**
 * One customised gateway response of an API, in AWS's control-plane shape (what the deploy step copies from
 * the definition's GatewayResponse).
 *
 * @param statusCode         replaces the status; null keeps the type's (or the DEFAULT_xXX customisation's)
 * @param responseParameters {@code gatewayresponse.header.Name -> 'static'} or
 *                           {@code method.request.header|querystring|path.X}, {@code stageVariables.X},
 *                           {@code context.X}
 * @param responseTemplates  content type -> template ({@code $context.error.*} plain substitution)
 */
public record CustomGatewayResponse(Integer statusCode, Map<String, String> responseParameters,
                                    Map<String, String> responseTemplates) {

    public CustomGatewayResponse {
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new IllegalArgumentException("statusCode " + statusCode);
        }
        responseParameters = responseParameters == null ? Map.of() : Map.copyOf(responseParameters);
        responseTemplates = responseTemplates == null ? Map.of() : Map.copyOf(responseTemplates);
    }
}
