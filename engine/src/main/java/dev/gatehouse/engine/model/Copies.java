package dev.gatehouse.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Defensive copies for record components: never null, unmodifiable, deterministic order for maps. */
final class Copies {
    private Copies() {}

    /** A sorted, unmodifiable copy; null becomes empty. Null values are kept (AWS allows e.g. a null template). */
    static <V> Map<String, V> map(Map<String, V> in) {
        if (in == null || in.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new TreeMap<>(in));
    }

    static <T> List<T> list(List<T> in) {
        if (in == null || in.isEmpty()) return List.of();
        return Collections.unmodifiableList(new ArrayList<>(in));
    }
}
