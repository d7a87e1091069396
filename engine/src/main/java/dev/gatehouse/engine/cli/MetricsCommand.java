package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.observe.MetricBucket;
import dev.gatehouse.engine.observe.MetricPoint;
import dev.gatehouse.engine.observe.MetricsStore;
import dev.gatehouse.engine.observe.ObserveDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse metrics API --stage S}: API Gateway's metrics of a stage (and each of its methods, or one with
 * {@code --method 'GET /x'}) over {@code --since}: Count, 4XXError, 5XXError, CacheHitCount, CacheMissCount,
 * Latency and IntegrationLatency (ms, p50/p90/p99). Ranges up to an hour read the 1-second buckets, longer ones the
 * 1-minute buckets; {@code --series} prints every bucket.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Show a stage's request metrics (as CloudWatch's AWS/ApiGateway).")
final class MetricsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Option(names = {"-s", "--stage"}, required = true, paramLabel = "NAME")
    String stage;

    @Option(names = "--method", paramLabel = "'METHOD /path'", description = "One method, e.g. 'GET /pets/{id}'.")
    String method;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "1h", description = "30s, 10m, 1h, 7d or an ISO time (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--series", description = "Print every bucket (1 s up to an hour back, else 1 min).")
    boolean series;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    String output;

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        if (!output.equals("text") && !output.equals("json")) throw CliErrors.of("--output must be text or json, not '" + output + "'");
        String apiId;
        java.nio.file.Path root;
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            apiId = definition.id();
            WorkspaceOption.stage(gateway.workspace(), definition, stage); // an unknown stage is an error, not zeros
            root = gateway.workspace().root();
        }
        Instant now = Instant.now();
        Instant from = SinceOption.parse(since, now);
        int resolution = Duration.between(from, now).compareTo(Duration.ofHours(1)) <= 0 ? MetricsStore.SECOND : MetricsStore.MINUTE;
        long fromSecond = from.getEpochSecond();
        if (resolution == MetricsStore.MINUTE) fromSecond -= Math.floorMod(fromSecond, 60);
        long toSecond = now.getEpochSecond() + 1;
        try (ObserveDatabase db = ObserveStoreOption.open(root)) {
            MetricsStore store = new MetricsStore(db);
            String m = normalise(method);
            List<String> rows = new ArrayList<>();
            rows.add(m == null ? "" : m);
            if (m == null) rows.addAll(store.methods(apiId, stage, fromSecond, toSecond, resolution));
            ObjectMapper json = new ObjectMapper();
            ArrayNode out = json.createArrayNode();
            if (output.equals("text")) {
                System.out.printf("%-28s %8s %8s %8s %8s %8s %9s %9s %9s %9s %9s %9s %9s%n", "METHOD", "Count",
                        "4XXError", "5XXError", "CacheHit", "CacheMis", "Lat.avg", "Lat.p50", "Lat.p90", "Lat.p99",
                        "Int.p50", "Int.p90", "Int.p99");
            }
            for (String row : rows) {
                MetricPoint total = store.summary(apiId, stage, row, fromSecond, toSecond, resolution);
                List<MetricPoint> points = series ? store.series(apiId, stage, row, fromSecond, toSecond, resolution) : List.of();
                if (output.equals("json")) {
                    ObjectNode n = out.addObject();
                    n.put("method", row.isEmpty() ? null : row);
                    n.set("total", json.valueToTree(total));
                    if (series) n.set("series", json.valueToTree(points));
                    continue;
                }
                line(row.isEmpty() ? "(stage " + stage + ")" : row, total);
                for (MetricPoint p : points) line("  " + Instant.ofEpochSecond(p.epochSecond()), p);
            }
            if (output.equals("json")) {
                ObjectNode doc = json.createObjectNode();
                doc.put("apiId", apiId);
                doc.put("stage", stage);
                doc.put("from", Instant.ofEpochSecond(fromSecond).toString());
                doc.put("to", Instant.ofEpochSecond(toSecond).toString());
                doc.put("resolutionSeconds", resolution);
                doc.set("metrics", out);
                System.out.println(doc.toPrettyString());
            }
        }
        return 0;
    }

    /** {@code get /x} → {@code GET /x}. */
    static String normalise(String method) {
        if (method == null) return null;
        String t = method.trim();
        int space = t.indexOf(' ');
        if (space < 0 || !t.substring(space + 1).trim().startsWith("/")) {
            throw CliErrors.of("--method must be a method and a resource path such as 'GET /pets/{id}', not '" + method + "'");
        }
        return t.substring(0, space).toUpperCase(java.util.Locale.ROOT) + " " + t.substring(space + 1).trim();
    }

    private static void line(String label, MetricPoint p) {
        MetricBucket.Distribution l = p.latency();
        MetricBucket.Distribution i = p.integrationLatency();
        System.out.printf("%-28s %8d %8d %8d %8d %8d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f%n", label, p.count(),
                p.errors4xx(), p.errors5xx(), p.cacheHits(), p.cacheMisses(), l.avg(), l.p50(), l.p90(), l.p99(),
                i.p50(), i.p90(), i.p99());
    }
}
