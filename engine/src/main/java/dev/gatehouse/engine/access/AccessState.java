package dev.gatehouse.engine.access;

import java.time.Clock;
import java.util.Objects;

/**
 * The live state behind the access filters, one per gateway: the current {@link AccessDirectory} (keys, plans,
 * stage settings), the token buckets, the quota counters, the engine-wide throttle and the clock. Deployed filters
 * hold this object and read the directory per request, so edits to keys, plans and stage throttles apply at once,
 * as on AWS. Thread-safe.
 */
public final class AccessState implements AutoCloseable {

    /** AWS's default account-level limit per region: 10,000 requests per second, burst 5,000 (aws-reference §8). */
    public static final double DEFAULT_RATE = 10_000;
    public static final long DEFAULT_BURST = 5_000;

    private volatile AccessDirectory directory = AccessDirectory.EMPTY;
    /** Lambda authorizers' answers per authorizer and identity, each for its own TTL. */
    private final com.github.benmanes.caffeine.cache.Cache<String, TimedAnswer> authorizerAnswers =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, TimedAnswer>() {
                        @Override public long expireAfterCreate(String k, TimedAnswer v, long now) {
                            return v.ttl().toNanos();
                        }

                        @Override public long expireAfterUpdate(String k, TimedAnswer v, long now, long current) {
                            return v.ttl().toNanos();
                        }

                        @Override public long expireAfterRead(String k, TimedAnswer v, long now, long current) {
                            return current;
                        }
                    }).build();

    private record TimedAnswer(LambdaAuthorizerFilter.Answer answer, java.time.Duration ttl) {}
    /** The workspace revision {@link #directory} was built from; guarded by {@code this} for updates. */
    private long revision = Long.MIN_VALUE;
    /** Buckets and quota counters: in this process, or shared through Redis (see {@code access.state}). */
    private final dev.gatehouse.engine.access.state.StateStore store;
    private final RateLimiter engineLimiter = RateLimiter.inProcess();
    private final Clock clock;
    /** The engine-wide limit; replaced together ({@link #setEngineLimit}), read per request. */
    private volatile EngineLimit engineLimit;

    /** One engine-wide limit; rate in requests per second. */
    record EngineLimit(double rate, long burst) {}

    public AccessState(RateLimiter limiter, QuotaCounters quotas, Clock clock, double engineRate, long engineBurst) {
        this(new dev.gatehouse.engine.access.state.InProcessState(limiter, quotas), clock, engineRate, engineBurst);
    }

    public AccessState(dev.gatehouse.engine.access.state.StateStore store, Clock clock, double engineRate, long engineBurst) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engineLimit = checkedLimit(engineRate, engineBurst);
    }

    /**
     * Replaces the engine-wide limit (AWS's account level; {@link #DEFAULT_RATE}/{@link #DEFAULT_BURST} unless
     * {@code gatehouse serve --throttle-rate/--throttle-burst} says otherwise). Applies to the next request; the
     * engine bucket starts full with the new limits, as a new bucket does.
     *
     * @throws IllegalArgumentException when {@code rate} or {@code burst} is negative or the rate not finite
     */
    public void setEngineLimit(double rate, long burst) {
        engineLimit = checkedLimit(rate, burst);
    }

    private static EngineLimit checkedLimit(double rate, long burst) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("The engine throttle rate must be a number of requests per second >= 0, not " + rate);
        }
        if (burst < 0) throw new IllegalArgumentException("The engine throttle burst must be >= 0, not " + burst);
        return new EngineLimit(rate, burst);
    }

    /** In-process buckets and counters, the system clock and AWS's default engine-wide limit. */
    public static AccessState inProcess() {
        return new AccessState(RateLimiter.inProcess(), new QuotaCounters(), Clock.systemUTC(), DEFAULT_RATE, DEFAULT_BURST);
    }

    /**
     * In-process buckets, quotas counted into {@code usage} (kept across restarts), the system clock and AWS's
     * default engine-wide limit.
     */
    public static AccessState persistent(UsageStore usage) {
        Clock clock = Clock.systemUTC();
        return new AccessState(RateLimiter.inProcess(), new QuotaCounters(usage, clock.instant()), clock,
                DEFAULT_RATE, DEFAULT_BURST);
    }

    /**
     * Buckets and quota counters in {@code store} (e.g. Redis, shared with other engines), the system clock and AWS's
     * default engine-wide limit.
     */
    public static AccessState shared(dev.gatehouse.engine.access.state.StateStore store) {
        return new AccessState(store, Clock.systemUTC(), DEFAULT_RATE, DEFAULT_BURST);
    }

    /** Saves the usage counted so far and releases the state store. */
    @Override public void close() {
        store.close();
    }

    /** Where buckets and quota counters live (in-process or Redis), for the serve banner and diagnostics. */
    public dev.gatehouse.engine.access.state.StateStore stateStore() {
        return store;
    }

    /** Whether buckets and quota counters are this process's memory only ({@link StateStore#inMemory()}). */
    boolean inMemory() {
        return store.inMemory();
    }

    public AccessDirectory directory() {
        return directory;
    }

    /**
     * Installs a snapshot built from the workspace at {@code builtAt} (its revision), unless a newer one is already
     * in: the gateway installs one from the workspace listener, so an edit applies before its {@code apply}
     * returns, and another from each plan rebuild, which may have read an older state.
     */
    public synchronized void update(AccessDirectory next, long builtAt) {
        Objects.requireNonNull(next, "next");
        if (builtAt < revision) return;
        revision = builtAt;
        directory = next;
    }

    LambdaAuthorizerFilter.Answer authorizerAnswer(String key) {
        TimedAnswer t = authorizerAnswers.getIfPresent(key);
        return t == null ? null : t.answer();
    }

    void cacheAuthorizerAnswer(String key, LambdaAuthorizerFilter.Answer answer, java.time.Duration ttl) {
        authorizerAnswers.put(key, new TimedAnswer(answer, ttl));
    }

    RateLimiter limiter() {
        return store;
    }

    /**
     * The engine-wide bucket is always this engine's own, even with shared state: it protects this process (AWS's
     * account-level limit has no meaning for a single engine), and one Redis key every request of every engine
     * updates would serialise them all.
     */
    /** The engine-wide limit's rate (requests per second); for AWS's GetAccount. */
    public double engineRate() {
        return engineLimit.rate();
    }

    /** The engine-wide limit's burst; for AWS's GetAccount. */
    public long engineBurst() {
        return engineLimit.burst();
    }

    RateLimiter engineLimiter() {
        return engineLimiter;
    }

    /** Request counts per plan, key and day (GetUsage) and the quota check. */
    public QuotaStore quotas() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** The engine-wide limit now in force (one read, so rate and burst always belong together). */
    EngineLimit engineLimit() {
        return engineLimit;
    }
}
