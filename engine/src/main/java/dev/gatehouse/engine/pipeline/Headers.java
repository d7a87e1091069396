package dev.gatehouse.engine.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable HTTP header multimap: lookups ignore case, iteration keeps the first-seen casing of each name
 * (the client's, as AWS passes it to proxies and logs) and the order names first appeared, each name's values
 * together in arrival order. Safe to share between threads. Build one with {@link #builder()} or {@link #of}.
 *
 * <p>Stored as one flat array of name/value pairs in arrival order (OkHttp's layout), searched linearly: a request
 * has a dozen or two headers, and every request copies its headers several times (inbound, to the backend, back,
 * to the client), so one array beats a hash table of entries and value lists on both CPU and garbage (measured with
 * {@code bench/dataplane-profile.sh}: BENCHMARKS.md, "Quiet machine, 2026-12-03").
 */
public final class Headers {

    private static final String[] NONE = new String[0];
    private static final Headers EMPTY = new Headers(NONE, 0, false);

    /** name, value, name, value... in arrival order; never changed once this object exists (builders copy first). */
    private final String[] pairs;
    /** used length of {@link #pairs} (an even number) */
    private final int length;
    /** whether some name occurs twice (any case): iteration then groups values under their name's first casing */
    private final boolean repeats;

    private Headers(String[] pairs, int length, boolean repeats) {
        this.pairs = pairs;
        this.length = length;
        this.repeats = repeats;
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
     * A builder pre-filled with these headers. Costs nothing until the first change, which copies the array once
     * (names and values are shared): adding two ids to a response does not rebuild its headers.
     */
    public Builder toBuilder() {
        return new Builder(pairs, length);
    }

    /** The first value of {@code name} (any case), or null. */
    public String first(String name) {
        int i = indexOf(pairs, length, name, 0);
        return i < 0 ? null : pairs[i + 1];
    }

    /** The last value of {@code name} (any case), or null: AWS's single-value maps keep the last one. */
    public String last(String name) {
        for (int i = length - 2; i >= 0; i -= 2) if (sameName(pairs[i], name)) return pairs[i + 1];
        return null;
    }

    /** Every value of {@code name} in arrival order (an immutable list); empty when absent. */
    public List<String> all(String name) {
        int i = indexOf(pairs, length, name, 0);
        if (i < 0) return List.of();
        int next = repeats ? indexOf(pairs, length, name, i + 2) : -1;
        if (next < 0) return List.of(pairs[i + 1]);
        List<String> values = new ArrayList<>(4);
        values.add(pairs[i + 1]);
        for (int j = next; j >= 0; j = indexOf(pairs, length, name, j + 2)) values.add(pairs[j + 1]);
        return Collections.unmodifiableList(values);
    }

    public boolean contains(String name) {
        return indexOf(pairs, length, name, 0) >= 0;
    }

    /** Names in first-seen order and casing. */
    public List<String> names() {
        List<String> names = new ArrayList<>(length / 2);
        for (int i = 0; i < length; i += 2) if (!repeats || firstOfItsName(i)) names.add(pairs[i]);
        return names;
    }

    /** Calls {@code action} once per value, name in its kept casing, each name's values together. */
    public void forEach(BiConsumer<String, String> action) {
        if (!repeats) {
            for (int i = 0; i < length; i += 2) action.accept(pairs[i], pairs[i + 1]);
            return;
        }
        for (int i = 0; i < length; i += 2) {
            if (!firstOfItsName(i)) continue;
            String name = pairs[i];
            action.accept(name, pairs[i + 1]);
            for (int j = indexOf(pairs, length, name, i + 2); j >= 0; j = indexOf(pairs, length, name, j + 2)) {
                action.accept(name, pairs[j + 1]);
            }
        }
    }

    /** A copy as name -> values (kept casing, arrival order), for AWS's {@code multiValueHeaders}. */
    public Map<String, List<String>> toMultiMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String name : names()) m.put(name, all(name));
        return Collections.unmodifiableMap(m);
    }

    /** The number of distinct names. */
    public int size() {
        return repeats ? names().size() : length / 2;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /**
     * {@code name} in lower case (Locale.ROOT), without allocating for the names that recur on every request
     * (kept in a small bounded table). For comparing header names case-insensitively through sets and maps.
     */
    public static String lowerCaseName(String name) {
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

    /** Whether the pair at {@code i} is the first of its name. */
    private boolean firstOfItsName(int i) {
        return indexOf(pairs, i, pairs[i], 0) < 0;
    }

    /** Index of the first pair at or after {@code from} (below {@code length}) whose name is {@code name}; -1 if none. */
    private static int indexOf(String[] pairs, int length, String name, int from) {
        for (int i = from; i < length; i += 2) if (sameName(pairs[i], name)) return i;
        return -1;
    }

    /** Header names compare ignoring case ({@code String.equalsIgnoreCase}: the same instance or length first). */
    private static boolean sameName(String a, String b) {
        return a == b || a.equalsIgnoreCase(b);
    }

    /** Same names (any case, each with its first-seen casing) with the same values in the same order per name. */
    @Override public boolean equals(Object o) {
        return o instanceof Headers h && h.canonical().equals(canonical());
    }

    @Override public int hashCode() {
        return canonical().hashCode();
    }

    /** lower-cased name -> [kept casing, values...]: what equality compares, whatever the arrival interleaving. */
    private Map<String, List<String>> canonical() {
        Map<String, List<String>> m = new java.util.HashMap<>();
        forEach((name, value) -> m.computeIfAbsent(lowerCaseName(name), k -> new ArrayList<>(List.of(name))).add(value));
        return m;
    }

    @Override public String toString() {
        return toMultiMap().toString();
    }

    /**
     * Mutable, single-threaded builder. Copy-on-write: {@link #build()} hands its array to the {@link Headers}
     * without copying it, and {@link Headers#toBuilder()} starts from the headers' array; the first change after
     * either copies the array.
     */
    public static final class Builder {
        private String[] pairs;
        private int length;
        /** true while {@link #pairs} is also a built Headers' array */
        private boolean shared;

        private Builder() {
            this.pairs = NONE;
        }

        private Builder(String[] built, int length) {
            this.pairs = built;
            this.length = length;
            this.shared = true;
        }

        /** Makes {@link #pairs} this builder's own with room for {@code extra} more pairs. */
        private void own(int extra) {
            int needed = length + 2 * extra;
            if (shared || needed > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(needed, shared ? length + 4 : Math.max(16, pairs.length * 2)));
                shared = false;
            }
        }

        /** Appends a value; the first call for a name fixes its casing. */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            own(1);
            pairs[length] = name;
            pairs[length + 1] = value;
            length += 2;
            return this;
        }

        /** Replaces every value of {@code name} with one value, keeping the existing casing and place if any. */
        public Builder set(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            int i = indexOf(pairs, length, name, 0);
            if (i < 0) return add(name, value);
            own(0);
            pairs[i + 1] = value;
            removeFrom(name, i + 2);
            return this;
        }

        public Builder remove(String name) {
            int i = indexOf(pairs, length, name, 0);
            if (i >= 0) {
                own(0);
                removeFrom(name, i);
            }
            return this;
        }

        /** Removes every pair named {@code name} at or after {@code from}; the array is this builder's own. */
        private void removeFrom(String name, int from) {
            int kept = from;
            for (int i = from; i < length; i += 2) {
                if (sameName(pairs[i], name)) continue;
                pairs[kept] = pairs[i];
                pairs[kept + 1] = pairs[i + 1];
                kept += 2;
            }
            Arrays.fill(pairs, kept, length, null);
            length = kept;
        }

        public boolean contains(String name) {
            return indexOf(pairs, length, name, 0) >= 0;
        }

        public Builder addAll(Headers headers) {
            headers.forEach(this::add);
            return this;
        }

        public Headers build() {
            if (length == 0) return EMPTY;
            boolean repeats = false;
            for (int i = 2; i < length && !repeats; i += 2) repeats = indexOf(pairs, i, pairs[i], 0) >= 0;
            shared = true;
            return new Headers(pairs, length, repeats);
        }
    }
}
