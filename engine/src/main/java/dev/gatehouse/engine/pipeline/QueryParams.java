package dev.gatehouse.engine.pipeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, case-sensitive query-string multimap, names in first-seen order, values in arrival order.
 * {@link #last} gives AWS's single-value view (the last value wins), {@link #all} the multi-value one.
 */
public final class QueryParams {

    private static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query string (without {@code ?}); names and values are form-decoded ({@code +} is a space,
     * {@code %XX} UTF-8). A name without {@code =} gets the empty value. Malformed escapes are kept literally.
     */
    public static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return EMPTY;
        LinkedHashMap<String, List<String>> m = new LinkedHashMap<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                String name = eq < 0 || eq > end ? rawQuery.substring(start, end) : rawQuery.substring(start, eq);
                String value = eq < 0 || eq > end ? "" : rawQuery.substring(eq + 1, end);
                m.computeIfAbsent(decode(name), k -> new ArrayList<>(1)).add(decode(value));
            }
            if (amp < 0) break;
            start = amp + 1;
        }
        return freeze(m);
    }

    /** From an already-decoded multimap (copied). */
    public static QueryParams of(Map<String, List<String>> multi) {
        return multi.isEmpty() ? EMPTY : freeze(new LinkedHashMap<>(multi));
    }

    private static QueryParams freeze(LinkedHashMap<String, List<String>> m) {
        m.replaceAll((k, v) -> List.copyOf(v));
        return new QueryParams(Collections.unmodifiableMap(m));
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    /** The last value of {@code name}, or null. */
    public String last(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.getLast();
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** name -> values, unmodifiable. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** name -> last value, in first-seen order (AWS's {@code queryStringParameters}). */
    public Map<String, String> lastValues() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.getLast()));
        return m;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override public boolean equals(Object o) {
        return o instanceof QueryParams q && q.values.equals(values);
    }

    @Override public int hashCode() {
        return values.hashCode();
    }

    @Override public String toString() {
        return values.toString();
    }
}
