package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.model.LoggingLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin port's {@code /metrics}, parsed by the Prometheus project's own Python client parser
 * ({@code prometheus_client.parser}, Debian package python3-prometheus-client): a strict reader of the text
 * exposition format, not a regex of ours.
 */
class PrometheusEndpointTest {

    @TempDir Path dir;

    /** Prints {"name{labels}": value, ...} for every sample, or fails when the text does not parse. */
    private static final String PARSER = """
            import sys, json
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    labels = ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
                    out[s.name + "{" + labels + "}"] = s.value
            print(json.dumps(out))
            """;

    @Test
    void metricsOfStagesWithMetricsEnabledParseAsPrometheusTextWithAwsCountsAndQuantiles() throws Exception {
        assumeTrue(parserAvailable(), "python3 with prometheus_client (apt: python3-prometheus-client) is needed");
        try (ObservedServing s = new ObservedServing(dir, ObservedServing.setting(true, LoggingLevel.OFF, false), null)) {
            for (int i = 0; i < 4; i++) s.get("/");
            s.get("/fail");
            s.get("/fail");
            s.get("/nothing");
            assertThat(s.gateway.observability().flush(Duration.ofSeconds(10))).isTrue();
            ControlPlaneOptions options = new ControlPlaneOptions("127.0.0.1", 0, AccessKeys.none(),
                    ControlPlaneOptions.DEFAULT_MAX_BODY, Clock.systemUTC());
            try (ControlPlaneServer admin = ControlPlaneServer.start(options, new ControlApi(s.gateway, options.keys(), options.clock()))) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(admin.endpoint() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
                JsonNode samples = parse(r.body());
                String stage = "api=obsapi001,api_name=Observed,stage=prod";
                assertThat(samples.path("apigateway_count_total{" + stage + "}").asDouble()).isEqualTo(7.0);
                assertThat(samples.path("apigateway_4xx_error_total{" + stage + "}").asDouble()).isEqualTo(1.0);
                assertThat(samples.path("apigateway_5xx_error_total{" + stage + "}").asDouble()).isEqualTo(2.0);
                assertThat(samples.path("apigateway_latency_milliseconds_count{" + stage + "}").asDouble()).isEqualTo(7.0);
                for (String q : new String[] {"0.5", "0.9", "0.99"}) { // labels sorted by name in the key
                    assertThat(samples.has("apigateway_latency_milliseconds{api=obsapi001,api_name=Observed,quantile=" + q
                            + ",stage=prod}")).as("quantile %s", q).isTrue();
                }
                String root = "api=obsapi001,api_name=Observed,method=GET,resource=/,stage=prod";
                assertThat(samples.path("apigateway_method_count_total{" + root + "}").asDouble()).isEqualTo(4.0);
                String fail = "api=obsapi001,api_name=Observed,method=GET,resource=/fail,stage=prod";
                assertThat(samples.path("apigateway_method_5xx_error_total{" + fail + "}").asDouble()).isEqualTo(2.0);
                assertThat(samples.path("gatehouse_observe_dropped_total{}").asDouble()).isZero();
            }
        }
    }

    @Test
    void aStageWithoutMetricsEnabledIsNotExposed() throws Exception {
        assumeTrue(parserAvailable(), "python3 with prometheus_client (apt: python3-prometheus-client) is needed");
        try (ObservedServing s = new ObservedServing(dir, ObservedServing.setting(false, LoggingLevel.INFO, false), null)) {
            s.get("/");
            assertThat(s.gateway.observability().flush(Duration.ofSeconds(10))).isTrue();
            JsonNode samples = parse(s.gateway.observability().prometheusText());
            samples.fieldNames().forEachRemaining(name -> assertThat(name).doesNotStartWith("apigateway_"));
        }
    }

    /** The first python3 that has the parser: PATH's, else Debian's (a pyenv on PATH may lack the package). */
    private static final String PYTHON = java.util.stream.Stream.of("python3", "/usr/bin/python3")
            .filter(PrometheusEndpointTest::hasParser).findFirst().orElse(null);

    private static boolean parserAvailable() {
        return PYTHON != null;
    }

    private static boolean hasParser(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import prometheus_client.parser").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    private static JsonNode parse(String text) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", PARSER).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the Prometheus parser rejected the text: %s%n%s", err, text).isZero();
        return new ObjectMapper().readTree(out);
    }
}
