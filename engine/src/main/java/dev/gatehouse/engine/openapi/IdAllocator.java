package dev.gatehouse.engine.openapi;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ids for what an import creates. Re-importing into an existing API keeps the ids of resources (by path), models,
 * validators and authorizers (by name), so method references and git diffs stay stable; new ones are derived
 * from the API id and their path or name, never random, so importing the same document twice gives equal ids.
 */
final class IdAllocator {
    private final String apiId;
    private final Map<String, String> known = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    private IdAllocator(String apiId) {
        this.apiId = apiId;
    }

    static IdAllocator fresh(String apiId) {
        return new IdAllocator(apiId);
    }

    static IdAllocator reusing(ApiDefinition existing) {
        IdAllocator ids = new IdAllocator(existing.id());
        for (Resource r : existing.resources()) ids.remember("resource:" + r.path(), r.id());
        for (Model m : existing.models()) ids.remember("model:" + m.name(), m.id());
        for (RequestValidator v : existing.requestValidators()) ids.remember("validator:" + v.name(), v.id());
        for (Authorizer a : existing.authorizers()) ids.remember("authorizer:" + a.name(), a.id());
        return ids;
    }

    private void remember(String key, String id) {
        if (id == null) return;
        known.put(key, id);
        taken.add(id);
    }

    String apiId() {
        return apiId;
    }

    String resource(String path) {
        return id("resource:" + path, path);
    }

    String model(String name) {
        return id("model:" + name, "model/" + name);
    }

    String validator(String name) {
        return id("validator:" + name, "validator/" + name);
    }

    String authorizer(String name) {
        return id("authorizer:" + name, "authorizer/" + name);
    }

    private String id(String key, String seed) {
        String existing = known.get(key);
        if (existing != null) return existing;
        String id = Ids.resourceId(apiId, seed, taken::contains);
        remember(key, id);
        return id;
    }
}
