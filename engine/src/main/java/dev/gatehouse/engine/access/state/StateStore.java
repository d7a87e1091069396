package dev.gatehouse.engine.access.state;

import dev.gatehouse.engine.access.QuotaStore;
import dev.gatehouse.engine.access.RateLimiter;

/**
 * Where the throttle buckets and the usage-plan quota counters live: in this process ({@link InProcessState}, the
 * default) or in a Redis server several engines share ({@link RedisState}), so engines behind one load balancer
 * enforce one limit and one quota together. The access filters call it on request threads (virtual threads: a
 * blocking call is fine). A shared store throws {@link StateUnavailableException} when its server cannot be reached;
 * {@link PolicedState} turns that into the configured failure policy.
 */
public interface StateStore extends RateLimiter, QuotaStore, AutoCloseable {

    /** Where the state lives, for logs and the serve banner, e.g. {@code in-process} or {@code redis://127.0.0.1:6379}. */
    String describe();

    /**
     * True when buckets and counters are this process's memory only, so taking from them never waits on another
     * process (the request may then run on its event loop: {@code Filter#waiting}).
     */
    default boolean inMemory() {
        return false;
    }

    /** Saves what is pending and releases connections; idempotent. */
    @Override void close();
}
