package dev.gatehouse.engine.payload;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.model.ContentHandling;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The payload conversions of {@code contentHandling} (AWS developer guide, "Content type conversions in API
 * Gateway"). A conversion goes from the payload's kind to the kind the other side needs:
 * <ul>
 *   <li>request: the payload is binary when its Content-Type is one of the API's binary media types; it becomes
 *       binary for CONVERT_TO_BINARY, text for CONVERT_TO_TEXT, and stays as it is without contentHandling;</li>
 *   <li>response: the integration response payload is binary when its Content-Type is a binary media type (never
 *       when the API has none); it becomes binary for CONVERT_TO_BINARY, text for CONVERT_TO_TEXT, and without
 *       contentHandling binary exactly when the client's first Accept type is binary (text when the API has no
 *       binary media types, so the payload passes unchanged).</li>
 * </ul>
 * Binary to text is Base64 encoding; text to binary is Base64 decoding, and text that is not Base64 fails with
 * 500 and a configuration-error log line, as AWS says. Stateless.
 */
public final class PayloadEncoding {

    /** What to do with one payload. */
    public enum Conversion {
        /** Text stays text: templates apply. */
        TEXT,
        /** Binary stays binary: the bytes pass through untouched, no template renders. */
        BINARY,
        /** Binary becomes Base64 text before any template ({@code $input.body} is the Base64 string). */
        ENCODE,
        /** Text (a template's output, or the payload) is Base64-decoded into bytes. */
        DECODE;

        /** Whether templates may render on this payload. */
        public boolean templated() {
            return this != BINARY;
        }
    }

    private PayloadEncoding() { }

    /** The request-side conversion for a method request with this Content-Type. */
    public static Conversion forRequest(BinaryMediaTypes types, ContentHandling handling, String contentType) {
        boolean binary = types.isBinary(contentType);
        boolean toBinary = handling == ContentHandling.CONVERT_TO_BINARY
                || (handling == null && binary);
        return of(binary, toBinary);
    }

    /** The response-side conversion for an integration response with this Content-Type and the client's Accept. */
    public static Conversion forResponse(BinaryMediaTypes types, ContentHandling handling, String contentType,
                                         String accept) {
        boolean binary = types.isBinary(contentType);
        boolean toBinary = handling == ContentHandling.CONVERT_TO_BINARY
                || (handling == null && types.acceptsBinary(accept));
        return of(binary, toBinary);
    }

    private static Conversion of(boolean binary, boolean toBinary) {
        if (binary) return toBinary ? Conversion.BINARY : Conversion.ENCODE;
        return toBinary ? Conversion.DECODE : Conversion.TEXT;
    }

    /** Base64 of the bytes, as ASCII bytes. */
    public static byte[] encode(byte[] binary) {
        return Base64.getEncoder().encode(binary);
    }

    /**
     * The bytes a Base64 text stands for (whitespace and line breaks ignored).
     *
     * @throws GatewayException configuration error (500) when the text is not Base64
     */
    public static byte[] decode(byte[] text, String what) {
        byte[] compact = new byte[text.length];
        int n = 0;
        for (byte b : text) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') compact[n++] = b;
        }
        try {
            return Base64.getDecoder().decode(n == text.length ? compact : java.util.Arrays.copyOf(compact, n));
        } catch (IllegalArgumentException notBase64) {
            throw GatewayException.configurationError("Unable to base64-decode the " + what + " for CONVERT_TO_BINARY: "
                    + notBase64.getMessage());
        }
    }

    /** {@link #decode(byte[], String)} of a string. */
    public static byte[] decode(String text, String what) {
        return decode(text.getBytes(StandardCharsets.US_ASCII), what);
    }
}
