package dev.gatehouse.app.testpanel;

import dev.gatehouse.engine.invoke.TestInvokeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test request as the form described it: which method, the target, the path with its query string, the
 * headers in order (a name may repeat), the body and the stage variables. Immutable; a run of the history keeps
 * it so it can be run again or copied as curl.
 *
 * @param target              the draft or a deployed stage
 * @param pathWithQueryString e.g. {@code /pets/42?type=dog}
 * @param headers             name/value pairs in the order typed
 * @param stageVariables      for draft test invokes; a deployed stage uses its own
 */
public record TestRequest(String apiId, String resourceId, String httpMethod, TestTarget target,
                          String pathWithQueryString, List<Map.Entry<String, String>> headers, String body,
                          Map<String, String> stageVariables) {
    public TestRequest {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pathWithQueryString, "pathWithQueryString");
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
        stageVariables = Map.copyOf(stageVariables);
    }

    /**
     * The engine's test-invoke request: a header given once goes to {@code headers}, one given several times to
     * {@code multiValueHeaders}.
     */
    public TestInvokeRequest toInvokeRequest() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) all.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        all.forEach((name, values) -> {
            if (values.size() == 1) single.put(name, values.getFirst());
            else multi.put(name, values);
        });
        return new TestInvokeRequest(pathWithQueryString, body.isEmpty() ? null : body, single, multi, stageVariables);
    }

    /**
     * The request as a curl command line against {@code baseUrl} (a stage's invoke URL; a placeholder such as
     * {@code $INVOKE_URL} when the draft has none). Values are single-quoted for POSIX shells.
     */
    public String toCurl(String baseUrl) {
        StringBuilder b = new StringBuilder("curl -i -X ").append(httpMethod.equals("ANY") ? "GET" : httpMethod)
                .append(' ').append(quote(trimSlash(baseUrl) + pathWithQueryString));
        for (Map.Entry<String, String> h : headers) b.append(" \\\n  -H ").append(quote(h.getKey() + ": " + h.getValue()));
        if (!body.isEmpty()) b.append(" \\\n  --data-raw ").append(quote(body));
        return b.toString();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
