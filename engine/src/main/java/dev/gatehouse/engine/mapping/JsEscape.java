package dev.gatehouse.engine.mapping;

import java.util.Locale;

/**
 * {@code $util.escapeJavaScript}: JavaScript string escaping with the rules of Apache Commons Lang 2's
 * {@code StringEscapeUtils.escapeJavaScript}, the library behind AWS's implementation: {@code '} → {@code \'}
 * (which makes the output invalid JSON, as AWS documents), {@code "} → {@code \"}, {@code \} → {@code \\},
 * {@code /} → {@code \/}, {@code \b \t \n \f \r} by name, other control characters and everything above
 * U+007F as {@code \}{@code uXXXX} with upper-case hex.
 */
final class JsEscape {
    private JsEscape() {}

    static String escape(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        int copied = 0; // s[copied, i) is still to be copied as it is: copied in runs, not a character at a time
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 32 && ch <= 0x7f && !SPECIAL[ch]) continue;
            String rep = replacement(ch);
            if (rep == null) continue;
            if (out == null) out = new StringBuilder(s.length() + 16);
            out.append(s, copied, i).append(rep);
            copied = i + 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The printable ASCII characters {@link #replacement} replaces: {@code ' " \\ /}. */
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : "'\"\\/".toCharArray()) SPECIAL[c] = true;
    }

    private static String replacement(char ch) {
        if (ch > 0x7f) return "\\u" + hex4(ch);
        if (ch < 32) {
            return switch (ch) {
                case '\b' -> "\\b";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> "\\u" + hex4(ch);
            };
        }
        return switch (ch) {
            case '\'' -> "\\'";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            default -> null;
        };
    }

    private static String hex4(char ch) {
        String h = Integer.toHexString(ch).toUpperCase(Locale.ENGLISH);
        return "0000".substring(h.length()) + h;
    }
}
