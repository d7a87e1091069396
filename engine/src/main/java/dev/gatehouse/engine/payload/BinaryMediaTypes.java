package dev.gatehouse.engine.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An API's {@code binaryMediaTypes}, compiled once per deployment: which Content-Type (request and integration
 * response payloads) and which Accept (what the client wants back) count as binary. Entries are media types,
 * matched on the MIME type only (parameters ignored, case-insensitive), with {@code *} allowed for either part:
 * {@code image/png}, {@code image/*}, {@code *}{@code /*}. For Accept only the first listed media type counts, as on
 * AWS ("API Gateway only honors the first Accept media type"). Immutable and thread-safe.
 */
public final class BinaryMediaTypes {

    /** No binary media types: every payload is text (AWS's default). */
    public static final BinaryMediaTypes NONE = new BinaryMediaTypes(List.of());

    private record Pattern(String type, String subtype) {
        boolean matches(String t, String s) {
            return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
        }
    }

    private final List<Pattern> patterns;

    private BinaryMediaTypes(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Compiles the API's list; blank or malformed entries are ignored. AWS's patch paths write {@code /} as
     * {@code ~1}; such entries are accepted too.
     */
    public static BinaryMediaTypes of(List<String> mediaTypes) {
        if (mediaTypes == null || mediaTypes.isEmpty()) return NONE;
        List<Pattern> out = new ArrayList<>();
        for (String entry : mediaTypes) {
            if (entry == null) continue;
            String[] parts = split(entry.replace("~1", "/"));
            if (parts != null) out.add(new Pattern(parts[0], parts[1]));
        }
        return out.isEmpty() ? NONE : new BinaryMediaTypes(out);
    }

    /** True when the API declares no binary media types. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether a payload with this Content-Type header value is binary; null → false. */
    public boolean isBinary(String contentType) {
        if (patterns.isEmpty() || contentType == null) return false;
        String[] parts = split(contentType);
        if (parts == null) return false;
        for (Pattern p : patterns) if (p.matches(parts[0], parts[1])) return true;
        return false;
    }

    /** Whether the client asks for binary: the first media type of its Accept header is binary. */
    public boolean acceptsBinary(String accept) {
        if (patterns.isEmpty() || accept == null) return false;
        int comma = accept.indexOf(',');
        return isBinary(comma < 0 ? accept : accept.substring(0, comma));
    }

    /** {@code type/subtype} of a header value, lower-cased, without parameters; null when it is not one. */
    private static String[] split(String value) {
        int semi = value.indexOf(';');
        String mime = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int slash = mime.indexOf('/');
        if (slash <= 0 || slash == mime.length() - 1) return null;
        return new String[] {mime.substring(0, slash).trim(), mime.substring(slash + 1).trim()};
    }

    @Override public String toString() {
        return patterns.stream().map(p -> p.type() + "/" + p.subtype()).toList().toString();
    }
}
