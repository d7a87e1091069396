package dev.gatehouse.engine.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets held in this process, one Bucket4j bucket per name. Bucket4j's refill is greedy (tokens trickle
 * in continuously), which is how AWS describes its token bucket; a fractional rate such as 2.5 rps is kept exact by
 * refilling {@code rate × 1000} tokens per 1000 seconds. Thread-safe (Bucket4j's lock-free buckets).
 */
final class InProcessRateLimiter implements RateLimiter {

    private record Limited(double rate, long burst, Bucket bucket) {}

    private final ConcurrentMap<String, Limited> buckets = new ConcurrentHashMap<>();

    @Override public boolean tryAcquire(String bucket, double ratePerSecond, long burst) {
        if (burst <= 0) return false;
        Limited limited = buckets.get(bucket);
        if (limited == null || limited.rate() != ratePerSecond || limited.burst() != burst) {
            // first use, or the limits were edited: a bucket with the new limits (starting full, as a new one does)
            limited = buckets.compute(bucket, (name, old) -> old != null && old.rate() == ratePerSecond
                    && old.burst() == burst ? old : new Limited(ratePerSecond, burst, build(ratePerSecond, burst)));
        }
        return limited.bucket().tryConsume(1);
    }

    private static Bucket build(double ratePerSecond, long burst) {
        Bandwidth limit = ratePerSecond <= 0
                ? Bandwidth.builder().capacity(burst).refillIntervally(1, Duration.ofDays(36_500)).initialTokens(burst).build()
                : Bandwidth.builder().capacity(burst)
                        .refillGreedy(Math.max(1, Math.round(ratePerSecond * 1000)), Duration.ofSeconds(1000))
                        .initialTokens(burst).build();
        return Bucket.builder().addLimit(limit).build();
    }
}
