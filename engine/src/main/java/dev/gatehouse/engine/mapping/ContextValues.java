package dev.gatehouse.engine.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code $context} values of one request: a tree of strings, numbers and booleans keyed like AWS
 * ({@code requestId}, {@code identity.sourceIp}, {@code authorizer.principalId}, {@code error.message}, …).
 * Immutable; build with {@link #builder()} and dotted keys. The data plane's are {@link #lazy lazy}: the values
 * are put only when a template or a mapping reads {@code $context}. Templates see a per-render copy (so
 * {@code #set($context.responseOverride.status = 400)} never leaks).
 */
public final class ContextValues {

    public static final ContextValues EMPTY = new ContextValues(Map.of());

    /** The frozen tree; null until a lazy context is first read. */
    private volatile Map<String, Object> values;
    /** Puts the values of a lazy context (null when built eagerly). Must be repeatable and side-effect free. */
    private final Consumer<Builder> filler;

    private ContextValues(Map<String, Object> values) {
        this.values = values;
        this.filler = null;
    }

    private ContextValues(Consumer<Builder> filler) {
        this.filler = filler;
    }

    /**
     * A context whose values {@code filler} puts when first needed: {@link #get}/{@link #asMap} freeze them once;
     * each render's {@link #mutableCopy} is built straight from the filler (one pass, no copy of a frozen tree).
     * The filler may run more than once (concurrent first reads, one run per render), so it must put the same
     * values every time.
     */
    static ContextValues lazy(Consumer<Builder> filler) {
        return new ContextValues(java.util.Objects.requireNonNull(filler, "filler"));
    }

    private Map<String, Object> values() {
        Map<String, Object> v = values;
        if (v == null) {
            Builder b = builder();
            filler.accept(b);
            v = b.build().values;
            values = v;
        }
        return v;
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
        Object current = values();
        int start = 0;
        while (true) { // dottedKey.split("\\.", -1), without the regex and the array
            int dot = dottedKey.indexOf('.', start);
            String part = dot < 0 ? dottedKey.substring(start) : dottedKey.substring(start, dot);
            if (!(current instanceof Map<?, ?> m)) return null;
            current = m.get(part);
            if (dot < 0) return current;
            start = dot + 1;
        }
    }

    /** The whole tree, unmodifiable. */
    public Map<String, Object> asMap() {
        return values();
    }

    /** A deep, mutable copy for one render. */
    Map<String, Object> mutableCopy() {
        Map<String, Object> v = values;
        if (v == null) {
            Builder b = builder();
            filler.accept(b);
            return b.root; // nested LinkedHashMaps in insertion order, as deepCopy of the frozen tree gives
        }
        return deepCopy(v);
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
        flatten("", values(), b);
        return b;
    }

    @Override
    public String toString() {
        return values().toString();
    }

    /** Collects dotted keys; later puts win. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> root = LinkedHashMap.newLinkedHashMap(24); // $context: ~20 names

        /** Sets {@code a.b.c} to {@code value} (String, Number or Boolean; null removes). */
        @SuppressWarnings("unchecked")
        public Builder put(String dottedKey, Object value) {
            Map<String, Object> current = root;
            int start = 0;
            for (int dot = dottedKey.indexOf('.'); dot >= 0; dot = dottedKey.indexOf('.', start)) {
                String part = dottedKey.substring(start, dot); // as split("\\.", -1): empty parts count
                Object next = current.get(part);
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    current.put(part, next);
                }
                current = (Map<String, Object>) next;
                start = dot + 1;
            }
            String last = start == 0 ? dottedKey : dottedKey.substring(start);
            if (value == null) {
                current.remove(last);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                current.put(last, value);
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
