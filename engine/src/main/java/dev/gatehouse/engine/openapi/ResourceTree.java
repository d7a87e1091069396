package dev.gatehouse.engine.openapi;

import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAPI paths → the resource tree: every path part becomes a resource, intermediate ones included. Malformed
 * templates ({@code //}, unbalanced braces, no leading {@code /}, a greedy variable before the end) are ERRORs.
 * Valid OpenAPI that API Gateway cannot represent — a part mixing text and a variable ({@code {id}.json}) or using
 * characters outside {@code a-zA-Z0-9._-} — is skipped with a WARNING carrying AWS's message. Two variables at one
 * level ({@code /a/{x}} and {@code /a/{y}/b}) are allowed once per level by AWS, so the later path's variable is
 * renamed to the first one (WARNING) and its operations follow the rename.
 */
final class ResourceTree {

    /** Where a document path lands: the resource path and the path variables renamed on the way. */
    record Placement(String path, Map<String, String> renames) {}

    private static final class Node {
        final String id;
        final String parentId;
        final String pathPart;
        final String path;
        final Map<String, Node> children = new LinkedHashMap<>();
        final Map<String, Method> methods = new LinkedHashMap<>();

        Node(String id, String parentId, String pathPart, String path) {
            this.id = id;
            this.parentId = parentId;
            this.pathPart = pathPart;
            this.path = path;
        }

        String variableChild() {
            for (String part : children.keySet()) if (DefinitionValidator.isVariable(part)) return part;
            return null;
        }

        String childPath(String part) {
            return "/".equals(path) ? "/" + part : path + "/" + part;
        }
    }

    private final ImportContext ctx;
    private final Node root;
    private final Map<String, Node> byPath = new LinkedHashMap<>();

    ResourceTree(ImportContext ctx) {
        this.ctx = ctx;
        this.root = new Node(ctx.ids.resource("/"), null, null, "/");
        byPath.put("/", root);
    }

    /** Adds the resources of an existing API (merge mode), so its variable names win. */
    void seed(List<Resource> existing) {
        existing.stream().filter(r -> !r.isRoot()).forEach(r -> ensure(r.path()));
    }

    /** Where a document path goes, or null when it is skipped (reported). */
    Placement place(String rawPath, String pointer) {
        if (!rawPath.startsWith("/")) {
            ctx.findings.error(pointer, "a path must start with '/': " + rawPath);
            return null;
        }
        String path = rawPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.replaceAll("/+$", "");
            if (path.isEmpty()) path = "/";
            ctx.findings.info(pointer, "trailing '/' removed: API Gateway resources have no empty path part");
        }
        if (path.equals("/")) return new Placement("/", Map.of());
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                ctx.findings.error(pointer, "empty path part ('//') in " + rawPath);
                return null;
            }
            if (count(part, '{') != count(part, '}')) {
                ctx.findings.error(pointer, "unbalanced braces in path part '" + part + "' of " + rawPath);
                return null;
            }
            if (part.endsWith("+}") && i < parts.length - 1) {
                ctx.findings.error(pointer, "Cannot create a child of a resource with a greedy path variable: " + part
                        + " (a greedy variable must be the last path part)");
                return null;
            }
        }
        for (String part : parts) {
            try {
                DefinitionValidator.checkPathPart(part);
            } catch (DefinitionException e) {
                ctx.findings.warn(pointer, "path skipped: " + e.getMessage() + " (path part '" + part + "')");
                return null;
            }
        }
        Map<String, String> renames = new LinkedHashMap<>();
        List<String> placed = new ArrayList<>();
        Node current = root;
        for (String part : parts) {
            String actual = part;
            if (DefinitionValidator.isVariable(part) && current != null) {
                String existing = current.variableChild();
                if (existing != null && !existing.equals(part)) {
                    if (existing.endsWith("+}") != part.endsWith("+}")) {
                        ctx.findings.warn(pointer, "path skipped: A sibling (" + existing + ") of this resource already "
                                + "has a variable path part -- only one is allowed");
                        return null;
                    }
                    renames.put(name(part), name(existing));
                    actual = existing;
                }
            }
            placed.add(actual);
            current = current == null ? null : current.children.get(actual);
        }
        Set<String> variables = new HashSet<>();
        for (String part : placed) {
            if (DefinitionValidator.isVariable(part) && !variables.add(name(part))) {
                ctx.findings.warn(pointer, "path skipped: renaming variables " + renames + " (one variable name per level, "
                        + "as API Gateway requires) would use {" + name(part) + "} twice");
                return null;
            }
        }
        if (!renames.isEmpty()) {
            ctx.findings.warn(pointer, "path variables renamed " + renames.toString().replace("=", " → ")
                    + ": API Gateway allows one variable per level and an earlier path named it differently");
        }
        return new Placement("/" + String.join("/", placed), renames);
    }

    /** Creates the resource at a path and every missing ancestor. */
    void ensure(String path) {
        if (byPath.containsKey(path)) return;
        Node current = root;
        for (String part : path.substring(1).split("/")) {
            Node child = current.children.get(part);
            if (child == null) {
                String childPath = current.childPath(part);
                child = new Node(ctx.ids.resource(childPath), current.id, part, childPath);
                current.children.put(part, child);
                byPath.put(childPath, child);
            }
            current = child;
        }
    }

    /** Adds a method; false when the resource already has one for that HTTP method. */
    boolean addMethod(String path, Method method) {
        ensure(path);
        return byPath.get(path).methods.putIfAbsent(method.httpMethod(), method) == null;
    }

    List<Resource> resources() {
        List<Resource> out = new ArrayList<>(byPath.size());
        for (Node n : byPath.values()) out.add(new Resource(n.id, n.parentId, n.pathPart, n.path, n.methods));
        return out;
    }

    static String name(String variablePart) {
        String inner = variablePart.substring(1, variablePart.length() - 1);
        return inner.endsWith("+") ? inner.substring(0, inner.length() - 1) : inner;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
