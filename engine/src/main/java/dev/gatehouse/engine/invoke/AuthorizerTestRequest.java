package dev.gatehouse.engine.invoke;

import java.util.List;
import java.util.Map;

/**
 * A TestInvokeAuthorizer request in AWS's shape (botocore {@code TestInvokeAuthorizerRequest}): the simulated
 * caller's {@code headers} / {@code multiValueHeaders} (where the identity source goes), {@code pathWithQueryString}
 * (query-string identity sources), {@code body}, {@code stageVariables} and {@code additionalContext}. Null maps are
 * empty; the compact constructor copies them.
 */
public record AuthorizerTestRequest(Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
                                    String pathWithQueryString, String body, Map<String, String> stageVariables,
                                    Map<String, String> additionalContext) {
    public AuthorizerTestRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        multiValueHeaders = multiValueHeaders == null ? Map.of() : Map.copyOf(multiValueHeaders);
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
        additionalContext = additionalContext == null ? Map.of() : Map.copyOf(additionalContext);
    }

    /** Only headers (the usual test: an {@code Authorization} token). */
    public static AuthorizerTestRequest ofHeaders(Map<String, String> headers) {
        return new AuthorizerTestRequest(headers, null, null, null, null, null);
    }
}
