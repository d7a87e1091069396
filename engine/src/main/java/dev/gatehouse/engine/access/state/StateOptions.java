package dev.gatehouse.engine.access.state;

import java.net.URI;
import java.util.Objects;

/**
 * Where an engine keeps its throttle and quota state ({@code gatehouse serve --state}, {@code --state-failure}):
 * in-process (the default) or a Redis server shared by several engines, with the policy for when it cannot be
 * reached. Immutable.
 *
 * @param redis null for in-process state
 */
public record StateOptions(URI redis, FailurePolicy failurePolicy) {

    public static final StateOptions IN_PROCESS = new StateOptions(null, FailurePolicy.DEFAULT);

    public StateOptions {
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        if (redis != null) {
            String scheme = redis.getScheme();
            if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss")) || redis.getHost() == null) {
                throw new IllegalArgumentException("State " + redis + " is not a Redis URL; expected redis://HOST:PORT");
            }
        }
    }

    /**
     * Parses {@code --state}: {@code in-process} or {@code redis://HOST:PORT}.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static StateOptions parse(String state, FailurePolicy policy) {
        if (state == null || state.isBlank() || state.equals("in-process")) return new StateOptions(null, policy);
        URI uri;
        try {
            uri = URI.create(state.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("State '" + state + "' is not a URL; expected in-process or redis://HOST:PORT");
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("State '" + state + "' is neither in-process nor a URL; expected redis://HOST:PORT");
        }
        return new StateOptions(uri, policy);
    }

    /** Redis state, connected now and wrapped in the failure policy. @throws StateUnavailableException if unreachable */
    public StateStore openShared() {
        if (redis == null) throw new IllegalStateException("in-process state has no shared store");
        return new PolicedState(RedisState.connect(redis), failurePolicy);
    }
}
