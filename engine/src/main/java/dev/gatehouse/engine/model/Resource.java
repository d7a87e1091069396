package dev.gatehouse.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A path in the API's resource tree (AWS {@code Resource}). The root has {@code path "/"} and no parent or path
 * part. {@code path} is derived from the parents' path parts and kept in the record because AWS returns it.
 *
 * @param resourceMethods HTTP method → method definition
 */
public record Resource(String id, String parentId, String pathPart, String path, Map<String, Method> resourceMethods) {

    public Resource {
        resourceMethods = Copies.map(resourceMethods);
    }

    public static Resource root(String id) {
        return new Resource(id, null, null, "/", null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRoot() {
        return parentId == null;
    }

    /** The child path for a path part of this resource. */
    public String childPath(String part) {
        return "/".equals(path) ? "/" + part : path + "/" + part;
    }

    public Resource withMethod(Method method) {
        Map<String, Method> methods = new LinkedHashMap<>(resourceMethods);
        methods.put(method.httpMethod(), method);
        return new Resource(id, parentId, pathPart, path, methods);
    }

    public Resource withoutMethod(String httpMethod) {
        Map<String, Method> methods = new LinkedHashMap<>(resourceMethods);
        methods.remove(httpMethod);
        return new Resource(id, parentId, pathPart, path, methods);
    }

    public Resource withPath(String newParentId, String newPathPart, String newPath) {
        return new Resource(id, newParentId, newPathPart, newPath, resourceMethods);
    }

    public Method method(String httpMethod) {
        return resourceMethods.get(httpMethod);
    }
}
