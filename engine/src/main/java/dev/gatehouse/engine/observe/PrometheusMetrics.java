package dev.gatehouse.engine.observe;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS's API Gateway metrics as Micrometer meters in a Prometheus registry, for the admin port's {@code /metrics}.
 * Only stages with {@code metricsEnabled} appear: per stage ({@code apigateway_*}, AWS's {@code ApiName, Stage}
 * dimensions) and per method with {@code metricsEnabled} ({@code apigateway_method_*}, adding {@code resource} and
 * {@code method}). Counters: {@code count}, {@code 4xx_error}, {@code 5xx_error}, {@code cache_hit_count},
 * {@code cache_miss_count}; summaries in milliseconds with quantiles 0.5, 0.9 and 0.99: {@code latency},
 * {@code integration_latency}.
 *
 * <p>The quantiles cover the requests recorded since the summary's window last restarted: a window of
 * {@value #WINDOW_SECONDS} s in one buffer ({@code distributionStatisticBufferLength(1)}), restarted every
 * {@value #WINDOW_SECONDS} s counted from the meter's creation, so a scrape sees between 0 and {@value #WINDOW_SECONDS}
 * s of requests; {@code _max} is the largest value of the same window, {@code _count} and {@code _sum} cover every
 * request since the start. Micrometer's default ring of three buffers (each restarted every minute, 20 s apart: a
 * scrape saw the last 40–60 s) records every value into each of the three histograms through HdrHistogram's
 * thread-safe recorder: 300 ns a record against 170 ns with one buffer (measured on this machine), and a logged
 * request records four values (latency and integration latency, stage and method).
 *
 * <p>{@link #record} runs on the writer thread only, never on a request's: a request is counted when the writer
 * takes its batch, up to one batch interval (100 ms by default) after it ended. Micrometer's meters are
 * thread-safe, so {@link #scrape} runs on any thread; a request enters the quantiles' window at most one batch
 * late: the exported windows are correct to within one batch interval.
 */
public final class PrometheusMetrics {

    /** The quantiles' window, in seconds (the class comment says what a scrape sees). */
    static final int WINDOW_SECONDS = 60;
    private static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);

    private final PrometheusMeterRegistry registry;

    public PrometheusMetrics() {
        this(Clock.SYSTEM);
    }

    /** Meters whose windows follow {@code clock} (tests move it by hand). */
    PrometheusMetrics(Clock clock) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    }

    /** Meters by "api/stage/method" ("" method for the stage); writer thread only. */
    private final Map<String, Meters> meters = new HashMap<>();

    private record Meters(Counter count, Counter e4xx, Counter e5xx, Counter hits, Counter misses,
                          DistributionSummary latency, DistributionSummary integration) { }

    /** Writer thread: counts one request where its stage's settings ask for it. */
    void record(RequestRecord r, StageObserveSettings stage, boolean cachingEnabled) {
        if (stage == null || r.apiId() == null || r.stage() == null) return;
        Last l = last;
        if (l == null || l.stage != stage || !java.util.Objects.equals(l.resourcePath, r.resourcePath())
                || !java.util.Objects.equals(l.httpMethod, r.httpMethod())) {
            // the writer's records mostly come method after method of one stage: find the meters once per run
            boolean any = stage.anyMetricsEnabled();
            l = new Last(stage, r.resourcePath(), r.httpMethod(), any ? meters(stage, null) : null,
                    any && r.resourcePath() != null && stage.metricsEnabled(r.resourcePath(), r.httpMethod())
                            ? meters(stage, r) : null);
            last = l;
        }
        if (l.stageMeters != null) add(l.stageMeters, r, cachingEnabled);
        if (l.methodMeters != null) add(l.methodMeters, r, cachingEnabled);
    }

    /** The meters of the last record's stage settings (replaced whole when the stage changes) and method. */
    private record Last(StageObserveSettings stage, String resourcePath, String httpMethod, Meters stageMeters,
                        Meters methodMeters) { }

    private Last last;

    private static void add(Meters m, RequestRecord r, boolean cachingEnabled) {
        m.count.increment();
        if (r.status() >= 400 && r.status() < 500) m.e4xx.increment();
        if (r.status() >= 500) m.e5xx.increment();
        if (cachingEnabled && r.cacheLookup()) {
            if (r.integrationCalled()) m.misses.increment();
            else if (r.status() < 400) m.hits.increment();
        }
        m.latency.record(r.latencyMicros() / 1000.0);
        if (r.integrationMicros() >= 0) m.integration.record(r.integrationMicros() / 1000.0);
    }

    private Meters meters(StageObserveSettings stage, RequestRecord method) {
        String key = stage.apiId() + "/" + stage.stageName() + "/"
                + (method == null ? "" : method.httpMethod() + " " + method.resourcePath());
        Meters m = meters.get(key);
        if (m != null) return m;
        Tags tags = Tags.of("api", stage.apiId(), "api_name", stage.apiName() == null ? "" : stage.apiName(),
                "stage", stage.stageName());
        String prefix = "apigateway.";
        if (method != null) {
            tags = tags.and("resource", method.resourcePath(), "method", method.httpMethod());
            prefix = "apigateway.method.";
        }
        m = new Meters(
                Counter.builder(prefix + "count").description("Count: requests").tags(tags).register(registry),
                Counter.builder(prefix + "4xx.error").description("4XXError: client-side errors").tags(tags).register(registry),
                Counter.builder(prefix + "5xx.error").description("5XXError: server-side errors").tags(tags).register(registry),
                Counter.builder(prefix + "cache.hit.count").description("CacheHitCount: requests served from the stage cache")
                        .tags(tags).register(registry),
                Counter.builder(prefix + "cache.miss.count").description("CacheMissCount: requests served from the backend "
                        + "with caching enabled").tags(tags).register(registry),
                DistributionSummary.builder(prefix + "latency").baseUnit("milliseconds")
                        .description("Latency: from request received to response returned").tags(tags)
                        .publishPercentiles(0.5, 0.9, 0.99).distributionStatisticBufferLength(1)
                        .distributionStatisticExpiry(WINDOW).register(registry),
                DistributionSummary.builder(prefix + "integration.latency").baseUnit("milliseconds")
                        .description("IntegrationLatency: from request relayed to the backend to its response").tags(tags)
                        .publishPercentiles(0.5, 0.9, 0.99).distributionStatisticBufferLength(1)
                        .distributionStatisticExpiry(WINDOW).register(registry));
        meters.put(key, m);
        return m;
    }

    /** The Prometheus text exposition format (version 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Content type of {@link #scrape}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    void close() {
        registry.close();
    }
}
