package dev.gatehouse.engine.mapping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code $util} in a template. Stateless and thread-safe; one instance serves every render.
 * Failures (bad Base64, bad JSON) are template errors.
 */
public final class UtilVariable {

    static final UtilVariable INSTANCE = new UtilVariable();

    private UtilVariable() {}

    /** Commons-Lang-2 JavaScript escaping, {@code '} → {@code \'} included (see {@link JsEscape}). */
    public String escapeJavaScript(Object value) {
        return value == null ? null : JsEscape.escape(String.valueOf(value));
    }

    /** Text → a JSON value usable in the template (objects and arrays get AWS's printing rules). */
    public Object parseJson(Object text) {
        return text == null ? null : JsonSupport.view(JsonSupport.parseForTemplate(String.valueOf(text)));
    }

    /** application/x-www-form-urlencoded, UTF-8 ({@code x=a+b} → {@code x%3Da%2Bb}). */
    public String urlEncode(Object value) {
        return value == null ? null : URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** The inverse of {@link #urlEncode} ({@code x=a+b} → {@code x=a b}). */
    public String urlDecode(Object value) {
        if (value == null) return null;
        try {
            return URLDecoder.decode(String.valueOf(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR, "$util.urlDecode failed: " + e.getMessage());
        }
    }

    /** Standard Base64 of the UTF-8 bytes. */
    public String base64Encode(Object value) {
        return value == null ? null
                : Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Standard Base64 → UTF-8 text. */
    public String base64Decode(Object value) {
        if (value == null) return null;
        try {
            return new String(Base64.getDecoder().decode(String.valueOf(value).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR,
                    "$util.base64Decode failed: " + e.getMessage());
        }
    }

    /**
     * What a bare {@code $util} (no property, no call) prints: nothing. [verify] No AWS recording or documentation of
     * this output was found. AWS renders templates with Java Velocity, which prints a reference's
     * {@code toString()}; AWS's variable objects document no string form, so on AWS this is at best an opaque,
     * per-request Java identity string that no template can rely on. The empty string is the most defensible
     * stand-in: a template that prints the variable by mistake gets no invented text, neither the reference's own
     * source text nor one of our class names.
     */
    @Override
    public String toString() {
        return "";
    }
}
