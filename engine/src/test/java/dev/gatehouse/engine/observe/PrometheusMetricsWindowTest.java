package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import io.micrometer.core.instrument.MockClock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the summaries' quantiles cover (PrometheusMetrics' class comment): the requests since the window last
 * restarted, every {@value PrometheusMetrics#WINDOW_SECONDS} s from the meter's creation; the counts cover all.
 * Expected values by hand: Micrometer keeps quantiles to one significant digit, so a value is within 10% of the
 * recorded latency.
 */
class PrometheusMetricsWindowTest {

    private final MockClock clock = new MockClock();
    private final PrometheusMetrics metrics = new PrometheusMetrics(clock);
    private final StageObserveSettings stage = new StageObserveSettings("winapi0001", "Windowed", "prod",
            Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.OFF, false, null, null, null, null, null, null, null)),
            null, false);

    @Test
    void quantilesCoverTheRequestsSinceTheWindowRestartedWhileTheCountCoversAll() {
        record(300, 10);                        // t = 0: 300 requests of 10 ms
        clock.add(59, TimeUnit.SECONDS);
        record(100, 200);                       // t = 59 s: 100 of 200 ms, same window
        String first = metrics.scrape();
        assertThat(quantile(first, "0.5")).isCloseTo(10, within(1.0));    // 300 of 400 are 10 ms
        assertThat(quantile(first, "0.99")).isCloseTo(200, within(20.0)); // the slowest 25% are 200 ms
        assertThat(sample(first, "apigateway_latency_milliseconds_max")).isCloseTo(200, within(0.001));

        clock.add(2, TimeUnit.SECONDS);         // t = 61 s: the window restarted at 60 s
        record(100, 200);
        String second = metrics.scrape();
        assertThat(quantile(second, "0.5")).isCloseTo(200, within(20.0)); // only the 100 since 60 s
        assertThat(quantile(second, "0.9")).isCloseTo(200, within(20.0));
        assertThat(sample(second, "apigateway_latency_milliseconds_count")).isEqualTo(500);
        assertThat(sample(second, "apigateway_latency_milliseconds_sum")).isCloseTo(300 * 10 + 200 * 200, within(0.001));
    }

    @Test
    void aScrapeAfterTheRestartSeesNoRequestOfTheWindowBefore() {
        record(100, 10);                        // t = 0
        clock.add(50, TimeUnit.SECONDS);
        record(100, 50);                        // t = 50 s (Micrometer's default ring would still show these at 81 s)
        clock.add(31, TimeUnit.SECONDS);
        record(100, 200);                       // t = 81 s: the window restarted at 60 s
        String text = metrics.scrape();
        assertThat(quantile(text, "0.5")).isCloseTo(200, within(20.0));
        assertThat(sample(text, "apigateway_latency_milliseconds_max")).isCloseTo(200, within(0.001));
    }

    private void record(int requests, long millis) {
        for (int i = 0; i < requests; i++) {
            metrics.record(new RequestRecord(clock.wallTime(), "req-" + i, null, "winapi0001", "prod", "d1", "r1", "/pets",
                    "GET", "/prod/pets", "HTTP/1.1", "127.0.0.1", null, null, null, null, null, null, null, 200, 2,
                    millis * 1000, -1, -1, null, null, null, false, false, false, null, null), stage, false);
        }
    }

    /** The stage's latency quantile {@code q} in the text exposition format. */
    private static double quantile(String text, String q) {
        Matcher m = Pattern.compile("(?m)^apigateway_latency_milliseconds\\{[^}]*quantile=\"" + Pattern.quote(q)
                + "\"[^}]*} (\\S+)$").matcher(text);
        assertThat(m.find()).as("quantile %s in%n%s", q, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The stage's sample {@code name} (the only one of that name without a quantile). */
    private static double sample(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(text);
        assertThat(m.find()).as("%s in%n%s", name, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
