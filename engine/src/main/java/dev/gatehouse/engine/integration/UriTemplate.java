package dev.gatehouse.engine.integration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An integration URI compiled once: {@code http://backend/{proxy}?v=${stageVariables.version}}.
 * {@code {name}} is filled from the integration path parameters, percent-encoded as a path (slashes kept, so
 * {@code {proxy}} = {@code a b/c} gives {@code a%20b/c}); {@code ${stageVariables.name}} is inserted as is
 * (AWS restricts stage-variable characters). A missing value is an empty string. Immutable, thread-safe.
 */
public final class UriTemplate {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}|\\{([A-Za-z0-9._\\-]+)\\+?}");

    private sealed interface Part permits Text, PathValue, StageVariable { }

    private record Text(String text) implements Part { }

    private record PathValue(String name) implements Part { }

    private record StageVariable(String name) implements Part { }

    private final String source;
    private final List<Part> parts;

    private UriTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Compiles; IllegalArgumentException when not an http(s) URL ("Invalid HTTP endpoint specified for URI"). */
    public static UriTemplate compile(String uri) {
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            throw new IllegalArgumentException("Invalid HTTP endpoint specified for URI: " + uri);
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(uri);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(new Text(uri.substring(last, m.start())));
            parts.add(m.group(1) != null ? new StageVariable(m.group(1)) : new PathValue(m.group(2)));
            last = m.end();
        }
        if (last < uri.length()) parts.add(new Text(uri.substring(last)));
        return new UriTemplate(uri, List.copyOf(parts));
    }

    /** The URI for one request. */
    public String expand(Map<String, String> pathValues, Map<String, String> stageVariables) {
        StringBuilder b = new StringBuilder(source.length() + 32);
        for (Part p : parts) {
            switch (p) {
                case Text t -> b.append(t.text);
                case PathValue v -> b.append(encodePath(pathValues.getOrDefault(v.name, "")));
                case StageVariable s -> b.append(stageVariables.getOrDefault(s.name, ""));
            }
        }
        return b.toString();
    }

    /** Percent-encodes everything but unreserved characters, {@code /} and sub-delims safe in paths. */
    public static String encodePath(String value) {
        StringBuilder b = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            if (!safe(value.charAt(i))) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                b = new StringBuilder(bytes.length + 16);
                break;
            }
        }
        if (b == null) return value;
        for (byte x : bytes) {
            char c = (char) (x & 0xFF);
            if (x >= 0 && safe(c)) b.append(c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return b.toString();
    }

    private static boolean safe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    @Override public String toString() {
        return source;
    }
}
