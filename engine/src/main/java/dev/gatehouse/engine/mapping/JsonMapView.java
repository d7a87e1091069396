package dev.gatehouse.engine.mapping;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as a template sees it: {@code $obj.key}, {@code $obj.get('key')}, {@code $obj.keySet()},
 * {@code $obj.size()}, {@code $obj.put(k, v)}. Prints the way AWS prints it, as a Java map:
 * {@code {a=1, b=[{"c":5}]}} (nested objects Java-style, lists as JSON). Child values are wrapped on access.
 * Writes go to the per-render parsed document.
 */
final class JsonMapView extends AbstractMap<String, Object> {

    private final Map<String, Object> raw;

    JsonMapView(Map<String, Object> raw) {
        this.raw = raw;
    }

    Map<String, Object> raw() {
        return raw;
    }

    @Override
    public Object get(Object key) {
        return JsonSupport.view(raw.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        return JsonSupport.view(raw.put(key, JsonSupport.unwrap(value)));
    }

    @Override
    public Object remove(Object key) {
        return JsonSupport.view(raw.remove(key));
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> it = raw.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, Object> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), JsonSupport.view(e.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Entry<String, Object> e : raw.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append('=').append(JsonSupport.view(e.getValue()));
        }
        return sb.append('}').toString();
    }
}
