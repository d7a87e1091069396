package dev.gatehouse.engine.observe;

/**
 * One finished data-plane request as the observers need it: what the metrics, access logs and the request-log
 * store are computed from, off the request path. Built by {@link ObservingListener} on the request's thread when
 * the request ends, then only read (by the {@link ObserveWriter} thread).
 *
 * @param requestTimeMillis  when the server received the request (epoch ms; {@code $context.requestTimeEpoch})
 * @param apiId              null when the request matched no API (then it counts nowhere but the access log of none)
 * @param resourcePath       the matched resource template, null when unrouted
 * @param latencyMicros      received to response ready ({@code Latency})
 * @param integrationMicros  backend time ({@code IntegrationLatency}); -1 when no backend was called
 * @param integrationStatus  the backend's status; -1 when none answered
 * @param cacheLookup        the stage cache filter ran for this request
 * @param integrationCalled  the integration ran (a cache lookup without it is a hit)
 * @param apiKey             the x-api-key value the caller sent (masked before it is stored), or null
 * @param executionLog       the execution log as stored ({@link ExecutionLog#storedText()}: text, or its compact
 *                           form that {@code ExecutionLogText.expand} turns into text), or null when none was kept
 *                           as text
 * @param failed             the request ended in a gateway error ({@code executionFailed}) or no response
 * @param executionTrace     the served path's execution log as captured events, written as text by the writer
 *                           ({@link ExecutionLog#replay}); null when the stage logs nothing (or the text is given)
 */
public record RequestRecord(
        long requestTimeMillis,
        String requestId,
        String extendedRequestId,
        String apiId,
        String stage,
        String deploymentId,
        String resourceId,
        String resourcePath,
        String httpMethod,
        String path,
        String protocol,
        String sourceIp,
        String userAgent,
        String domainName,
        String domainPrefix,
        String apiKeyId,
        String apiKey,
        String principalId,
        java.util.Map<String, String> authorizer,
        int status,
        long responseLength,
        long latencyMicros,
        long integrationMicros,
        int integrationStatus,
        String integrationError,
        String errorMessage,
        String errorResponseType,
        boolean cacheLookup,
        boolean integrationCalled,
        boolean failed,
        String executionLog,
        ExecutionTrace executionTrace) {

    /** A record whose execution log, if any, is given as stored text. */
    public RequestRecord(long requestTimeMillis, String requestId, String extendedRequestId, String apiId, String stage,
                         String deploymentId, String resourceId, String resourcePath, String httpMethod, String path,
                         String protocol, String sourceIp, String userAgent, String domainName, String domainPrefix,
                         String apiKeyId, String apiKey, String principalId, java.util.Map<String, String> authorizer,
                         int status, long responseLength, long latencyMicros, long integrationMicros,
                         int integrationStatus, String integrationError, String errorMessage, String errorResponseType,
                         boolean cacheLookup, boolean integrationCalled, boolean failed, String executionLog) {
        this(requestTimeMillis, requestId, extendedRequestId, apiId, stage, deploymentId, resourceId, resourcePath,
                httpMethod, path, protocol, sourceIp, userAgent, domainName, domainPrefix, apiKeyId, apiKey, principalId,
                authorizer, status, responseLength, latencyMicros, integrationMicros, integrationStatus,
                integrationError, errorMessage, errorResponseType, cacheLookup, integrationCalled, failed, executionLog,
                null);
    }

    /** {@code GET /pets/{id}}: the method as the CLI and the store name it. */
    public String methodKey() {
        return httpMethod + " " + resourcePath;
    }

    public double latencyMillis() {
        return latencyMicros / 1000.0;
    }
}
