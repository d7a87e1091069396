package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the mapping template for a request or a response, as AWS does (aws-reference §3.1, §4). Pure functions
 * over the deployment's template maps (content type → anything, usually a {@link CompiledTemplate}); called by the
 * data plane per request, on any thread.
 */
public final class TemplateSelector {

    /** The content type assumed when a request has none. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json";
    /** The fallback key the engine accepts when no content type matches. */
    public static final String DEFAULT_KEY = "$default";

    private TemplateSelector() {}

    /** What to do with a request body. */
    public sealed interface RequestDecision<T> {
        /** Render this template (chosen under {@code contentType}). */
        record Render<T>(String contentType, T template) implements RequestDecision<T> {}

        /** Send the body unchanged. */
        record PassThrough<T>() implements RequestDecision<T> {}

        /** Refuse with 415 {@code {"message":"Unsupported Media Type"}}. */
        record Reject<T>() implements RequestDecision<T> {}
    }

    /**
     * The request template for {@code contentTypeHeader} (MIME type only; absent → application/json, then the
     * {@code $default} key). With no match: {@code WHEN_NO_MATCH} passes through, {@code WHEN_NO_TEMPLATES} passes
     * through only when there are no templates at all, {@code NEVER} rejects.
     */
    public static <T> RequestDecision<T> forRequest(Map<String, T> templates, PassthroughBehavior behavior,
                                                     String contentTypeHeader) {
        String mime = mimeType(contentTypeHeader);
        Map.Entry<String, T> match = lookup(templates, mime);
        if (match == null && templates.containsKey(DEFAULT_KEY) && templates.get(DEFAULT_KEY) != null) {
            match = Map.entry(DEFAULT_KEY, templates.get(DEFAULT_KEY));
        }
        if (match != null) return new RequestDecision.Render<>(match.getKey(), match.getValue());
        PassthroughBehavior b = behavior == null ? PassthroughBehavior.WHEN_NO_MATCH : behavior;
        return switch (b) {
            case WHEN_NO_MATCH -> new RequestDecision.PassThrough<>();
            case WHEN_NO_TEMPLATES -> templates.isEmpty() ? new RequestDecision.PassThrough<>()
                    : new RequestDecision.Reject<>();
            case NEVER -> new RequestDecision.Reject<>();
        };
    }

    /**
     * The response template for the request's {@code Accept} header: the first listed MIME type that has a
     * template; else (absent, {@code *}/{@code *}, or no match) the application/json template if defined, else the
     * first defined (in the map's order). Empty when there are no templates: the body passes through.
     */
    public static <T> Optional<Map.Entry<String, T>> forResponse(Map<String, T> templates, String acceptHeader) {
        if (templates.isEmpty()) return Optional.empty();
        if (acceptHeader != null && !acceptHeader.isBlank()) {
            for (String part : acceptHeader.split(",")) {
                Map.Entry<String, T> match = lookup(templates, mimeType(part));
                if (match != null) return Optional.of(match);
            }
        }
        Map.Entry<String, T> json = lookup(templates, DEFAULT_CONTENT_TYPE);
        if (json != null) return Optional.of(json);
        for (Map.Entry<String, T> e : templates.entrySet()) {
            if (e.getValue() != null) return Optional.of(Map.entry(e.getKey(), e.getValue()));
        }
        return Optional.empty();
    }

    /** {@code "Application/JSON; charset=UTF-8"} → {@code "application/json"}; null/blank → application/json. */
    public static String mimeType(String header) {
        if (header == null || header.isBlank()) return DEFAULT_CONTENT_TYPE;
        int semi = header.indexOf(';');
        String mime = (semi >= 0 ? header.substring(0, semi) : header).trim().toLowerCase(Locale.ROOT);
        return mime.isEmpty() ? DEFAULT_CONTENT_TYPE : mime;
    }

    private static <T> Map.Entry<String, T> lookup(Map<String, T> templates, String mime) {
        T exact = templates.get(mime);
        if (exact != null) return Map.entry(mime, exact);
        for (Map.Entry<String, T> e : templates.entrySet()) {
            if (e.getValue() != null && e.getKey().equalsIgnoreCase(mime)) return Map.entry(e.getKey(), e.getValue());
        }
        return null;
    }
}
