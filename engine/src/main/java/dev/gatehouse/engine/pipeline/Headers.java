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

    /**
     * lower-cased name -> entry holding the original casing and the values in arrival order (immutable lists).
     * Never changed once this object exists; builders share it and copy before changing anything.
     */
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

    /**
     * A builder pre-filled with these headers. Costs nothing until the first change, which copies the name table
     * once (values are shared, they are immutable): adding two ids to a response does not rebuild its headers.
     */
    public Builder toBuilder() {
        return new Builder(entries);
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
        for (Entry e : entries.values()) {
            for (String v : e.values) action.accept(e.name, v);
        }
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

    /**
     * {@code name} in lower case (Locale.ROOT), without allocating for the names that recur on every request
     * (kept in a small bounded table). For comparing header names case-insensitively through sets and maps.
     */
    public static String lowerCaseName(String name) {
        return key(name);
    }

    private static String key(String name) {
        String cached = LOWER_CASE.get(name);
        if (cached != null) return cached;
        String lower = name.toLowerCase(Locale.ROOT);
        // names clients and backends send on every request (Content-Type, User-Agent, X-Amzn-Trace-Id...) are few:
        // remember them instead of lower-casing per lookup; bounded in count and length, so odd names cannot grow
        // it (toLowerCase returns the same instance when nothing changes: those need no entry)
        if (lower != name && name.length() <= 64 && LOWER_CASE.size() < LOWER_CASE_MAX) {
            LOWER_CASE.putIfAbsent(name, lower);
        }
        return lower;
    }

    private static final int LOWER_CASE_MAX = 512;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LOWER_CASE =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override public boolean equals(Object o) {
        return o instanceof Headers h && h.entries.equals(entries);
    }

    @Override public int hashCode() {
        return entries.hashCode();
    }

    @Override public String toString() {
        return toMultiMap().toString();
    }

    /**
     * Mutable, single-threaded builder. Copy-on-write: {@link #build()} hands its table to the {@link Headers}
     * without copying it, and {@link Headers#toBuilder()} starts from the headers' table; the first change after
     * either copies the table (names and value lists are shared, value lists are immutable once built).
     */
    public static final class Builder {
        /** lower-cased name -> entry; a value list is an {@link ArrayList} only while this builder owns it alone */
        private LinkedHashMap<String, Entry> entries;
        /** true while {@link #entries} is also a built Headers' table */
        private boolean shared;

        private Builder() {
            this.entries = new LinkedHashMap<>();
        }

        private Builder(Map<String, Entry> built) {
            this.entries = built instanceof LinkedHashMap<String, Entry> m ? m : new LinkedHashMap<>(built);
            this.shared = built instanceof LinkedHashMap;
        }

        private LinkedHashMap<String, Entry> own() {
            if (shared) {
                entries = new LinkedHashMap<>(entries);
                shared = false;
            }
            return entries;
        }

        /** Appends a value; the first call for a name fixes its casing. */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            LinkedHashMap<String, Entry> m = own();
            String k = key(name);
            Entry e = m.get(k);
            if (e == null) {
                m.put(k, new Entry(name, List.of(value)));
            } else if (e.values instanceof ArrayList<String> owned) {
                owned.add(value);
            } else {
                ArrayList<String> values = new ArrayList<>(e.values.size() + 2);
                values.addAll(e.values);
                values.add(value);
                m.put(k, new Entry(e.name, values));
            }
            return this;
        }

        /** Replaces every value of {@code name} with one value, keeping the existing casing if any. */
        public Builder set(String name, String value) {
            Objects.requireNonNull(value, "value");
            LinkedHashMap<String, Entry> m = own();
            String k = key(name);
            Entry old = m.get(k);
            m.put(k, new Entry(old == null ? name : old.name, List.of(value)));
            return this;
        }

        public Builder remove(String name) {
            String k = key(name);
            if (entries.containsKey(k)) own().remove(k);
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
            if (!shared) {
                // freeze the lists this builder still owns, in place; the table itself is handed over
                entries.replaceAll((k, e) -> e.values instanceof ArrayList ? new Entry(e.name, List.copyOf(e.values)) : e);
                shared = true;
            }
            return new Headers(entries);
        }
    }
}
