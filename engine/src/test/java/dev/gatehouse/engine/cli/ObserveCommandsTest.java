package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.observe.ObservedServing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse logs}, {@code metrics} and {@code audit} reading what a serving gateway wrote. */
class ObserveCommandsTest {

    @TempDir Path dir;
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int code, String out, String err) { }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = GatehouseCli.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void logsFilterByStatusAndPathAndMetricsCountTheMixAndAuditShowsTheChanges() throws Exception {
        try (ObservedServing s = new ObservedServing(dir, ObservedServing.setting(true, LoggingLevel.INFO, false), null)) {
            for (int i = 0; i < 5; i++) s.get("/");
            for (int i = 0; i < 2; i++) s.get("/fail");
            assertThat(s.gateway.observability().flush(Duration.ofSeconds(10))).isTrue();
            String w = dir.toString();

            Run errors = run("logs", "Observed", "--stage", "prod", "--status", "5xx", "--output", "json", "-w", w);
            assertThat(errors.code()).as(errors.err()).isZero();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : errors.out().split("\n")) if (!line.isBlank()) lines.add(json.readTree(line));
            assertThat(lines).hasSize(2).allSatisfy(n -> {
                assertThat(n.path("status").asInt()).isEqualTo(500);
                assertThat(n.path("path").asText()).isEqualTo("/prod/fail");
                assertThat(n.path("log").asText()).contains("Method completed with status: 500");
            });

            Run byPath = run("logs", "Observed", "--stage", "prod", "--path", "/fail", "--since", "10m", "-w", w);
            assertThat(byPath.out().lines().filter(l -> l.contains(" GET /prod/fail  500 "))).hasSize(2);
            assertThat(byPath.out().lines().count()).isEqualTo(2);

            Run metrics = run("metrics", "Observed", "--stage", "prod", "--since", "10m", "--output", "json", "-w", w);
            assertThat(metrics.code()).as(metrics.err()).isZero();
            JsonNode doc = json.readTree(metrics.out());
            assertThat(doc.path("resolutionSeconds").asInt()).isEqualTo(1);
            JsonNode rows = doc.path("metrics");
            assertThat(rows.get(0).path("method").isNull()).isTrue();
            assertThat(rows.get(0).path("total").path("count").asLong()).isEqualTo(7);
            assertThat(rows.get(0).path("total").path("errors5xx").asLong()).isEqualTo(2);
            Run one = run("metrics", "Observed", "--stage", "prod", "--method", "get /fail", "--output", "json", "-w", w);
            JsonNode fail = json.readTree(one.out()).path("metrics");
            assertThat(fail).hasSize(1);
            assertThat(fail.get(0).path("method").asText()).isEqualTo("GET /fail");
            assertThat(fail.get(0).path("total").path("count").asLong()).isEqualTo(2);

            Run audit = run("audit", "--output", "json", "-w", w);
            assertThat(audit.code()).isZero();
            assertThat(audit.out().lines().map(l -> {
                try {
                    return json.readTree(l).path("eventName").asText();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).containsExactly("CreateRestApi", "CreateDeployment", "CreateStage", "UpdateStage");
        }
    }

    @Test
    void badArgumentsAreRefusedInTheProductsWords() throws Exception {
        try (ObservedServing s = new ObservedServing(dir, null, null)) {
            String w = dir.toString();
            Run status = run("logs", "Observed", "--stage", "prod", "--status", "5x", "-w", w);
            assertThat(status.code()).isNotZero();
            assertThat(status.err()).contains("--status must be a class such as 5xx or a code such as 404, not '5x'");
            Run since = run("metrics", "Observed", "--stage", "prod", "--since", "yesterday", "-w", w);
            assertThat(since.err()).contains("--since must be a duration such as 30s, 10m, 1h or 7d");
            Run method = run("metrics", "Observed", "--stage", "prod", "--method", "GET", "-w", w);
            assertThat(method.err()).contains("--method must be a method and a resource path such as 'GET /pets/{id}'");
        }
    }

    @Test
    void logsOfAStageThatKeepsNoExecutionLogsSayWhyTheAnswerIsEmptyAndAnUnknownStageIsNamed() throws Exception {
        try (ObservedServing s = new ObservedServing(dir, null, null)) {
            s.get("/");
            String w = dir.toString();
            Run quiet = run("logs", "Observed", "--stage", "prod", "-w", w);
            assertThat(quiet.code()).isZero();
            assertThat(quiet.out()).isEmpty();
            assertThat(quiet.err()).contains("stage prod keeps no execution logs")
                    .contains("op=replace,path=/*/*/logging/loglevel,value=INFO");

            Run nothing = run("audit", "--since", "10m", "-w", Files.createDirectories(dir.resolve("fresh")).toString());
            assertThat(nothing.code()).isNotZero(); // not a workspace: said as for every command
            Files.writeString(dir.resolve("fresh/workspace.json"), "{}");
            Run none = run("audit", "--since", "10m", "-w", dir.resolve("fresh").toString());
            assertThat(none.code()).as(none.err()).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).contains("no administrative actions recorded in").contains("in the last 10m");

            Run unknown = run("logs", "Observed", "--stage", "prd", "-w", w);
            assertThat(unknown.code()).isNotZero();
            assertThat(unknown.err()).contains("API Observed has no stage 'prd' (stages: [prod])");
            Run metrics = run("metrics", "Observed", "--stage", "prd", "-w", w);
            assertThat(metrics.code()).isNotZero();
            assertThat(metrics.out()).isEmpty();
            assertThat(metrics.err()).contains("API Observed has no stage 'prd' (stages: [prod])");
        }
    }
}
