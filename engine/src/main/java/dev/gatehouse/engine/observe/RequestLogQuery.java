package dev.gatehouse.engine.observe;

import java.util.Locale;

/**
 * A search of the request log; every field is optional (null = any).
 *
 * @param status     {@code 5xx}, {@code 4xx}, {@code 2xx}... or an exact code such as {@code 404}
 * @param method     HTTP method, e.g. {@code GET}
 * @param pathGlob   a glob ({@code *}, {@code ?}, {@code [..]}) matched against the path inside the stage
 *                   ({@code /pets/1}), the client's path ({@code /prod/pets/1}) or the resource ({@code /pets/{id}})
 * @param apiKey     an API key's value (compared masked, as stored) or its id
 * @param afterId    only entries with a greater id ({@code --follow})
 * @param limit      at most this many, newest first (oldest first when {@code afterId} is set)
 */
public record RequestLogQuery(String apiId, String stage, Long fromMillis, Long toMillis, String status,
                              String method, String pathGlob, String requestId, String apiKey,
                              Double minLatencyMs, Double maxLatencyMs, Long afterId, int limit) {

    public RequestLogQuery {
        if (limit <= 0) limit = 100;
        if (status != null) {
            status = status.trim().toLowerCase(Locale.ROOT);
            if (!status.matches("[1-5]xx|[1-5][0-9][0-9]")) {
                throw new IllegalArgumentException("--status must be a class such as 5xx or a code such as 404, not '"
                        + status + "'");
            }
        }
        if (method != null) method = method.toUpperCase(Locale.ROOT);
    }

    /** Everything of one stage, the newest 100. */
    public static RequestLogQuery stage(String apiId, String stage) {
        return new RequestLogQuery(apiId, stage, null, null, null, null, null, null, null, null, null, null, 100);
    }

    public RequestLogQuery withSince(long fromMillis) {
        return new RequestLogQuery(apiId, stage, fromMillis, toMillis, status, method, pathGlob, requestId, apiKey,
                minLatencyMs, maxLatencyMs, afterId, limit);
    }

    public RequestLogQuery withStatus(String s) {
        return new RequestLogQuery(apiId, stage, fromMillis, toMillis, s, method, pathGlob, requestId, apiKey,
                minLatencyMs, maxLatencyMs, afterId, limit);
    }

    public RequestLogQuery withAfterId(long id) {
        return new RequestLogQuery(apiId, stage, fromMillis, toMillis, status, method, pathGlob, requestId, apiKey,
                minLatencyMs, maxLatencyMs, id, limit);
    }
}
