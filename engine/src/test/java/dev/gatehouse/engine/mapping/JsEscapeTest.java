package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code $util.escapeJavaScript}: Commons Lang 2's {@code escapeJavaScript} rules, written in runs. */
class JsEscapeTest {

    /** The rules one character at a time, as Commons Lang 2's {@code escapeJavaUtilString} writes them. */
    private static String oneAtATime(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch > 0x7f) {
                out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) ch));
            } else if (ch < 32) {
                switch (ch) {
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) ch));
                }
            } else {
                switch (ch) {
                    case '\'' -> out.append("\\'");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    @Test
    void randomTextIsEscapedAsTheRulesOneCharacterAtATimeEscapeIt() {
        Random r = new Random(3);
        String alphabet = "ab 'x\"\\/\b\n\t\f\r\u0000\u001f\u007f\u0080é😀\u2028";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(30); k > 0; k--) {
                s.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertThat(JsEscape.escape(s.toString())).as(s.toString()).isEqualTo(oneAtATime(s.toString()));
        }
    }

    @Test
    void handEscapedExamples() {
        assertThat(JsEscape.escape("Ada O'Lovelace")).isEqualTo("Ada O\\'Lovelace");
        assertThat(JsEscape.escape("application/json")).isEqualTo("application\\/json");
        assertThat(JsEscape.escape("say \"hi\"\n")).isEqualTo("say \\\"hi\\\"\\n");
        assertThat(JsEscape.escape("é")).isEqualTo("\\u00E9");
        assertThat(JsEscape.escape("\u007f")).isEqualTo("\u007f"); // DEL is not above U+007F: as it is
        String plain = "127.0.0.1:18090";
        assertThat(JsEscape.escape(plain)).isSameAs(plain);
        assertThat(JsEscape.escape(null)).isNull();
    }
}
