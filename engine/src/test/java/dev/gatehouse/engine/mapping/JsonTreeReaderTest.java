package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonTreeReader} against the path it replaces in request validation: Jackson's {@code readTree} on the same
 * parser (the tree: node classes, values, key order) and {@link JsonSupport}'s own checks of that tree (whether the
 * template may use it), on random documents; where the recorded fact shares a tree those checks did not (digit
 * runs inside strings), the document built from it must be json-smart's own parse of the body.
 */
class JsonTreeReaderTest {

    /** Configured as request validation's mapper (ModelSchemas.JSON): the fast double parser on. */
    private static final ObjectMapper JACKSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    /** readTree's tree, or the class of what it threw. */
    private static Object byReadTree(byte[] body) {
        try (JsonParser p = JACKSON.createParser(body)) {
            return JACKSON.readTree(p);
        } catch (Exception e) {
            return e.getClass();
        }
    }

    /**
     * The reader's result for a body starting with an object or array (ModelSchema reads only those with it), null
     * for any other, or the class of what it threw.
     */
    private static Object byReader(byte[] body) {
        try (JsonParser p = JACKSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) return null;
            return JsonTreeReader.read(p, JACKSON.getNodeFactory());
        } catch (Exception e) {
            return e.getClass();
        }
    }

    /** Equal node classes and values, objects with equal keys in equal order. */
    private static void assertSameTree(JsonNode expected, JsonNode actual, String body) {
        assertThat(actual.getClass()).as(body).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            List<String> expectedNames = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedNames::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertThat(actualNames).as(body).isEqualTo(expectedNames);
            for (String name : expectedNames) assertSameTree(expected.get(name), actual.get(name), body);
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(body).isEqualTo(expected.size());
            Iterator<JsonNode> a = actual.iterator();
            for (JsonNode e : expected) assertSameTree(e, a.next(), body);
        } else {
            assertThat(actual).as(body).isEqualTo(expected); // DoubleNode equality tells -0.0 from 0.0
        }
    }

    /** Bodies the recorded fact shares and the text's number-run search refused: counted by the random test. */
    private static int sharedOnlyByTheFact;

    private static void assertAgrees(String text) {
        // the body as the server has it: decoded from its bytes (a lone surrogate of the random text becomes '?')
        String body = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Object expected = byReadTree(body.getBytes(StandardCharsets.UTF_8));
        Object actual = byReader(body.getBytes(StandardCharsets.UTF_8));
        if (actual == null) return; // nothing to compare: validation reads such bodies with readTree alone
        if (expected instanceof Class<?>) {
            assertThat(actual).as(body).isInstanceOf(Class.class); // refused both ways (validation reads the text then)
            return;
        }
        assertThat(actual).as(body).isInstanceOf(JsonTreeReader.Tree.class);
        JsonTreeReader.Tree read = (JsonTreeReader.Tree) actual;
        assertSameTree((JsonNode) expected, read.tree(), body);
        // every tree the checks share, the fact shares; a tree the fact shares gives json-smart's own document
        JsonNode byChecks = JsonSupport.sharedTree(read.tree(), body);
        JsonNode byFact = JsonSupport.sharedTree(read.tree(), body, read.convertible());
        if (byChecks != null) assertThat(byFact).as(body).isSameAs(byChecks);
        if (byFact != null) {
            Object own = JsonSupport.parse(body);
            Object built = JsonSupport.fromShared(byFact);
            JsonSharedParseTest.assertSame(own, built, body);
            assertThat(JsonSupport.toJson(built)).as(body).isEqualTo(JsonSupport.toJson(own));
            if (byChecks == null) sharedOnlyByTheFact++;
        }
    }

    @Test
    void randomObjectsAndArraysGiveReadTreesTreeAndTheWalksVerdict() {
        Random r = new Random(20261203);
        sharedOnlyByTheFact = 0;
        int compared = 0;
        int convertible = 0;
        int notConvertible = 0;
        for (int i = 0; i < 30_000; i++) {
            String value = JsonSharedParseTest.randomValue(r, 0);
            if (value.charAt(0) != '{' && value.charAt(0) != '[') value = "[" + value + "]";
            String body = value + JsonSharedParseTest.ws(r);
            if (r.nextInt(20) == 0) body = body.substring(0, r.nextInt(body.length())); // cut short
            assertAgrees(body);
            if (byReader(body.getBytes(StandardCharsets.UTF_8)) instanceof JsonTreeReader.Tree t) {
                compared++;
                if (t.convertible()) convertible++;
                else notConvertible++;
            }
        }
        assertThat(compared).isGreaterThan(25_000); // a cut body may have nothing left to read
        assertThat(convertible).isGreaterThan(10_000);
        assertThat(notConvertible).isGreaterThan(100); // infinite decimals (1e400), long numbers occur often enough
        assertThat(sharedOnlyByTheFact).isGreaterThan(100); // strings with long digit runs
    }

    @Test
    void duplicateKeysKeepTheFirstPositionAndTheLastValueAsReadTreeDoes() {
        String body = "{\"a\":1,\"b\":2,\"a\":[3],\"c\":{\"x\":1,\"x\":\"y\"}}";
        assertAgrees(body);
        JsonTreeReader.Tree read = (JsonTreeReader.Tree) byReader(body.getBytes(StandardCharsets.UTF_8));
        assertThat(read.tree().toString()).isEqualTo("{\"a\":[3],\"b\":2,\"c\":{\"x\":\"y\"}}");
    }

    @Test
    void aNumberOfNineteenCharactersIsNotConvertibleAndDigitsInAStringDoNotCount() {
        // json-smart reads a number of more than 18 characters by its own rules (JsonSupport.SHARED_MAX_NUMBER_RUN)
        String longNumber = "{\"n\":1234567890123456789}";
        String longDecimal = "{\"n\":0.12345678901234567}";
        String eighteen = "{\"n\":123456789012345678,\"d\":0.1234567890123456}";
        String digitsInText = "{\"n\":\"12345678901234567890123\"}";
        for (String body : List.of(longNumber, longDecimal, eighteen, digitsInText)) assertAgrees(body);
        assertThat(((JsonTreeReader.Tree) byReader(longNumber.getBytes(StandardCharsets.UTF_8))).convertible()).isFalse();
        assertThat(((JsonTreeReader.Tree) byReader(longDecimal.getBytes(StandardCharsets.UTF_8))).convertible()).isFalse();
        assertThat(((JsonTreeReader.Tree) byReader(eighteen.getBytes(StandardCharsets.UTF_8))).convertible()).isTrue();
        assertThat(((JsonTreeReader.Tree) byReader(digitsInText.getBytes(StandardCharsets.UTF_8))).convertible()).isTrue();
    }

    @Test
    void twoHundredLevelsAreConvertibleAndTwoHundredAndOneAreNot() {
        // the root is level 0; JsonSupport converts nodes down to level 200: a scalar inside 200 arrays is at 200
        String atLimit = "[".repeat(200) + "1" + "]".repeat(200);
        String beyond = "[".repeat(201) + "1" + "]".repeat(201);
        String emptyAtLimit = "[".repeat(201) + "]".repeat(201); // the innermost array is at level 200
        for (String body : List.of(atLimit, beyond, emptyAtLimit)) assertAgrees(body);
        assertThat(((JsonTreeReader.Tree) byReader(atLimit.getBytes(StandardCharsets.UTF_8))).convertible()).isTrue();
        assertThat(((JsonTreeReader.Tree) byReader(beyond.getBytes(StandardCharsets.UTF_8))).convertible()).isFalse();
        assertThat(((JsonTreeReader.Tree) byReader(emptyAtLimit.getBytes(StandardCharsets.UTF_8))).convertible())
                .isTrue();
    }

    @Test
    void numbersTakeReadTreesNodeClassesAndAnInfiniteDecimalIsNotConvertible() {
        String body = "[1,-2147483648,2147483648,9223372036854775808,1.5,-0.0,1e400,-1e400,4.9e-325]";
        assertAgrees(body);
        JsonTreeReader.Tree read = (JsonTreeReader.Tree) byReader(body.getBytes(StandardCharsets.UTF_8));
        assertThat(read.tree().get(0).isInt()).isTrue();
        assertThat(read.tree().get(2).isLong()).isTrue();
        assertThat(read.tree().get(3).isBigInteger()).isTrue();
        assertThat(read.tree().get(6).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.convertible()).isFalse();
        assertThat(((JsonTreeReader.Tree) byReader("{\"n\":246.44}".getBytes(StandardCharsets.UTF_8))).convertible())
                .isTrue();
    }

    @Test
    void textThatIsNotJsonIsRefusedAsReadTreeRefusesIt() {
        for (String body : List.of("{a", "{\"a\":}", "[1,2", "{\"a\":1", "[1 2]", "{\"a\" 1}", "[1,]", "{,}",
                "[" + "[".repeat(1200) + "]".repeat(1201), "{\"a\":1]", "[1}")) {
            assertAgrees(body);
        }
    }

    @Test
    void theParserIsLeftOnTheClosingTokenSoTrailingContentIsSeenAsBefore() throws Exception {
        try (JsonParser p = JACKSON.createParser("{\"a\":[1]} {\"b\":2}")) {
            p.nextToken();
            JsonTreeReader.read(p, JACKSON.getNodeFactory());
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        }
    }
}
