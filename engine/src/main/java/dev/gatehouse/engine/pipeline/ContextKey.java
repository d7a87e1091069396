package dev.gatehouse.engine.pipeline;

import java.util.Objects;

/**
 * A typed key for per-request state in {@link RequestContext}. Keys compare by identity, so declare each one
 * once as a constant next to the code that owns it ({@link ContextKeys} holds the shared ones).
 *
 * @param <T> the value type
 */
public final class ContextKey<T> {

    private final String name;

    private ContextKey(String name) {
        this.name = Objects.requireNonNull(name, "name");
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
