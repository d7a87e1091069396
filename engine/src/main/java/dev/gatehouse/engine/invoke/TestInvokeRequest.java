package dev.gatehouse.engine.invoke;

import java.util.List;
import java.util.Map;

/**
 * A test-invoke request in AWS's shape (TestInvokeMethod).
 *
 * @param pathWithQueryString e.g. {@code /pets/123?foo=bar}; path parameters are read from it against the
 *                            resource's template
 * @param multiValueHeaders   added to {@code headers}
 */
public record TestInvokeRequest(String pathWithQueryString, String body, Map<String, String> headers,
                                Map<String, List<String>> multiValueHeaders, Map<String, String> stageVariables) {
    public TestInvokeRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        multiValueHeaders = multiValueHeaders == null ? Map.of() : Map.copyOf(multiValueHeaders);
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    }

    public static TestInvokeRequest of(String pathWithQueryString) {
        return new TestInvokeRequest(pathWithQueryString, null, null, null, null);
    }
}
