package dev.gatehouse.app.palette;

import java.util.Locale;

/**
 * One place the palette can jump to: a resource, a method or a stage of an API.
 *
 * @param label what the list shows: {@code /pets}, {@code GET /pets}, {@code Stage prod}
 * @param resourceId the resource (resources and methods), else null
 * @param httpMethod the method's verb, else null
 * @param stageName  the stage, else null
 */
public record PaletteEntry(Kind kind, String apiId, String apiName, String label, String resourceId, String httpMethod,
                           String stageName) {

    public enum Kind { RESOURCE, METHOD, STAGE }

    public static PaletteEntry resource(String apiId, String apiName, String resourceId, String path) {
        return new PaletteEntry(Kind.RESOURCE, apiId, apiName, path, resourceId, null, null);
    }

    public static PaletteEntry method(String apiId, String apiName, String resourceId, String verb, String path) {
        return new PaletteEntry(Kind.METHOD, apiId, apiName, verb + " " + path, resourceId, verb, null);
    }

    public static PaletteEntry stage(String apiId, String apiName, String stageName) {
        return new PaletteEntry(Kind.STAGE, apiId, apiName, "Stage " + stageName, null, null, stageName);
    }

    /** "PetStore · method". */
    public String detail() {
        return apiName + " · " + kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * How well {@code query} matches, lower is better; -1 when it does not. Every whitespace-separated word must
     * occur (case-insensitive) in the label or the API name; a label starting with the query ranks first.
     */
    int score(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return 2;
        String l = label.toLowerCase(Locale.ROOT);
        String haystack = l + " " + apiName.toLowerCase(Locale.ROOT) + " " + kind.name().toLowerCase(Locale.ROOT);
        for (String word : q.split("\\s+")) {
            if (!haystack.contains(word)) return -1;
        }
        if (l.equals(q)) return 0;
        String path = kind == Kind.RESOURCE ? l : l.substring(l.indexOf(' ') + 1);
        if (l.startsWith(q) || path.startsWith(q)) return 1;
        return l.contains(q) ? 2 : 3;
    }
}
