package dev.gatehouse.engine.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** JSON pointer helpers (RFC 6901) for report locations and local {@code $ref}s. */
final class Pointers {
    private Pointers() {}

    static String child(String pointer, String segment) {
        return pointer + "/" + escape(segment);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** The JSON pointer of a local {@code $ref} ("#/components/schemas/Pet" → "/components/schemas/Pet"). */
    static String fromRef(String ref) {
        String fragment = ref.substring(1);
        if (fragment.indexOf('%') >= 0) {
            fragment = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return fragment;
    }

    /** The last segment of a pointer, unescaped. */
    static String last(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }
}
