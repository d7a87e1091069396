package dev.gatehouse.engine.access;

/**
 * Decides whether one more request fits a token bucket (rate = tokens refilled per second, burst = bucket size),
 * the mechanism behind every throttle (Armeria's {@code ThrottlingStrategy}: the filters decide which bucket, this
 * decides yes or no). Implementations are thread-safe and never block for long.
 */
public interface RateLimiter {

    /**
     * Takes one token from the bucket named {@code bucket}, created with these limits on first use (and re-created
     * when the limits change). A burst of 0 admits nothing, as on AWS.
     */
    boolean tryAcquire(String bucket, double ratePerSecond, long burst);

    /** Buckets in this process (Bucket4j), the default. */
    static RateLimiter inProcess() {
        return new InProcessRateLimiter();
    }

    /** Admits everything (tests). */
    static RateLimiter never() {
        return (bucket, rate, burst) -> true;
    }

    /** Refuses everything (tests). */
    static RateLimiter always() {
        return (bucket, rate, burst) -> false;
    }
}
