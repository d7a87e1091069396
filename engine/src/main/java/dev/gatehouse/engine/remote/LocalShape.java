package dev.gatehouse.engine.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A workspace API's methods ({@code "GET /pets"} → the method as JSON, without the cache namespace, which defaults
 * to a resource id), for the diff a pull shows before it changes a local API.
 */
record LocalShape(Map<String, String> methods) {

    static LocalShape of(ApiDefinition api) {
        Map<String, String> out = new TreeMap<>();
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                ObjectNode node = Json.mapper().valueToTree(m);
                if (node.get("methodIntegration") instanceof ObjectNode i) i.remove("cacheNamespace");
                out.put(m.httpMethod() + " " + r.path(), node.toString());
            }
        }
        return new LocalShape(out);
    }

    /** {@code + GET /new}, {@code - DELETE /old}, {@code ~ POST /changed}, in path order. */
    List<String> diff(LocalShape after) {
        List<String> out = new ArrayList<>();
        after.methods.forEach((k, v) -> {
            String before = methods.get(k);
            if (before == null) out.add("+ " + k);
            else if (!Objects.equals(before, v)) out.add("~ " + k);
        });
        for (String k : methods.keySet()) if (!after.methods.containsKey(k)) out.add("- " + k);
        out.sort((a, b) -> a.substring(2).compareTo(b.substring(2)));
        return out;
    }
}
