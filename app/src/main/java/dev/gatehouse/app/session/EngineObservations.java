package dev.gatehouse.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gatehouse.engine.Gateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Observations} on the engine's {@link Gateway}: its observability queries come as JSON with the engine
 * records' field names, mapped here onto the console's records (the console sees no engine observe types).
 */
final class EngineObservations implements Observations {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Gateway gateway;

    EngineObservations(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override public List<LoggedRequest> requests(LogFilter f) {
        Map<String, String> filter = new LinkedHashMap<>();
        put(filter, "apiId", f.apiId());
        put(filter, "stage", f.stage());
        put(filter, "fromMillis", f.from() == null ? null : String.valueOf(f.from().toEpochMilli()));
        put(filter, "toMillis", f.to() == null ? null : String.valueOf(f.to().toEpochMilli()));
        put(filter, "status", f.status());
        put(filter, "method", f.method());
        put(filter, "path", f.pathGlob());
        put(filter, "requestId", f.requestId());
        put(filter, "apiKey", f.apiKey());
        put(filter, "minLatencyMs", f.minLatencyMs() == null ? null : String.valueOf(f.minLatencyMs()));
        put(filter, "limit", String.valueOf(f.limit() <= 0 ? 500 : f.limit()));
        ArrayNode rows = gateway.requestLogJson(filter);
        List<LoggedRequest> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) out.add(convert(row, LoggedRequest.class));
        return out;
    }

    @Override public MetricSeries metrics(String apiId, String stage, String method, Instant from, Instant to, int resolutionSeconds) {
        JsonNode json = gateway.metricsJson(apiId, stage, method, from.getEpochSecond(), to.getEpochSecond(), resolutionSeconds);
        List<MetricPoint> points = new ArrayList<>();
        for (JsonNode p : json.path("points")) points.add(convert(p, MetricPoint.class));
        MetricPoint summary = json.hasNonNull("summary") ? convert(json.get("summary"), MetricPoint.class)
                : new MetricPoint(from.getEpochSecond(), 0, 0, 0, 0, 0, new Latency(0, 0, 0, 0, 0, 0), new Latency(0, 0, 0, 0, 0, 0));
        List<String> methods = new ArrayList<>();
        for (JsonNode m : json.path("methods")) methods.add(m.asText());
        return new MetricSeries(points, summary, methods);
    }

    @Override public List<AuditEntry> audit(Instant since) {
        List<AuditEntry> out = new ArrayList<>();
        for (JsonNode line : gateway.auditJson(since)) {
            List<Change> changes = new ArrayList<>();
            for (JsonNode c : line.path("changes")) {
                changes.add(new Change(c.path("path").asText(), text(c.get("before")), text(c.get("after"))));
            }
            out.add(new AuditEntry(Instant.parse(line.path("eventTime").asText()), line.path("eventSource").asText(),
                    line.path("userIdentity").asText(), line.path("eventName").asText(), line.path("resource").asText(),
                    line.path("revision").asLong(-1), changes, line.toString()));
        }
        return out;
    }

    @Override public Optional<Exchange> exchange(String requestId) {
        return gateway.recentRequest(requestId).map(j -> new Exchange(j.path("requestId").asText(),
                j.path("method").asText(), j.path("path").asText(), j.path("query").asText(), pairs(j.path("headers")),
                Base64.getDecoder().decode(j.path("bodyBase64").asText()), j.path("response").path("status").asInt(),
                pairs(j.path("response").path("headers")),
                Base64.getDecoder().decode(j.path("response").path("bodyBase64").asText())));
    }

    @Override public boolean flush(long timeoutMillis) {
        return gateway.flushObservations(Duration.ofMillis(timeoutMillis));
    }

    private static List<Map.Entry<String, String>> pairs(JsonNode array) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (JsonNode pair : array) out.add(Map.entry(pair.get(0).asText(), pair.get(1).asText()));
        return out;
    }

    /** A changed value as JSON text (strings unquoted), null when absent. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static void put(Map<String, String> filter, String key, String value) {
        if (value != null && !value.isBlank()) filter.put(key, value);
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the observability store answered a " + type.getSimpleName()
                    + " this console cannot read: " + e.getOriginalMessage(), e);
        }
    }
}
