package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code $input}'s document built from request validation's Jackson tree must be exactly what json-smart's own
 * parse of the body gives (container classes, key order, number classes and values), or not be built at all.
 */
class JsonSharedParseTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** Number texts at json-smart's and Jackson's class boundaries (int/long/big, 18/19-character decimals). */
    private static final String[] NUMBERS = {"0", "-0", "7", "-1", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "123456789012345678",
        "1234567890123456789", "99999999999999999999999", "1.5", "-0.0", "0.0", "1e10", "1E-7", "3.0e2", "1E5",
        "1e400", "-1e400", "4.9e-325", "246.44", "11.0", "19.99", "0.12345678901234567", "0.123456789012345678",
        "0.1234567890123456789", "1.00000000000000000000", "12345678901234.5678", "-1234567890123456.7"};
    private static final String[] NAMES = {"a", "b", "items", "price", "0", "a b", "é", "", "x\u007fy"};

    /** The body as request validation reads it (ModelSchema: readTree on a parser, then no trailing token). */
    private static JsonNode validationParse(String body) {
        try (JsonParser p = JACKSON.createParser(body)) {
            JsonNode node = JACKSON.readTree(p);
            return p.nextToken() == null ? node : null;
        } catch (Exception e) {
            return null; // not JSON for Jackson: validation refuses it, no template runs
        }
    }

    static String randomString(Random r) {
        StringBuilder s = new StringBuilder("\"");
        int n = r.nextInt(10);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(12)) {
                case 0 -> s.append(String.format("\\u%04x", r.nextInt(0x10000)));
                case 1 -> s.append("\\n\\t\\\"\\\\\\/\\b\\f\\r".substring(2 * r.nextInt(8)).substring(0, 2));
                case 2 -> s.append((char) (0x7E + r.nextInt(0x30)));
                case 3 -> s.append((char) (0xD800 + r.nextInt(0x800)));
                case 4 -> s.append("12345678901234567890".substring(r.nextInt(20)));
                case 5 -> s.append((char) (0xA0 + r.nextInt(0x3000)));
                default -> s.append((char) ('a' + r.nextInt(26)));
            }
        }
        return s.append('"').toString();
    }

    static String ws(Random r) {
        return r.nextInt(4) == 0 ? " \n\t\r".substring(r.nextInt(4)) : "";
    }

    static String randomValue(Random r, int depth) {
        int kind = depth > 4 ? r.nextInt(4) : r.nextInt(6);
        return switch (kind) {
            case 0 -> randomString(r);
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 3 -> "\"" + NAMES[r.nextInt(NAMES.length)] + "\"";
            case 4 -> {
                StringBuilder o = new StringBuilder("{").append(ws(r));
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) o.append(',').append(ws(r));
                    String name = r.nextInt(3) == 0 ? randomString(r) : "\"" + NAMES[r.nextInt(NAMES.length)] + "\"";
                    o.append(name).append(ws(r)).append(':').append(ws(r)).append(randomValue(r, depth + 1));
                }
                yield o.append(ws(r)).append('}').toString();
            }
            default -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) a.append(',');
                    a.append(ws(r)).append(randomValue(r, depth + 1));
                }
                yield a.append(']').toString();
            }
        };
    }

    /** Equal values of equal classes, maps in equal key order. */
    static void assertSame(Object expected, Object actual, String body) {
        if (expected == null || actual == null) {
            assertThat(actual).as(body).isEqualTo(expected);
            return;
        }
        assertThat(actual.getClass()).as(body).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> em) {
            Map<?, ?> am = (Map<?, ?>) actual;
            assertThat(List.copyOf(am.keySet())).as(body).isEqualTo(List.copyOf(em.keySet()));
            for (Object k : em.keySet()) assertSame(em.get(k), am.get(k), body);
        } else if (expected instanceof List<?> el) {
            List<?> al = (List<?>) actual;
            assertThat(al).as(body).hasSameSizeAs(el);
            Iterator<?> a = al.iterator();
            for (Object e : el) assertSame(e, a.next(), body);
        } else {
            assertThat(actual).as(body).isEqualTo(expected); // Double.equals tells -0.0 from 0.0
        }
    }

    @Test
    void theDocumentBuiltFromValidationsTreeEqualsJsonSmartsParseOrIsNotBuilt() {
        Random r = new Random(20261202);
        int shared = 0;
        int documents = 0;
        for (int i = 0; i < 20_000; i++) {
            String body = ws(r) + randomValue(r, 0) + ws(r);
            if (r.nextInt(20) == 0) body = body + (r.nextBoolean() ? " {\"a\":1}" : " x");
            JsonNode tree = validationParse(body);
            if (tree == null) continue;
            documents++;
            Object fromTree = JsonSupport.fromValidated(tree, body);
            if (fromTree == null) continue;
            shared++;
            Object own = JsonSupport.parse(body);
            assertSame(own, fromTree, body);
            assertThat(JsonSupport.toJson(fromTree)).as(body).isEqualTo(JsonSupport.toJson(own));
        }
        // the comparison must have happened often enough to mean something (top-level scalars, long numbers and
        // DEL are never shared, so most of the random bodies fall back)
        assertThat(shared).isGreaterThan(2_000);
        assertThat(documents).isGreaterThan(shared);
    }

    @Test
    void duplicateKeysKeepTheFirstPositionAndTheLastValueLikeJsonSmart() {
        String body = "{\"a\":1,\"b\":2,\"a\":[3]}";
        Object fromTree = JsonSupport.fromValidated(validationParse(body), body);
        assertSame(JsonSupport.parse(body), fromTree, body);
        assertThat(fromTree.toString()).isEqualTo("{a=[3], b=2}");
    }

    @Test
    void theBenchmarkOrderIsSharedAndScalarsTrailingDataLongNumbersAndDelAreNot() {
        String order = "{\"orderId\":\"ord-1\",\"items\":[{\"sku\":\"S\",\"qty\":2,\"price\":19.99}],\"total\":246.44,"
                + "\"priority\":true,\"notes\":null}";
        assertThat(JsonSupport.fromValidated(validationParse(order), order)).isNotNull();
        assertThat(JsonSupport.fromValidated(validationParse("42"), "42")).isNull();
        assertThat(JsonSupport.fromValidated(validationParse("\"s\""), "\"s\"")).isNull();
        String longDecimal = "{\"p\":0.1234567890123456789}";
        assertThat(JsonSupport.fromValidated(validationParse(longDecimal), longDecimal)).isNull();
        String del = "{\"p\":\"a\u007fb\"}";
        assertThat(JsonSupport.fromValidated(validationParse(del), del)).isNull();
        assertThat(validationParse("{\"a\":1} {\"b\":2}")).isNull(); // trailing content: never offered
        String deep = "[".repeat(300) + "]".repeat(300);
        assertThat(JsonSupport.fromValidated(validationParse(deep), deep)).isNull();
    }

    /** The character-by-character reference: a run of more than 18 of {@code 0-9 . e E + -}. */
    private static boolean longRunByFullScan(String text) {
        int run = 0;
        for (char c : text.toCharArray()) {
            run = "0123456789.eE+-".indexOf(c) >= 0 ? run + 1 : 0;
            if (run > 18) return true;
        }
        return false;
    }

    @Test
    void aNumberRunOfNineteenCharactersIsFoundAtEveryOffsetAndOneOfEighteenNowhere() {
        for (int offset = 0; offset < 60; offset++) {
            for (int length = 17; length <= 21; length++) {
                String text = "x".repeat(offset) + "1".repeat(length) + (offset % 2 == 0 ? "" : "}");
                assertThat(JsonSupport.hasLongNumberRun(text)).as(offset + "/" + length).isEqualTo(length > 18);
                // two runs of 18 separated by one other character are not one run of 37
                String split = "x".repeat(offset) + "1".repeat(18) + "," + "2".repeat(18);
                assertThat(JsonSupport.hasLongNumberRun(split)).as(split).isFalse();
            }
        }
    }

    @Test
    void theSampledNumberRunCheckAgreesWithAFullScanOnRandomText() {
        Random r = new Random(17);
        String alphabet = "0123456789.eE+-,x\"é";
        int positives = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = r.nextInt(200);
            int bias = r.nextInt(4); // some texts are mostly digits, so that long runs occur at every position
            for (int k = 0; k < n; k++) {
                text.append(r.nextInt(8) < 5 + bias ? (char) ('0' + r.nextInt(10)) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            boolean expected = longRunByFullScan(text.toString());
            assertThat(JsonSupport.hasLongNumberRun(text.toString())).as(text.toString()).isEqualTo(expected);
            if (expected) positives++;
        }
        assertThat(positives).isBetween(5_000, 45_000);
    }

    /** What one {@code $input} call gave: the value's class and printed form, or the failure. */
    private static String outcome(java.util.function.Supplier<Object> call) {
        try {
            Object v = call.get();
            return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
        } catch (MappingException e) {
            return "failed:" + e.kind() + ":" + e.getMessage();
        }
    }

    @Test
    void aPlainPathReadInValidationsTreeGivesWhatTheParsedDocumentGivesAlsoAfterTheTemplateChangedIt() {
        String[] paths = {"$", "$.a", "$.b", "$.items", "$.price", "$.a.b", "$.items.price", "$.a.a.a", "$.b.items",
            "$.price.a", "$.items[0]", "$['a b']", "$..price", "$.*", "$.x"};
        Random r = new Random(20261203);
        int compared = 0;
        int shared = 0;
        for (int i = 0; i < 20_000; i++) {
            String body = ws(r) + randomValue(r, 0) + ws(r);
            JsonNode tree = validationParse(body);
            if (tree == null) continue;
            if (JsonSupport.sharedTree(tree, body) != null) shared++;
            MappingRequest validated = MappingRequest.builder().body(body).build();
            validated.offerValidatedJson(tree);
            InputVariable fromTree = new InputVariable(validated, Map.of());
            InputVariable parsed = new InputVariable(MappingRequest.builder().body(body).build(), Map.of());
            for (int k = 0; k < 6; k++) {
                String path = paths[r.nextInt(paths.length)];
                switch (r.nextInt(5)) {
                    case 0, 1 -> assertThat(outcome(() -> fromTree.json(path))).as(body + " json " + path)
                            .isEqualTo(outcome(() -> parsed.json(path)));
                    case 2, 3 -> assertThat(outcome(() -> fromTree.path(path))).as(body + " path " + path)
                            .isEqualTo(outcome(() -> parsed.path(path)));
                    default -> { // the template changes what $input.path handed it; later reads must see it
                        Object[] got = new Object[2];
                        assertThat(outcome(() -> got[0] = fromTree.path(path))).as(body + " path " + path)
                                .isEqualTo(outcome(() -> got[1] = parsed.path(path)));
                        if (got[0] instanceof Map<?, ?> ma && got[1] instanceof Map<?, ?> mb) {
                            @SuppressWarnings("unchecked") Map<String, Object> wa = (Map<String, Object>) ma;
                            @SuppressWarnings("unchecked") Map<String, Object> wb = (Map<String, Object>) mb;
                            wa.put("a", "changed " + k);
                            wb.put("a", "changed " + k);
                        }
                    }
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50_000);
        assertThat(shared).isGreaterThan(2_000); // read in the tree, not only the fallbacks compared
    }
}
