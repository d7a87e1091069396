package dev.gatehouse.engine.observe;

/**
 * AWS's metrics of one stage or method over one bucket (or a whole range): {@code Count}, {@code 4XXError},
 * {@code 5XXError}, {@code CacheHitCount}, {@code CacheMissCount}, and {@code Latency} / {@code IntegrationLatency}
 * in milliseconds with p50/p90/p99.
 *
 * @param epochSecond the bucket's start (the range's start for a summary)
 */
public record MetricPoint(long epochSecond, long count, long errors4xx, long errors5xx, long cacheHits,
                          long cacheMisses, MetricBucket.Distribution latency,
                          MetricBucket.Distribution integrationLatency) {
}
