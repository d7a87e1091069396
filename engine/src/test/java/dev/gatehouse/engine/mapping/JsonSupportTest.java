package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

/** {@link JsonSupport}'s shortcuts against json-smart's writer and Jayway's evaluator, on random documents. */
class JsonSupportTest {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE))
            .mappingProvider(new JsonSmartMappingProvider()).options(Option.SUPPRESS_EXCEPTIONS).build();

    private static final String[] NUMBERS = {"0", "-1", "42", "2147483647", "2147483648", "-9223372036854775808",
            "9223372036854775808", "123456789012345678901234567890", "1.5", "-0.0", "1e10", "1E-7", "1e400", "-1e400",
            "0.1234567890123456789012345", "246.44", "11.0", "3.0e2"};

    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            char c = switch (kind) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> (char) (0x7E + r.nextInt(0x24));
                case 2 -> (char) (0x1FF0 + r.nextInt(0x120));
                case 3 -> "\"\\/'{}[],:".charAt(r.nextInt(10));
                case 4 -> (char) (0xA0 + r.nextInt(0x2000));
                case 5 -> (char) (0xD800 + r.nextInt(0x800));
                default -> (char) (' ' + r.nextInt(95));
            };
            s.append(c);
        }
        return s.toString();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }

    private static String randomJson(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(5) : r.nextInt(7);
        return switch (kind) {
            case 0 -> quote(randomString(r));
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> r.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> quote(NAMES[r.nextInt(NAMES.length)]);
            case 5 -> {
                StringBuilder o = new StringBuilder("{");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) o.append(',');
                    String name = r.nextInt(4) == 0 ? randomString(r) : NAMES[r.nextInt(NAMES.length)];
                    o.append(quote(name)).append(':').append(randomJson(r, depth + 1));
                }
                yield o.append('}').toString();
            }
            default -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) a.append(',');
                    a.append(randomJson(r, depth + 1));
                }
                yield a.append(']').toString();
            }
        };
    }

    private static final String[] NAMES = {"a", "b", "items", "x_1", "Customer", "length", "0", "a-b", "a b", "é", ""};

    private static Object parse(String json) throws Exception {
        return new JSONParser(JSONParser.MODE_PERMISSIVE).parse(json, JSONValue.defaultReader.DEFAULT_ORDERED);
    }

    private static void collect(Object v, List<Object> out) {
        out.add(v);
        if (v instanceof Map<?, ?> m) m.values().forEach(x -> collect(x, out));
        if (v instanceof List<?> l) l.forEach(x -> collect(x, out));
    }

    @Test
    void toJsonWritesWhatJsonSmartWrites() throws Exception {
        Random r = new Random(42);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            Object doc = parse(randomJson(r, 0));
            List<Object> values = new ArrayList<>();
            collect(doc, values);
            for (Object v : values) {
                assertThat(JsonSupport.toJson(v)).isEqualTo(JSONValue.toJSONString(v));
                assertThat(JsonSupport.toJson(JsonSupport.view(v))).isEqualTo(JSONValue.toJSONString(v));
                checked++;
            }
        }
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) every.append(c);
        assertThat(JsonSupport.toJson(every.toString())).isEqualTo(JSONValue.toJSONString(every.toString()));
        assertThat(JsonSupport.toJson(Map.of("k", List.of(1, 2.5f, (short) 3)))) // non-parse types: json-smart's own
                .isEqualTo(JSONValue.toJSONString(Map.of("k", List.of(1, 2.5f, (short) 3))));
        assertThat(checked).isGreaterThan(5000);
    }

    @Test
    void simplePropertyChainsReadWhatJaywayReads() throws Exception {
        String[] paths = {"$", "$.a", "$.a.b", "$.items", "$.items.a", "$.x_1.Customer", "$.length", "$.a.length()",
                "$.0", "$['a']", "$['a-b']", "$.a-b", "$.a[0]", "$.*", "$..a", "$.a.b.items.a", "$['a','b']",
                "$.Customer.x_1.b", "$.items[*].a", "$[0]", "$.é"};
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            String json = randomJson(r, 0);
            Object doc = parse(json);
            for (String p : paths) {
                JsonPath compiled = JsonSupport.path(p);
                Object expected;
                try {
                    expected = compiled.read(doc, JAYWAY);
                } catch (RuntimeException e) {
                    expected = "ERR";
                }
                Object actual;
                try {
                    actual = JsonSupport.read(doc, compiled);
                } catch (MappingException e) {
                    actual = "ERR";
                }
                if (expected != "ERR" && actual != "ERR") {
                    assertThat(JSONValue.toJSONString(actual)).as(p + " on " + json)
                            .isEqualTo(JSONValue.toJSONString(expected));
                    if (JsonSupport.simpleProperties(compiled.getPath()) != null) {
                        assertThat(actual).as(p + " on " + json).isSameAs(expected);
                    }
                } else {
                    assertThat(actual).as(p + " on " + json).isEqualTo(expected);
                }
            }
        }
        assertThat(JsonSupport.simpleProperties(JsonSupport.path("$.a.b").getPath())).containsExactly("a", "b");
        assertThat(JsonSupport.simpleProperties(JsonSupport.path("$").getPath())).isEmpty();
        assertThat(JsonSupport.simpleProperties(JsonSupport.path("$.a[0]").getPath())).isNull();
        assertThat(JsonSupport.simpleProperties(JsonSupport.path("$.length()").getPath())).isNull();
    }

    @Test
    void toJsonWritesIntegersLongsDoublesAndBooleansAsJsonSmartDoes() {
        Random r = new Random(7);
        List<Object> values = new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MIN_VALUE,
                Long.MAX_VALUE, 0.0, -0.0, 1.0, 0.1, 246.44, 11.0, 1e7, 1.0e-3, 9.999999e-4, 1e21, 1e-7, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true, false));
        for (int i = 0; i < 20_000; i++) {
            values.add(r.nextInt());
            values.add(r.nextLong());
            values.add(Double.longBitsToDouble(r.nextLong()));
            values.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
        }
        for (Object v : values) {
            assertThat(JsonSupport.toJson(v)).as(String.valueOf(v)).isEqualTo(JSONValue.toJSONString(v));
            List<Object> inList = new net.minidev.json.JSONArray();
            inList.add(v);
            assertThat(JsonSupport.toJson(inList)).isEqualTo(JSONValue.toJSONString(inList));
        }
    }
}
