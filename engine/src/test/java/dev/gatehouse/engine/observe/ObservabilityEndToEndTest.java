package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.LoggingLevel;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP traffic through a served stage, then what the metrics, request log and access log hold. */
class ObservabilityEndToEndTest {

    @TempDir Path dir;

    @Test
    void aKnownTrafficMixIsCountedExactlyPerStageAndPerMethodAndEveryRequestIsLoggedAndAccessLogged() throws Exception {
        try (ObservedServing s = new ObservedServing(dir, ObservedServing.setting(true, LoggingLevel.INFO, true),
                AccessLogFormat.CLF)) {
            long from = Instant.now().getEpochSecond() - 1;
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 7; i++) responses.add(s.get("/"));
            for (int i = 0; i < 3; i++) responses.add(s.get("/fail"));
            for (int i = 0; i < 2; i++) responses.add(s.get("/nothing/here"));
            // the mix as the client saw it
            assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(7);
            assertThat(responses.stream().filter(r -> r.statusCode() == 500)).hasSize(3);
            assertThat(responses.stream().filter(r -> r.statusCode() == 403)).hasSize(2);

            Observability o = s.gateway.observability();
            assertThat(o.flush(Duration.ofSeconds(10))).isTrue();
            long to = Instant.now().getEpochSecond() + 1;
            MetricsStore metrics = o.metrics();
            for (int resolution : new int[] {MetricsStore.SECOND, MetricsStore.MINUTE}) {
                long f = resolution == MetricsStore.MINUTE ? from - Math.floorMod(from, 60) : from;
                MetricPoint stage = metrics.summary(ObservedServing.API, "prod", null, f, to, resolution);
                assertThat(stage.count()).isEqualTo(12);
                assertThat(stage.errors4xx()).isEqualTo(2);
                assertThat(stage.errors5xx()).isEqualTo(3);
                assertThat(stage.cacheHits()).isZero();
                assertThat(stage.cacheMisses()).isZero(); // caching is off on this stage
                assertThat(stage.latency().samples()).isEqualTo(12);
                MetricPoint root = metrics.summary(ObservedServing.API, "prod", "GET /", f, to, resolution);
                assertThat(root.count()).isEqualTo(7);
                assertThat(root.errors4xx() + root.errors5xx()).isZero();
                MetricPoint fail = metrics.summary(ObservedServing.API, "prod", "GET /fail", f, to, resolution);
                assertThat(fail.count()).isEqualTo(3);
                assertThat(fail.errors5xx()).isEqualTo(3);
            }
            assertThat(metrics.methods(ObservedServing.API, "prod", from, to, MetricsStore.SECOND))
                    .containsExactly("GET /", "GET /fail");

            RequestLogStore log = o.requestLog();
            // the two requests no method matched have no execution log (AWS's log is a method's); the rest are kept
            assertThat(log.search(RequestLogQuery.stage(ObservedServing.API, "prod"))).hasSize(10);
            List<RequestLogEntry> errors = log.search(RequestLogQuery.stage(ObservedServing.API, "prod").withStatus("5xx"));
            assertThat(errors).hasSize(3).allSatisfy(e -> {
                assertThat(e.resourcePath()).isEqualTo("/fail");
                assertThat(e.log()).startsWith("Execution log for request " + e.requestId())
                        .contains("Method completed with status: 500");
            });
            String someId = responses.get(0).headers().firstValue("x-amzn-RequestId").orElseThrow();
            assertThat(log.search(new RequestLogQuery(ObservedServing.API, "prod", null, null, null, null, null, someId,
                    null, null, null, null, 10))).singleElement().satisfies(e -> {
                        assertThat(e.status()).isEqualTo(200);
                        assertThat(e.path()).isEqualTo("/prod/");
                        assertThat(e.log()).contains("Method response body after transformations: {\"ok\": true}");
                    });

            Path access = dir.resolve(".gatehouse/logs/access/" + ObservedServing.API + "_prod.log");
            List<String> lines = Files.readAllLines(access);
            assertThat(lines).hasSize(12);
            for (int i = 0; i < responses.size(); i++) {
                String id = responses.get(i).headers().firstValue("x-amzn-RequestId").orElseThrow();
                assertThat(lines).filteredOn(l -> l.endsWith(" " + id)).singleElement().satisfies(l ->
                        assertThat(l).matches("127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "
                                + "\"GET (/|/fail|-) HTTP/1\\.1\" (200|500|403) \\d+ " + id));
            }
            assertThat(o.dropped()).isZero();
        }
    }

    @Test
    void withLoggingOffNothingIsLoggedButTheStageIsStillCountedAndErrorLevelKeepsOnlyFailures() throws Exception {
        try (ObservedServing s = new ObservedServing(dir, null, null)) {
            s.get("/");
            s.get("/fail");
            Observability o = s.gateway.observability();
            assertThat(o.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(o.requestLog().rows()).isZero();
            assertThat(Files.exists(dir.resolve(".gatehouse/logs/access"))).isFalse();
            long now = Instant.now().getEpochSecond();
            assertThat(o.metrics().summary(ObservedServing.API, "prod", null, now - 60, now + 1, MetricsStore.SECOND).count())
                    .isEqualTo(2);

            s.configure(ObservedServing.setting(false, LoggingLevel.ERROR, false), null); // applies without a deploy
            s.get("/");
            s.get("/fail");
            assertThat(o.flush(Duration.ofSeconds(10))).isTrue();
            List<RequestLogEntry> kept = o.requestLog().search(RequestLogQuery.stage(ObservedServing.API, "prod"));
            assertThat(kept).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.level()).isEqualTo("ERROR");
                // without dataTraceEnabled the headers and bodies are left out
                assertThat(e.log()).doesNotContain("Method request headers").doesNotContain("body")
                        .contains("Method completed with status: 500");
            });
        }
    }
}
