package dev.gatehouse.engine.pipeline;

import java.util.Objects;

/**
 * A typed key for per-request state in {@link RequestContext}. Keys compare by identity, so declare each one
 * once as a constant next to the code that owns it ({@link ContextKeys} holds the shared ones): every key ever
 * created has a slot in every request's context.
 *
 * @param <T> the value type
 */
public final class ContextKey<T> {

    /** How many keys exist; each key's {@link #index} is its slot in every {@link RequestContext}. */
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    private final String name;
    /** This key's slot in a context's value array: keys are few and constants, so a slot beats a hash lookup. */
    final int index;

    private ContextKey(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.index = COUNT.getAndIncrement();
    }

    /** The number of keys created so far (the size a new context's value array starts with). */
    static int count() {
        return COUNT.get();
    }

    public static <T> ContextKey<T> named(String name) {
        return new ContextKey<>(name);
    }

    public String name() {
        return name;
    }

    @Override public String toString() {
        return "ContextKey{" + name + "}";
    }
}
