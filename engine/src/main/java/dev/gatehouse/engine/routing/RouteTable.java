package dev.gatehouse.engine.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled route table: resource templates on a trie, matched by walking the request path once with
 * backtracking (nothing is parsed per request beyond finding the slashes). Immutable and thread-safe.
 *
 * <p>Rules (aws-reference §1.2, §1.3, §2): at each part a literal beats {@code {param}} beats
 * {@code {proxy+}}; an explicit method beats {@code ANY}; one trailing slash is ignored; {@code {proxy+}}
 * matches the rest of the path (at least one character), keeping inner {@code //}; {@code {param}} never
 * matches an empty part. When the best path match has no handler for the method, matching backtracks to the
 * next candidate (e.g. {@code GET /pets} only + {@code ANY /{proxy+}}: {@code POST /pets} reaches the proxy),
 * as LocalStack does; AWS does not document this case [verify].
 *
 * @param <T> what a route leads to (the deploy step uses the compiled method plan)
 */
public final class RouteTable<T> {

    /** Methods {@code ANY} stands for. */
    public static final List<String> ANY_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final Node<T> root;
    private final int size;

    private RouteTable(Node<T> root, int size) {
        this.root = root;
        this.size = size;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Number of (resource, method) routes. */
    public int size() {
        return size;
    }

    /**
     * Finds the route for {@code httpMethod} (upper case) and {@code rawPath} (the path inside the stage, still
     * percent-encoded, starting with {@code /}); null when nothing matches.
     */
    public RouteMatch<T> match(String httpMethod, String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        List<String> values = new ArrayList<>(4);
        return search(root, httpMethod, p, 1, values);
    }

    private RouteMatch<T> search(Node<T> node, String method, String p, int pos, List<String> values) {
        if (pos >= p.length()) return node.resolve(method, values);
        int slash = p.indexOf('/', pos);
        int end = slash < 0 ? p.length() : slash;
        String segment = p.substring(pos, end);
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            RouteMatch<T> m = search(literal, method, p, end + 1, values);
            if (m != null) return m;
        }
        if (node.param != null && !segment.isEmpty()) {
            values.add(decode(segment));
            RouteMatch<T> m = search(node.param, method, p, end + 1, values);
            if (m != null) return m;
            values.removeLast();
        }
        if (node.greedy != null) {
            values.add(decode(p.substring(pos)));
            RouteMatch<T> m = node.greedy.resolve(method, values);
            if (m != null) return m;
            values.removeLast();
        }
        return null;
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** One trie node; after build only read. */
    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        Node<T> param;
        String paramName;
        Node<T> greedy;
        String greedyName;
        String resourcePath;
        List<String> paramNames = List.of();
        boolean repeatedNames;
        final Map<String, T> methods = new HashMap<>();
        T any;

        RouteMatch<T> resolve(String method, List<String> values) {
            T target = methods.get(method);
            if (target == null) target = any;
            if (target == null) return null;
            return new RouteMatch<>(target, resourcePath, parameters(values));
        }

        /**
         * The path parameters as an immutable map built directly (no intermediate map to copy: the match is on
         * every request's path, and the copied LinkedHashMap was ~9% of a proxied request's allocation).
         */
        private Map<String, String> parameters(List<String> values) {
            if (repeatedNames) { // /{id}/x/{id}: the last value wins, as it always did
                Map<String, String> params = new java.util.LinkedHashMap<>();
                for (int i = 0; i < paramNames.size(); i++) params.put(paramNames.get(i), values.get(i));
                return params;
            }
            return switch (paramNames.size()) {
                case 0 -> Map.of();
                case 1 -> Map.of(paramNames.get(0), values.get(0));
                case 2 -> Map.of(paramNames.get(0), values.get(0), paramNames.get(1), values.get(1));
                default -> {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, String>[] entries = new Map.Entry[paramNames.size()];
                    for (int i = 0; i < entries.length; i++) entries[i] = Map.entry(paramNames.get(i), values.get(i));
                    yield Map.ofEntries(entries);
                }
            };
        }
    }

    /** Collects routes; single-threaded. */
    public static final class Builder<T> {
        private final Node<T> root = new Node<>();
        private int size;

        private Builder() {
            root.resourcePath = "/";
        }

        /**
         * Adds one route. {@code httpMethod} is a method name or {@code ANY}. Throws IllegalArgumentException for
         * a bad template, a duplicate (resource, method), or two differently named {@code {param}}s at the
         * same position (AWS refuses those siblings too).
         */
        public Builder<T> add(String resourcePath, String httpMethod, T target) {
            Objects.requireNonNull(target, "target");
            PathTemplate template = PathTemplate.parse(resourcePath);
            String method = httpMethod.toUpperCase(Locale.ROOT);
            Node<T> node = root;
            List<String> names = new ArrayList<>();
            for (PathTemplate.Part part : template.parts()) {
                switch (part) {
                    case PathTemplate.Literal l -> node = node.literals.computeIfAbsent(l.text(), k -> new Node<>());
                    case PathTemplate.Param p -> {
                        if (node.param == null) {
                            node.param = new Node<>();
                            node.paramName = p.name();
                        } else if (!node.paramName.equals(p.name())) {
                            throw new IllegalArgumentException("{" + p.name() + "} in " + resourcePath
                                    + " conflicts with sibling {" + node.paramName + "}");
                        }
                        names.add(p.name());
                        node = node.param;
                    }
                    case PathTemplate.Greedy g -> {
                        if (node.greedy == null) {
                            node.greedy = new Node<>();
                            node.greedyName = g.name();
                        } else if (!node.greedyName.equals(g.name())) {
                            throw new IllegalArgumentException("{" + g.name() + "+} in " + resourcePath
                                    + " conflicts with sibling {" + node.greedyName + "+}");
                        }
                        names.add(g.name());
                        node = node.greedy;
                    }
                }
            }
            node.resourcePath = template.path();
            node.paramNames = List.copyOf(names);
            node.repeatedNames = new java.util.HashSet<>(names).size() < names.size();
            if ("ANY".equals(method)) {
                if (node.any != null) throw duplicate(resourcePath, method);
                node.any = target;
            } else if (node.methods.putIfAbsent(method, target) != null) {
                throw duplicate(resourcePath, method);
            }
            size++;
            return this;
        }

        private static IllegalArgumentException duplicate(String path, String method) {
            return new IllegalArgumentException("duplicate route " + method + " " + path);
        }

        /** The table; the builder must not be used afterwards. */
        public RouteTable<T> build() {
            return new RouteTable<>(root, size);
        }
    }
}
