package dev.gatehouse.engine.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * Per-request state shared by the filters of one request, read and written through typed {@link ContextKey}s,
 * plus the request's {@link GatewayEventListener}.
 *
 * <p>Confined to the request's thread (its virtual thread in the server); the server hands it over with a
 * happens-before edge, so no locking. Listeners may read it after the request ended.
 */
public final class RequestContext {

    /** Values by {@link ContextKey#index}; null = absent. Grows when a key created after this context is set. */
    private Object[] values = new Object[ContextKey.count()];
    private final GatewayEventListener events;

    private RequestContext(GatewayEventListener events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A context with the ids and time set; {@code events} receives this request's events (never null). */
    public static RequestContext create(String requestId, String extendedRequestId, Instant requestTime,
                                        GatewayEventListener events) {
        RequestContext ctx = new RequestContext(GatewayEventListener.safe(events));
        ctx.put(ContextKeys.REQUEST_ID, requestId);
        ctx.put(ContextKeys.EXTENDED_REQUEST_ID, extendedRequestId);
        ctx.put(ContextKeys.REQUEST_TIME, requestTime);
        return ctx;
    }

    /** A context with fresh ids, the current time and the given listener. */
    public static RequestContext create(GatewayEventListener events) {
        return create(RequestIds.requestId(), RequestIds.extendedRequestId(), Instant.now(), events);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ContextKey<T> key) {
        int i = key.index;
        Object[] v = values;
        return i < v.length ? (T) v[i] : null;
    }

    public <T> T getOrDefault(ContextKey<T> key, T fallback) {
        T v = get(key);
        return v == null ? fallback : v;
    }

    /** The value, or IllegalStateException naming the key when it was never set (a wiring bug). */
    public <T> T require(ContextKey<T> key) {
        T v = get(key);
        if (v == null) throw new IllegalStateException(key.name() + " is not set on this request");
        return v;
    }

    /** Sets a value; null removes it. */
    public <T> RequestContext put(ContextKey<T> key, T value) {
        int i = key.index;
        if (i >= values.length) {
            if (value == null) return this;
            values = java.util.Arrays.copyOf(values, Math.max(i + 1, ContextKey.count()));
        }
        values[i] = value;
        return this;
    }

    public boolean has(ContextKey<?> key) {
        return get(key) != null;
    }

    /** Where filters report this request's events. Never null; calls never throw. */
    public GatewayEventListener events() {
        return events;
    }

    public String requestId() {
        return get(ContextKeys.REQUEST_ID);
    }

    @Override public String toString() {
        return "RequestContext{" + requestId() + "}";
    }
}
