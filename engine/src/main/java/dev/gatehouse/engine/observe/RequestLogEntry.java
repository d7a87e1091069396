package dev.gatehouse.engine.observe;

/**
 * One stored request of the execution log, as searches return it.
 *
 * @param id                   increasing row id (what {@code --follow} continues after)
 * @param epochMillis          when the request was received
 * @param path                 {@code $context.path}: {@code /{stage}/...} as the client addressed it
 * @param integrationLatencyMs null when no backend was called
 * @param apiKey               the caller's API key, masked but its last 4 characters; null without one
 * @param level                the stage's logging level when the request ran (ERROR or INFO)
 * @param log                  the execution log text (API Gateway's lines)
 */
public record RequestLogEntry(long id, long epochMillis, String apiId, String stage, String requestId,
                              String httpMethod, String resourcePath, String path, int status, double latencyMs,
                              Double integrationLatencyMs, String apiKeyId, String apiKey, String sourceIp,
                              String level, String log) {
}
