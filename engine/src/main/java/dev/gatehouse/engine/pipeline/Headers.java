package dev.gatehouse.engine.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable HTTP header multimap: lookups ignore case, iteration keeps the first-seen casing of each name
 * (the client's, as AWS passes it to proxies and logs) and the order names first appeared.
 * Safe to share between threads. Build one with {@link #builder()} or {@link #of(String...)}.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    /** lower-cased name -> entry holding the original casing and the values in arrival order */
    private final Map<String, Entry> entries;

    private record Entry(String name, List<String> values) { }

    private Headers(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from name/value pairs: {@code Headers.of("Accept", "application/json", "X-A", "1")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must pair up");
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) b.add(namesAndValues[i], namesAndValues[i + 1]);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these headers. */
    public Builder toBuilder() {
        Builder b = new Builder();
        entries.values().forEach(e -> e.values.forEach(v -> b.add(e.name, v)));
        return b;
    }

    /** The first value of {@code name} (any case), or null. */
    public String first(String name) {
        Entry e = entries.get(key(name));
        return e == null ? null : e.values.getFirst();
    }

    /** The last value of {@code name} (any case), or null: AWS's single-value maps keep the last one. */
    public String last(String name) {
        Entry e = entries.get(key(name));
        return e == null ? null : e.values.getLast();
    }

    /** Every value of {@code name} in arrival order; empty when absent. */
    public List<String> all(String name) {
        Entry e = entries.get(key(name));
        return e == null ? List.of() : e.values;
    }

    public boolean contains(String name) {
        return entries.containsKey(key(name));
    }

    /** Names in first-seen order and casing. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        entries.values().forEach(e -> names.add(e.name));
        return names;
    }

    /** Calls {@code action} once per value, name in its kept casing. */
    public void forEach(BiConsumer<String, String> action) {
        entries.values().forEach(e -> e.values.forEach(v -> action.accept(e.name, v)));
    }

    /** A copy as name -> values (kept casing, arrival order), for AWS's {@code multiValueHeaders}. */
    public Map<String, List<String>> toMultiMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        entries.values().forEach(e -> m.put(e.name, e.values));
        return Collections.unmodifiableMap(m);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Headers h && h.entries.equals(entries);
    }

    @Override public int hashCode() {
        return entries.hashCode();
    }

    @Override public String toString() {
        return toMultiMap().toString();
    }

    /** Mutable, single-threaded builder. */
    public static final class Builder {
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

        private Builder() { }

        /** Appends a value; the first call for a name fixes its casing. */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            entries.computeIfAbsent(key(name), k -> new Entry(name, new ArrayList<>(1))).values.add(value);
            return this;
        }

        /** Replaces every value of {@code name} with one value, keeping the existing casing if any. */
        public Builder set(String name, String value) {
            Objects.requireNonNull(value, "value");
            Entry old = entries.get(key(name));
            List<String> values = new ArrayList<>(1);
            values.add(value);
            entries.put(key(name), new Entry(old == null ? name : old.name, values));
            return this;
        }

        public Builder remove(String name) {
            entries.remove(key(name));
            return this;
        }

        public boolean contains(String name) {
            return entries.containsKey(key(name));
        }

        public Builder addAll(Headers headers) {
            headers.forEach(this::add);
            return this;
        }

        public Headers build() {
            if (entries.isEmpty()) return EMPTY;
            LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries.size() * 2);
            entries.forEach((k, e) -> copy.put(k, new Entry(e.name, List.copyOf(e.values))));
            return new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
