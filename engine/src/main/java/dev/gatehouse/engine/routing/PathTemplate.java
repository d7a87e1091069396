package dev.gatehouse.engine.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed resource path such as {@code /pets/{petId}/{proxy+}}: literal parts, {@code {param}} parts and a
 * final greedy {@code {proxy+}}. Parsed once when a route table is built. Part rules follow AWS
 * (aws-reference §1.2): literals {@code a-zA-Z0-9._-}, braces only around a whole part, {@code +} only last.
 */
public record PathTemplate(String path, List<Part> parts) {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._\\-]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]+");

    /** One path part. */
    public sealed interface Part permits Literal, Param, Greedy { }

    public record Literal(String text) implements Part { }

    public record Param(String name) implements Part { }

    public record Greedy(String name) implements Part { }

    public PathTemplate {
        parts = List.copyOf(parts);
    }

    /** Parses {@code path}; IllegalArgumentException names the bad part. A trailing slash is ignored. */
    public static PathTemplate parse(String path) {
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("resource path must start with /: " + path);
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Part> parts = new ArrayList<>();
        if (p.length() > 1) {
            String[] raw = p.substring(1).split("/", -1);
            for (int i = 0; i < raw.length; i++) {
                String s = raw[i];
                if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
                    String inner = s.substring(1, s.length() - 1);
                    boolean greedy = inner.endsWith("+");
                    String name = greedy ? inner.substring(0, inner.length() - 1) : inner;
                    if (!NAME.matcher(name).matches()) throw bad(path, s);
                    if (greedy && i != raw.length - 1) {
                        throw new IllegalArgumentException("greedy part must be last in " + path);
                    }
                    parts.add(greedy ? new Greedy(name) : new Param(name));
                } else if (LITERAL.matcher(s).matches()) {
                    parts.add(new Literal(s));
                } else {
                    throw bad(path, s);
                }
            }
        }
        return new PathTemplate(p, parts);
    }

    private static IllegalArgumentException bad(String path, String part) {
        return new IllegalArgumentException("bad path part '" + part + "' in " + path + ": Resource's path part only"
                + " allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign"
                + " before the closing brace.");
    }
}
