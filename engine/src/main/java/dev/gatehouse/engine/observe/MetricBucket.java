package dev.gatehouse.engine.observe;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * AWS's request metrics over one time bucket (a second or a minute) of one stage or method: the counts
 * ({@code Count}, {@code 4XXError}, {@code 5XXError}, {@code CacheHitCount}, {@code CacheMissCount}) and the
 * {@code Latency} and {@code IntegrationLatency} distributions as HdrHistograms in microseconds (3 significant
 * digits: a percentile is within 0.1% of the exact one), so buckets merge into any range exactly. Not
 * thread-safe: the writer thread owns it.
 */
public final class MetricBucket {

    long count;
    long errors4xx;
    long errors5xx;
    long cacheHits;
    long cacheMisses;
    final Histogram latency;
    final Histogram integration;

    public MetricBucket() {
        this(newHistogram(), newHistogram());
    }

    private MetricBucket(Histogram latency, Histogram integration) {
        this.latency = latency;
        this.integration = integration;
    }

    static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    /** Counts one request. */
    void add(RequestRecord r, boolean cachingEnabled) {
        count++;
        if (r.status() >= 400 && r.status() < 500) errors4xx++;
        if (r.status() >= 500) errors5xx++;
        if (cachingEnabled && r.cacheLookup()) {
            if (r.integrationCalled()) cacheMisses++;
            else if (r.status() < 400) cacheHits++;
        }
        latency.recordValue(Math.max(0, r.latencyMicros()));
        if (r.integrationMicros() >= 0) integration.recordValue(r.integrationMicros());
    }

    void merge(MetricBucket other) {
        count += other.count;
        errors4xx += other.errors4xx;
        errors5xx += other.errors5xx;
        cacheHits += other.cacheHits;
        cacheMisses += other.cacheMisses;
        latency.add(other.latency);
        integration.add(other.integration);
    }

    /** This bucket as a point at {@code epochSecond}. */
    public MetricPoint point(long epochSecond) {
        return new MetricPoint(epochSecond, count, errors4xx, errors5xx, cacheHits, cacheMisses,
                Distribution.of(latency), Distribution.of(integration));
    }

    /**
     * HdrHistogram's compressed encoding, written here with one reused {@link Deflater} per thread (the writer's) at
     * {@link Deflater#BEST_SPEED}: {@code encodeIntoCompressedByteBuffer} builds and frees a new Deflater at the default
     * level for every histogram, which made the writer's once-a-second metrics write the largest part of its time
     * with observability off (JFR CPU samples of {@code bench/dataplane-profile.sh proxy}). The bytes are the same
     * format — its cookie, the deflated length, a zlib stream of the plain encoding — so
     * {@link Histogram#decodeFromCompressedByteBuffer} reads them, and rows stored before read as they did.
     */
    static byte[] encode(Histogram h) {
        Scratch s = SCRATCH.get();
        int needed = h.getNeededByteBufferCapacity();
        if (s.plain == null || s.plain.capacity() < needed) {
            s.plain = ByteBuffer.allocate(needed);
            s.deflated = new byte[needed + needed / 8 + 64]; // zlib's worst case for incompressible input, and more
        }
        s.plain.clear();
        int plainLength = h.encodeIntoByteBuffer(s.plain);
        s.deflater.reset();
        s.deflater.setInput(s.plain.array(), 0, plainLength);
        s.deflater.finish();
        int deflatedLength = s.deflater.deflate(s.deflated, 0, s.deflated.length);
        if (!s.deflater.finished()) throw new IllegalStateException("a latency histogram did not fit its buffer");
        ByteBuffer out = ByteBuffer.allocate(8 + deflatedLength);
        out.putInt(COMPRESSED_COOKIE).putInt(deflatedLength).put(s.deflated, 0, deflatedLength);
        return out.array();
    }

    /** The writer thread's buffers and compressor, kept between calls. */
    private static final class Scratch {
        final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteBuffer plain;
        byte[] deflated;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The first four bytes of HdrHistogram's compressed encoding of a {@link Histogram} (taken from it, not copied). */
    private static final int COMPRESSED_COOKIE = compressedCookie();

    private static int compressedCookie() {
        Histogram h = newHistogram();
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        h.encodeIntoCompressedByteBuffer(b);
        return b.getInt(0);
    }

    /** A bucket whose histograms are these two, emptied ({@link Histogram#reset}) ones: the writer reuses them. */
    static MetricBucket withHistograms(Histogram latency, Histogram integration) {
        return new MetricBucket(latency, integration);
    }

    static Histogram decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return newHistogram();
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored latency histogram is damaged: " + e.getMessage(), e);
        }
    }

    static MetricBucket of(long count, long e4, long e5, long hits, long misses, byte[] latency, byte[] integration) {
        MetricBucket b = new MetricBucket(decode(latency), decode(integration));
        b.count = count;
        b.errors4xx = e4;
        b.errors5xx = e5;
        b.cacheHits = hits;
        b.cacheMisses = misses;
        return b;
    }

    /** A latency distribution in milliseconds; all zero when empty. */
    public record Distribution(long samples, double avg, double p50, double p90, double p99, double max) {
        static Distribution of(Histogram h) {
            if (h.getTotalCount() == 0) return new Distribution(0, 0, 0, 0, 0, 0);
            return new Distribution(h.getTotalCount(), h.getMean() / 1000.0,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }
}
