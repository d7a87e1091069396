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
     * occur (case-insensitive) in the label, the API name or the kind. Each word scores 0 when it is a whole word
     * of the label ({@code pets} in {@code GET /pets}), 1 when it starts one, 2 when it occurs inside the label,
     * 3 when only the API name or kind has it; the entry's score is the sum.
     */
    int score(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return 0;
        String l = label.toLowerCase(Locale.ROOT);
        if (l.equals(q)) return 0;
        java.util.List<String> words = java.util.Arrays.stream(l.split("[^a-z0-9+]+")).filter(w -> !w.isEmpty()).toList();
        String rest = apiName.toLowerCase(Locale.ROOT) + " " + kind.name().toLowerCase(Locale.ROOT);
        int total = 0;
        for (String word : q.split("\\s+")) {
            if (words.contains(word)) continue;
            if (words.stream().anyMatch(w -> w.startsWith(word))) total += 1;
            else if (l.contains(word)) total += 2;
            else if (rest.contains(word)) total += 3;
            else return -1;
        }
        return total;
    }
}
