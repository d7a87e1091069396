package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Model;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Validating a body from the bytes it was decoded from gives what validating its text gives: the same messages
 * (failures included) and the same tree offered to the templates, or none where the text offers none.
 */
class ModelSchemaByteSourceTest {

    private static final ModelSchema PET = ModelSchemas.compile("api1", List.of(new Model("m1", "Pet", null, """
            {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string","maxLength":5},
             "price":{"type":"number","minimum":25}},"required":["name","price"]}""", "application/json")))
            .get("Pet").orElseThrow();

    private record Outcome(List<String> messages, JsonNode offered) {}

    private static Outcome fromText(String text) {
        AtomicReference<JsonNode> offered = new AtomicReference<>();
        return new Outcome(PET.validate(text, offered::set), offered.get());
    }

    private static Outcome fromBytes(byte[] bytes) {
        AtomicReference<JsonNode> offered = new AtomicReference<>();
        return new Outcome(PET.validate(new String(bytes, StandardCharsets.UTF_8), bytes, offered::set), offered.get());
    }

    private static void assertSameOutcome(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(fromBytes(bytes)).as(text).isEqualTo(fromText(text));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validInvalidAndUnusualBodiesGiveTheTextsMessagesAndTree() {
        List<byte[]> bodies = new ArrayList<>(List.of(
                utf8("{\"name\":\"Rex\",\"price\":30}"),
                utf8("{\"name\":\"Rexford\",\"price\":3,\"id\":1.5}"),
                utf8("{\"name\":\"é😀\",\"price\":25.0}"),        // 2 code points, 3 chars
                utf8("{\"name\":\"Rex\",\"price\":30} trailing"),
                utf8("{\"name\":\"Rex\",\"price\":30} {\"a\":1}"),
                utf8("{\"name\":\"Rex\",\"price\":30}}"),
                utf8("{a"), utf8("{\"name\":}"), utf8("[1,2"), utf8("nul"), utf8("\"text\""), utf8("42"),
                utf8("\uFEFF{\"name\":\"Rex\",\"price\":30}"),  // BOM: the text parser refuses it
                utf8("\u0000{\"name\":\"Rex\"}"), utf8("{\"name\":\"a\u0000b\",\"price\":30}"),
                utf8("{\"name\":\"x\u007fy\",\"price\":30}"),
                utf8("{\"name\":\"\uFFFD\",\"price\":30}"),
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'},        // truncated é
                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // CESU surrogate
                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},             // overlong /
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
                "{\"name\":\"Rex\",\"price\":30}".getBytes(StandardCharsets.UTF_16BE),
                "{\"name\":\"Rex\",\"price\":30}".getBytes(StandardCharsets.UTF_16LE),
                utf8("{\"name\":\"Rex\",\"price\":1e400}"), utf8("{\"name\":\"Rex\",\"price\":123456789012345678901234567890}"),
                utf8("[" + "[".repeat(1200) + "]".repeat(1201))));
        for (byte[] body : bodies) assertSameOutcome(body);
        // the byte parse is used for the ordinary case, and gives what the text gives
        assertThat(fromBytes(utf8("{\"name\":\"Rex\",\"price\":30}")).offered().get("price").intValue()).isEqualTo(30);
        assertThat(fromBytes(utf8("{a")).messages()).singleElement().asString().startsWith("Invalid JSON: ");
    }

    @Test
    void randomBytesNearJsonGiveTheTextsOutcome() {
        Random r = new Random(99);
        String[] pieces = {"{", "}", "[", "]", "\"name\"", ":", ",", "\"Rex\"", "30", "-1.5e3", "true", "null", " ",
                "\"price\"", "\"é\"", "\"😀\"", "\\u0041", "\"\\\"\"", "x"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) s.append(pieces[r.nextInt(pieces.length)]);
            byte[] bytes = utf8(s.toString());
            if (r.nextInt(10) == 0) bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80)); // break UTF-8
            assertSameOutcome(bytes);
        }
    }

    @Test
    void aBodyWithAReplacementCharacterOrAByteOrderMarkOrALeadingNulIsReadFromTheText() {
        assertThat(ModelSchema.sameTextAsBytes("{\"a\":\"\uFFFD\"}", utf8("{\"a\":\"\uFFFD\"}"))).isFalse();
        assertThat(ModelSchema.sameTextAsBytes("\uFEFF{}", utf8("\uFEFF{}"))).isFalse();
        assertThat(ModelSchema.sameTextAsBytes("{\u0000}", utf8("{\u0000}"))).isFalse();
        assertThat(ModelSchema.sameTextAsBytes("{\"a\":\"é\"}", utf8("{\"a\":\"é\"}"))).isTrue();
    }

    @Test
    void decimalsParseToTheDoubleThatDoubleParseDoubleGives() throws Exception {
        Random r = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            String number = switch (r.nextInt(4)) {
                case 0 -> Double.toString(Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE));
                case 1 -> (r.nextInt(100000) + "." + r.nextInt(100000)).replace("Infinity", "1").replace("NaN", "2");
                case 2 -> r.nextInt(10) + "." + Long.toString(r.nextLong() & Long.MAX_VALUE) + "e" + (r.nextInt(700) - 350);
                default -> "0." + "0".repeat(r.nextInt(20)) + (1 + r.nextInt(999_999_999));
            };
            if (number.contains("Infinity") || number.contains("NaN")) continue;
            JsonNode node = ModelSchemas.JSON.readTree("[" + number + "]").get(0);
            assertThat(Double.doubleToRawLongBits(node.doubleValue())).as(number)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
            JsonNode fromBytes = ModelSchemas.JSON.readTree(utf8("[" + number + "]")).get(0);
            assertThat(fromBytes).isEqualTo(node);
        }
    }
}
