package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The observability store's searches as JSON, for clients that see the engine through its facade only (the
 * console): the JSON carries the records' own field names ({@link RequestLogEntry}, {@link MetricPoint}), so a
 * client maps it onto its own records. Called on the caller's (background) thread; reads only.
 */
public final class ObserveQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Observability observability;
    private final AuditTrail audit;

    public ObserveQueries(Observability observability, AuditTrail audit) {
        this.observability = observability;
        this.audit = audit;
    }

    /**
     * The request log's entries matching {@code filter}, newest first, as an array of {@link RequestLogEntry}
     * objects; empty before the data plane started. Filter keys (all optional): {@code apiId}, {@code stage},
     * {@code fromMillis}, {@code toMillis}, {@code status} ({@code 5xx} or {@code 404}), {@code method},
     * {@code path} (glob), {@code requestId}, {@code apiKey}, {@code minLatencyMs}, {@code limit}.
     *
     * @throws IllegalArgumentException naming the filter when a value is malformed
     */
    public ArrayNode requests(Map<String, String> filter) {
        RequestLogStore store = observability.requestLog();
        if (store == null) return JSON.createArrayNode();
        RequestLogQuery q = new RequestLogQuery(filter.get("apiId"), filter.get("stage"), number(filter, "fromMillis"),
                number(filter, "toMillis"), blank(filter.get("status")), blank(filter.get("method")),
                blank(filter.get("path")), blank(filter.get("requestId")), blank(filter.get("apiKey")),
                decimal(filter, "minLatencyMs"), null, null, filter.containsKey("limit") ? number(filter, "limit").intValue() : 500);
        return JSON.valueToTree(store.search(q));
    }

    /**
     * A stage's (or, with {@code method} such as {@code GET /pets}, one method's) metrics from {@code fromSecond} to
     * {@code toSecond} at {@code resolution} seconds (1 or 60): {@code {"points":[MetricPoint…], "summary":
     * MetricPoint, "methods":["GET /pets"…]}}; empty lists before the data plane started.
     */
    public ObjectNode metrics(String apiId, String stage, String method, long fromSecond, long toSecond, int resolution) {
        ObjectNode out = JSON.createObjectNode();
        MetricsStore store = observability.metrics();
        if (store == null) {
            out.putArray("points");
            out.putArray("methods");
            return out;
        }
        out.set("points", JSON.valueToTree(store.series(apiId, stage, method, fromSecond, toSecond, resolution)));
        out.set("summary", JSON.valueToTree(store.summary(apiId, stage, method, fromSecond, toSecond, resolution)));
        out.set("methods", JSON.valueToTree(store.methods(apiId, stage, fromSecond, toSecond, resolution)));
        return out;
    }

    /** The audit trail's entries from {@code since} on (all when null), oldest first, as its JSON lines. */
    public List<JsonNode> audit(Instant since) {
        return audit.read(since);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long number(Map<String, String> filter, String key) {
        String v = blank(filter.get(key));
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    private static Double decimal(Map<String, String> filter, String key) {
        String v = blank(filter.get(key));
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds, not '" + v + "'");
        }
    }
}
