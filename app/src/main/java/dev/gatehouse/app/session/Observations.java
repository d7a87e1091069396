package dev.gatehouse.app.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local data plane observed, as the console's Dashboard, Logs and Audit pages read it: the request log
 * (AWS's execution log per request, searchable), the metrics per stage and method (AWS's names), the audit trail
 * of administrative actions, and the last requests exactly as they arrived (for Replay). Reached through
 * {@link WorkspaceSession#observations()}; {@link EngineObservations} implements it on the engine's store
 * ({@code .gatehouse/observe.db}, {@code .gatehouse/audit.jsonl}).
 *
 * <p>Threading: every method reads the disk; call them through a TaskRunner, never on the FX thread.
 * Thread-safe. Before the data plane has started the searches answer empty. Malformed filter values fail with
 * {@link IllegalArgumentException} in the product's words.
 */
public interface Observations {

    /** The request log's entries matching {@code filter}, newest first. */
    List<LoggedRequest> requests(LogFilter filter);

    /**
     * A stage's metrics ({@code method} null) or one method's ({@code "GET /pets"}) from {@code from} to {@code to},
     * at 1-second buckets ({@code resolutionSeconds} 1, kept an hour) or 1-minute ones (60, kept a week).
     */
    MetricSeries metrics(String apiId, String stage, String method, Instant from, Instant to, int resolutionSeconds);

    /** The audit trail from {@code since} (everything when null), oldest first. */
    List<AuditEntry> audit(Instant since);

    /** The request {@code requestId} as it arrived and what it was answered; empty when no longer kept in memory. */
    Optional<Exchange> exchange(String requestId);

    /** Waits until what was served so far is in the store (false after {@code timeoutMillis}). */
    boolean flush(long timeoutMillis);

    /**
     * A search; null fields match anything.
     *
     * @param status       {@code 2xx}…{@code 5xx} or an exact code
     * @param pathGlob     {@code *}, {@code ?} globs against the path inside the stage, the client's path or the resource
     * @param minLatencyMs only requests at least this slow
     */
    record LogFilter(String apiId, String stage, Instant from, Instant to, String status, String method,
                     String pathGlob, String requestId, String apiKey, Double minLatencyMs, int limit) {
        public static LogFilter stage(String apiId, String stage) {
            return new LogFilter(apiId, stage, null, null, null, null, null, null, null, null, 500);
        }
    }

    /**
     * One request of the log (AWS's execution log in {@code log}).
     *
     * @param path   the client's path, {@code /{stage}/…}
     * @param apiKey masked but its last 4 characters, or null
     */
    record LoggedRequest(long id, long epochMillis, String apiId, String stage, String requestId, String httpMethod,
                         String resourcePath, String path, int status, double latencyMs, Double integrationLatencyMs,
                         String apiKeyId, String apiKey, String sourceIp, String level, String log) { }

    /** A latency distribution in milliseconds. */
    record Latency(long samples, double avg, double p50, double p90, double p99, double max) { }

    /** AWS's metrics of one bucket (or the range, for a summary), with {@code epochSecond} its start. */
    record MetricPoint(long epochSecond, long count, long errors4xx, long errors5xx, long cacheHits, long cacheMisses,
                       Latency latency, Latency integrationLatency) {
        /** {@code CacheHitCount / (CacheHitCount + CacheMissCount)}, or NaN without lookups. */
        public double cacheHitRatio() {
            long lookups = cacheHits + cacheMisses;
            return lookups == 0 ? Double.NaN : (double) cacheHits / lookups;
        }
    }

    /** A range of buckets (oldest first, empty buckets absent), their merge, and the methods seen in the range. */
    record MetricSeries(List<MetricPoint> points, MetricPoint summary, List<String> methods) {
        public MetricSeries {
            points = List.copyOf(points);
            methods = List.copyOf(methods);
        }
    }

    /**
     * One administrative action, CloudTrail-like.
     *
     * @param actor   {@code source:identity}: {@code console:alice}, {@code cli:alice}, {@code control-plane:AKID…}
     * @param changes JSON Pointer → before/after of what changed
     */
    record AuditEntry(Instant time, String source, String actor, String eventName, String resource, long revision,
                      List<Change> changes, String json) { }

    /** One changed value; {@code before} or {@code after} is null when the value was added or removed (JSON text). */
    record Change(String path, String before, String after) { }

    /**
     * A request exactly as it arrived (headers in arrival order, the body's bytes) and the response sent.
     *
     * @param path  the raw path, e.g. {@code /prod/pets/1}
     * @param query the raw query without '?', "" when none
     */
    record Exchange(String requestId, String method, String path, String query, List<Map.Entry<String, String>> headers,
                    byte[] body, int status, List<Map.Entry<String, String>> responseHeaders, byte[] responseBody) {
        public Exchange {
            headers = List.copyOf(headers);
            responseHeaders = List.copyOf(responseHeaders);
        }
    }
}
