package dev.gatehouse.app.resources;

import dev.gatehouse.engine.model.IntegrationType;
import java.util.List;

/**
 * One row of the resource tree as the ViewModel computes it: a resource (with its methods and child resources
 * as children) or a method (a leaf). Plain data, so the tree logic is tested without a toolkit.
 *
 * @param integrationType the method's integration type; null for resources and for methods without integration
 */
public record TreeEntry(Kind kind, String resourceId, String path, String label, String httpMethod,
                        IntegrationType integrationType, List<TreeEntry> children) {

    public enum Kind { RESOURCE, METHOD }

    public TreeEntry {
        children = List.copyOf(children);
    }

    /** A stable key for keeping expansion and selection across rebuilds. */
    public String key() {
        return kind == Kind.RESOURCE ? resourceId : resourceId + " " + httpMethod;
    }

    /**
     * The tree cell's node id, usable as a CSS id selector: {@code tree-_pets__petId_} for {@code /pets/{petId}},
     * {@code tree-GET-_pets} for its method (every character outside [A-Za-z0-9] becomes {@code _}).
     */
    public String nodeId() {
        String safePath = path.replaceAll("[^A-Za-z0-9]", "_");
        return kind == Kind.RESOURCE ? "tree-" + safePath : "tree-" + httpMethod + "-" + safePath;
    }

    @Override
    public String toString() {
        return kind == Kind.RESOURCE ? path : httpMethod + " " + path;
    }
}
