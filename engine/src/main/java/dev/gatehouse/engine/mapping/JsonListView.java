package dev.gatehouse.engine.mapping;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A JSON array as a template sees it: {@code $list.size()}, {@code $list[0]}, {@code $list.get(0)}, {@code #foreach}.
 * Prints as compact JSON, the way AWS prints lists ({@code [{"c":5}]}). Elements are wrapped on access.
 */
final class JsonListView extends AbstractList<Object> implements RandomAccess {

    private final List<Object> raw;

    JsonListView(List<Object> raw) {
        this.raw = raw;
    }

    List<Object> raw() {
        return raw;
    }

    @Override
    public Object get(int index) {
        return JsonSupport.view(raw.get(index));
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public Object set(int index, Object element) {
        return JsonSupport.view(raw.set(index, JsonSupport.unwrap(element)));
    }

    @Override
    public void add(int index, Object element) {
        raw.add(index, JsonSupport.unwrap(element));
    }

    @Override
    public Object remove(int index) {
        return JsonSupport.view(raw.remove(index));
    }

    @Override
    public String toString() {
        return JsonSupport.toJson(raw);
    }
}
