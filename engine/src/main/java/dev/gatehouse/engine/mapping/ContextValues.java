package dev.gatehouse.engine.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code $context} values of one request: a tree of strings, numbers and booleans keyed like AWS
 * ({@code requestId}, {@code identity.sourceIp}, {@code authorizer.principalId}, {@code error.message}, …).
 * Immutable; build with {@link #builder()} and dotted keys. The data plane fills it once per request;
 * templates see a per-render copy (so {@code #set($context.responseOverride.status = 400)} never leaks).
 */
public final class ContextValues {

    public static final ContextValues EMPTY = new ContextValues(Map.of());

    private final Map<String, Object> values;

    private ContextValues(Map<String, Object> values) {
        this.values = values;
    }

    /** A context from a nested map (values: String, Number, Boolean, or nested {@code Map<String, ?>}). */
    public static ContextValues of(Map<String, ?> nested) {
        Builder b = builder();
        flatten("", nested, b);
        return b.build();
    }

    private static void flatten(String prefix, Map<String, ?> map, Builder b) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, ?> sub = (Map<String, ?>) m;
                flatten(prefix + k + ".", sub, b);
            } else {
                b.put(prefix + k, v);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value at a dotted key ({@code identity.sourceIp}), or null; a branch comes back as an unmodifiable map. */
    public Object get(String dottedKey) {
        Object current = values;
        for (String part : dottedKey.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> m)) return null;
            current = m.get(part);
        }
        return current;
    }

    /** The whole tree, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A deep, mutable copy for one render. */
    Map<String, Object> mutableCopy() {
        return deepCopy(values);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }

    /** A builder with one more value set (for tests and the playground's overrides). */
    public Builder toBuilder() {
        Builder b = builder();
        flatten("", values, b);
        return b;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects dotted keys; later puts win. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> root = new LinkedHashMap<>();

        /** Sets {@code a.b.c} to {@code value} (String, Number or Boolean; null removes). */
        @SuppressWarnings("unchecked")
        public Builder put(String dottedKey, Object value) {
            String[] parts = dottedKey.split("\\.", -1);
            Map<String, Object> current = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = current.get(parts[i]);
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    current.put(parts[i], next);
                }
                current = (Map<String, Object>) next;
            }
            if (value == null) {
                current.remove(parts[parts.length - 1]);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                current.put(parts[parts.length - 1], value);
            } else {
                throw new IllegalArgumentException("context value " + dottedKey + " must be a String, Number or "
                        + "Boolean, was " + value.getClass().getName());
            }
            return this;
        }

        public ContextValues build() {
            return new ContextValues(freeze(root));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> freeze(Map<String, Object> in) {
            Map<String, Object> out = new LinkedHashMap<>();
            in.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? freeze((Map<String, Object>) m) : v));
            return Collections.unmodifiableMap(out);
        }
    }
}
