package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.observe.ObserveDatabase;
import dev.gatehouse.engine.observe.RequestLogEntry;
import dev.gatehouse.engine.observe.RequestLogQuery;
import dev.gatehouse.engine.observe.RequestLogStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse logs API --stage S}: the stage's request (execution) log as {@code gatehouse serve} keeps it
 * (stage {@code loggingLevel} ERROR or INFO), oldest first, filtered by time, status, method, path, request id,
 * API key and latency; {@code --follow} keeps printing new entries; {@code --output json} prints JSON lines.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a stage's request log (execution logs of served requests).")
final class LogsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Option(names = {"-s", "--stage"}, required = true, paramLabel = "NAME")
    String stage;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "1h", description = "30s, 10m, 1h, 7d or an ISO time (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--status", paramLabel = "CODE", description = "A status class such as 5xx or a code such as 404.")
    String status;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method, e.g. GET.")
    String method;

    @Option(names = "--path", paramLabel = "GLOB", description = "Path glob, e.g. '/pets/*' (inside the stage, as sent, or the resource).")
    String path;

    @Option(names = "--request-id", paramLabel = "ID")
    String requestId;

    @Option(names = "--api-key", paramLabel = "KEY", description = "An API key's value or id.")
    String apiKey;

    @Option(names = "--min-latency", paramLabel = "MS")
    Double minLatency;

    @Option(names = "--max-latency", paramLabel = "MS")
    Double maxLatency;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N entries (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--trace", description = "Print each request's execution log lines too.")
    boolean trace;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new entries until interrupted.")
    boolean follow;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (JSON lines).")
    String output;

    @Mixin WorkspaceOption workspace;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public Integer call() throws InterruptedException {
        if (!output.equals("text") && !output.equals("json")) throw CliErrors.of("--output must be text or json, not '" + output + "'");
        String apiId;
        java.nio.file.Path root;
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            apiId = definition.id();
            root = gateway.workspace().root();
            var stageDef = WorkspaceOption.stage(gateway.workspace(), definition, stage);
            if (!logsRequests(stageDef)) {
                // an empty answer alone reads as "no traffic"; say why nothing is kept (stderr: stdout stays parseable)
                System.err.println("note: stage " + stage + " keeps no execution logs: no method setting turns "
                        + "loggingLevel on (aws apigateway update-stage ... --patch-operations "
                        + "op=replace,path=/*/*/logging/loglevel,value=INFO, or \"Log this stage\" in the console)");
            }
        }
        RequestLogQuery query;
        try {
            query = new RequestLogQuery(apiId, stage, SinceOption.parse(since, Instant.now()).toEpochMilli(), null,
                    status, method, path, requestId, apiKey, minLatency, maxLatency, null, limit);
        } catch (IllegalArgumentException e) {
            throw CliErrors.of(e.getMessage());
        }
        try (ObserveDatabase db = ObserveStoreOption.open(root)) {
            RequestLogStore store = new RequestLogStore(db);
            List<RequestLogEntry> entries = new ArrayList<>(store.search(query));
            java.util.Collections.reverse(entries); // newest N, printed oldest first
            long last = 0;
            for (RequestLogEntry e : entries) {
                print(System.out, e);
                last = Math.max(last, e.id());
            }
            System.out.flush();
            while (follow) {
                Thread.sleep(500);
                for (RequestLogEntry e : store.search(query.withAfterId(last))) {
                    print(System.out, e);
                    last = Math.max(last, e.id());
                }
                System.out.flush();
            }
        }
        return 0;
    }

    /** True when some method setting of the stage keeps execution logs (loggingLevel ERROR or INFO). */
    private static boolean logsRequests(dev.gatehouse.engine.model.Stage s) {
        return s.methodSettings().values().stream().anyMatch(m -> m.loggingLevel() != null
                && !m.loggingLevel().name().equals("OFF"));
    }

    private void print(PrintStream out, RequestLogEntry e) {
        if (output.equals("json")) {
            ObjectNode n = JSON.createObjectNode();
            n.put("time", Instant.ofEpochMilli(e.epochMillis()).toString());
            n.put("requestId", e.requestId());
            n.put("apiId", e.apiId());
            n.put("stage", e.stage());
            n.put("httpMethod", e.httpMethod());
            n.put("resourcePath", e.resourcePath());
            n.put("path", e.path());
            n.put("status", e.status());
            n.put("latencyMs", e.latencyMs());
            if (e.integrationLatencyMs() != null) n.put("integrationLatencyMs", e.integrationLatencyMs());
            else n.putNull("integrationLatencyMs");
            n.put("apiKeyId", e.apiKeyId());
            n.put("apiKey", e.apiKey());
            n.put("sourceIp", e.sourceIp());
            n.put("level", e.level());
            n.put("log", e.log());
            out.println(n);
            return;
        }
        out.printf("%s  %s %s  %d  %.1f ms  %s%n", Instant.ofEpochMilli(e.epochMillis()), e.httpMethod(), e.path(),
                e.status(), e.latencyMs(), e.requestId());
        if (trace && e.log() != null) {
            for (String line : e.log().split("\n")) out.println("    " + line);
        }
    }
}
