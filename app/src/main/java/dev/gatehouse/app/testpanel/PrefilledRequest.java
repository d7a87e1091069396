package dev.gatehouse.app.testpanel;

import java.util.Map;
import java.util.Objects;

/**
 * What another page hands the test panel to open with (the Logs page's "Replay in test panel"): the method to
 * select and the form's fields in the panel's own text forms. Pure data; any thread.
 *
 * @param apiId          the API the method belongs to
 * @param resourceId     the resource whose method opens
 * @param httpMethod     the method as the resource defines it (a logged GET of an {@code ANY} method is {@code ANY})
 * @param pathParameters the resource path's {@code {name}} values, decoded
 * @param queryString    e.g. {@code n=3&type=dog}, without the leading {@code ?}
 * @param headers        one {@code Name: value} a line
 * @param body           the request body as text
 * @param stageVariables one {@code name=value} a line ({@code #} lines are comments), or empty
 */
public record PrefilledRequest(String apiId, String resourceId, String httpMethod, Map<String, String> pathParameters,
                               String queryString, String headers, String body, String stageVariables) {
    public PrefilledRequest {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(httpMethod, "httpMethod");
        pathParameters = Map.copyOf(pathParameters);
        queryString = queryString == null ? "" : queryString;
        headers = headers == null ? "" : headers;
        body = body == null ? "" : body;
        stageVariables = stageVariables == null ? "" : stageVariables;
    }
}
