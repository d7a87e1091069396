package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Percentiles against a hand calculation: latencies 1, 2, ..., 100 ms. Nearest rank (the value at rank
 * ceil(p/100 * 100)): p50 = 50 ms, p90 = 90 ms, p99 = 99 ms; mean 50.5 ms, max 100 ms. HdrHistogram with 3
 * significant digits reports a value within 0.1% of the recorded one, hence the tolerance.
 */
class MetricBucketTest {

    @Test
    void percentilesOfOneToAHundredMillisecondsMatchTheNearestRankHandCalculation() {
        MetricBucket b = new MetricBucket();
        for (int ms = 1; ms <= 100; ms++) b.add(Records.at("a", "s", "GET", "/", 0, 200, ms * 1000L, ms * 500L), false);
        MetricPoint p = b.point(0);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.latency().p50()).isCloseTo(50.0, within(0.05));
        assertThat(p.latency().p90()).isCloseTo(90.0, within(0.09));
        assertThat(p.latency().p99()).isCloseTo(99.0, within(0.099));
        assertThat(p.latency().avg()).isCloseTo(50.5, within(0.0505));
        assertThat(p.latency().max()).isCloseTo(100.0, within(0.1));
        // integration latency 0.5, 1.0, ..., 50 ms
        assertThat(p.integrationLatency().p50()).isCloseTo(25.0, within(0.025));
        assertThat(p.integrationLatency().p99()).isCloseTo(49.5, within(0.0495));
    }

    @Test
    void bucketsMergeIntoTheSameDistributionAsOneAndSurviveTheirStoredEncoding() {
        MetricBucket odd = new MetricBucket();
        MetricBucket even = new MetricBucket();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? even : odd).add(Records.at("a", "s", "GET", "/", 0, ms <= 10 ? 404 : ms > 95 ? 503 : 200,
                    ms * 1000L, -1), false);
        }
        MetricBucket stored = MetricBucket.of(even.count, even.errors4xx, even.errors5xx, even.cacheHits,
                even.cacheMisses, MetricBucket.encode(even.latency), MetricBucket.encode(even.integration));
        odd.merge(stored);
        MetricPoint p = odd.point(0);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.errors4xx()).isEqualTo(10);
        assertThat(p.errors5xx()).isEqualTo(5);
        assertThat(p.latency().p90()).isCloseTo(90.0, within(0.09));
        assertThat(p.integrationLatency().samples()).isZero();
    }

    @Test
    void theStoredEncodingIsHdrHistogramsCompressedFormatAndRowsWrittenByTheLibraryStillRead() {
        org.HdrHistogram.Histogram h = MetricBucket.newHistogram();
        for (long us = 1; us <= 1_000_000; us = us * 3 / 2 + 1) h.recordValueWithCount(us, us % 7 + 1);
        h.recordValue(29_000_000L); // a timeout, far out: the histogram resizes
        byte[] ours = MetricBucket.encode(h);
        MetricBucket.encode(h); // the reused compressor gives the same bytes the second time
        assertThat(MetricBucket.encode(h)).isEqualTo(ours);
        java.nio.ByteBuffer library = java.nio.ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(library);
        byte[] before = java.util.Arrays.copyOf(library.array(), n);
        assertThat(java.nio.ByteBuffer.wrap(ours).getInt()).as("the library's cookie")
                .isEqualTo(java.nio.ByteBuffer.wrap(before).getInt());
        for (byte[] stored : List.of(ours, before)) {
            org.HdrHistogram.Histogram back = MetricBucket.decode(stored);
            assertThat(back).isEqualTo(h); // HdrHistogram's equals: same counts at every value
            assertThat(back.getValueAtPercentile(99.0)).isEqualTo(h.getValueAtPercentile(99.0));
        }
    }

    @Test
    void aCacheLookupWithoutTheIntegrationIsAHitAndWithItAMissOnlyWhenCachingIsEnabled() {
        MetricBucket b = new MetricBucket();
        RequestRecord hit = withCache(Records.at("a", "s", "GET", "/", 0, 200, 1000, -1), false);
        RequestRecord miss = withCache(Records.at("a", "s", "GET", "/", 0, 200, 1000, 800), true);
        b.add(hit, true);
        b.add(hit, true);
        b.add(miss, true);
        b.add(miss, false); // caching disabled for the method: neither
        assertThat(b.point(0).cacheHits()).isEqualTo(2);
        assertThat(b.point(0).cacheMisses()).isEqualTo(1);
    }

    private static RequestRecord withCache(RequestRecord r, boolean integration) {
        return new RequestRecord(r.requestTimeMillis(), r.requestId(), r.extendedRequestId(), r.apiId(), r.stage(),
                r.deploymentId(), r.resourceId(), r.resourcePath(), r.httpMethod(), r.path(), r.protocol(), r.sourceIp(),
                r.userAgent(), r.domainName(), r.domainPrefix(), r.apiKeyId(), r.apiKey(), r.principalId(),
                r.authorizer(), r.status(), r.responseLength(), r.latencyMicros(), r.integrationMicros(),
                r.integrationStatus(), r.integrationError(), r.errorMessage(), r.errorResponseType(), true, integration,
                r.failed(), r.executionLog());
    }
}
