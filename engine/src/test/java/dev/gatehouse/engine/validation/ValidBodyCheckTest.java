package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick test for valid bodies against networknt, the validator that decides: on random bodies near each schema,
 * every body the quick test accepts is one networknt accepts (the expected verdicts come from networknt), and the
 * quick test accepts most of the bodies networknt accepts (or it would buy nothing).
 */
class ValidBodyCheckTest {

    /** bench/dataplane-api.json's Order model (10 properties), as the method-filter benchmarks use it. */
    private static final String ORDER = dev.gatehouse.engine.mapping.MethodFilterBenchmarks.ORDER_SCHEMA;

    private static final String ORDER_BODY = """
            {"orderId":"ord-20261125","customer":{"id":4711,"name":"Ada O'Lovelace","email":"ada@example.com"},
             "items":[{"sku":"SKU-1001","name":"Widget","qty":2,"price":19.99},{"sku":"SKU-1002","qty":1,"price":0}],
             "total":246.44,"currency":"EUR","shipping":{"street":"12 Road","city":"London","zip":"NW1","country":"GB"},
             "priority":true,"notes":"Leave it with the neighbour","createdAt":"2026-11-25T10:15:30Z","tags":["web"]}""";

    /** Strictness at the edges: closed objects, exclusive bounds, code points, integer bounds, sizes. */
    private static final String EDGES = """
            {"$schema":"http://json-schema.org/draft-04/schema#","title":"Edges","type":"object",
             "additionalProperties":false,"minProperties":1,"maxProperties":5,"required":["n"],"properties":{
             "n":{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":10.5,"exclusiveMaximum":true},
             "i":{"type":"integer","minimum":-3,"maximum":3},
             "s":{"type":"string","minLength":2,"maxLength":3,"pattern":"b"},
             "a":{"type":"array","minItems":2,"maxItems":3,"items":{"type":"array","items":{"type":"null"}}},
             "e":{"enum":["x","y"]},
             "o":{"type":"object","additionalProperties":false},
             "b":{"type":"boolean"}}}""";

    private static final String EDGES_BODY = """
            {"n":5,"i":0,"s":"abc","a":[[null],[]],"e":"x"}""";

    @Test
    void everyRandomOrderTheQuickTestAcceptsNetworkntAccepts() {
        agreeOnRandomBodies(ORDER, ORDER_BODY, 20_000, 0.95);
    }

    @Test
    void everyRandomBodyAtTheEdgesTheQuickTestAcceptsNetworkntAccepts() {
        agreeOnRandomBodies(EDGES, EDGES_BODY, 20_000, 0.95);
    }

    /**
     * Required names that are properties and names that are not, with bodies smaller and larger than the property
     * list (the quick test looks members up one way or the other by size).
     */
    private static final String REQUIRED = """
            {"type":"object","required":["n","sku","i"],"properties":{
             "n":{"type":"integer","minimum":0},"i":{"type":"string"},"s":{"type":"string"},"e":{"type":"boolean"},
             "o":{"type":"object","required":["id","a"],"properties":{"id":{"type":"integer"}}}}}""";

    private static final String REQUIRED_BODY = """
            {"n":1,"sku":"x","i":"y","o":{"id":2,"a":[]}}""";

    @Test
    void everyRandomBodyWithRequiredNamesInAndOutOfThePropertiesTheQuickTestAcceptsNetworkntAccepts() {
        agreeOnRandomBodies(REQUIRED, REQUIRED_BODY, 20_000, 0.95);
    }

    @Test
    void aRequiredNameMissingIsRefusedWhetherItIsAPropertyOrNot() throws Exception {
        ValidBodyCheck quick = schema(REQUIRED).quickCheck();
        assertThat(quick.isValid(ModelSchemas.JSON.readTree(REQUIRED_BODY))).isTrue();
        assertThat(quick.isValid(ModelSchemas.JSON.readTree("{\"sku\":\"x\",\"i\":\"y\"}"))).isFalse(); // no n
        assertThat(quick.isValid(ModelSchemas.JSON.readTree("{\"n\":1,\"i\":\"y\"}"))).isFalse(); // no sku
        // more members than properties: the other way of looking up
        assertThat(quick.isValid(ModelSchemas.JSON.readTree(
                "{\"n\":1,\"i\":\"y\",\"s\":\"\",\"e\":true,\"o\":{\"id\":1,\"a\":1},\"z\":0}"))).isFalse();
        assertThat(quick.isValid(ModelSchemas.JSON.readTree(
                "{\"n\":1,\"i\":\"y\",\"s\":\"\",\"e\":true,\"o\":{\"id\":1,\"a\":1},\"sku\":0}"))).isTrue();
        assertThat(quick.isValid(ModelSchemas.JSON.readTree(
                "{\"n\":1,\"sku\":1,\"i\":\"y\",\"s\":\"\",\"e\":true,\"o\":{\"id\":1}}"))).isFalse(); // o.a
    }

    @Test
    void theUnchangedBodiesAreValidByTheQuickTest() throws Exception {
        assertThat(schema(ORDER).quickCheck().isValid(ModelSchemas.JSON.readTree(ORDER_BODY))).isTrue();
        assertThat(schema(EDGES).quickCheck().isValid(ModelSchemas.JSON.readTree(EDGES_BODY))).isTrue();
    }

    @Test
    void schemasWithKeywordsItDoesNotDecideHaveNoQuickTest() {
        for (String s : List.of(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/definitions/x\"}},\"definitions\":{\"x\":{}}}",
                "{\"type\":\"string\",\"format\":\"email\"}",
                "{\"allOf\":[{\"type\":\"string\"}]}",
                "{\"type\":[\"string\",\"null\"]}",
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"string\"}",
                "{\"type\":\"integer\",\"maxLength\":3}",
                "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}]}",
                "{\"type\":\"array\",\"uniqueItems\":true}",
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
                "{\"type\":\"number\",\"multipleOf\":2}",
                "{\"enum\":[1,2]}",
                "{\"type\":\"object\",\"nullable\":true}")) {
            assertThat(schema(s).quickCheck()).as(s).isNull();
        }
    }

    @Test
    void aValueOfAnotherTypeThanTheKeywordsIsLeftToNetworknt() throws Exception {
        ModelSchema s = schema("{\"maxLength\":2}"); // no type: 5 is valid, but the quick test does not decide it
        assertThat(s.quickCheck().isValid(ModelSchemas.JSON.readTree("5"))).isFalse();
        assertThat(s.validate(ModelSchemas.JSON.readTree("5"))).isEmpty();
        assertThat(s.validate(ModelSchemas.JSON.readTree("\"abc\""))).isNotEmpty();
    }

    private static ModelSchema schema(String json) {
        return ModelSchemas.compile("a1", List.of(new Model("m1", "M", null, json, "application/json")))
                .get("M").orElseThrow();
    }

    private static void agreeOnRandomBodies(String schemaJson, String body, int n, double minShare) {
        ModelSchema schema = schema(schemaJson);
        ValidBodyCheck quick = schema.quickCheck();
        assertThat(quick).isNotNull();
        JsonNode base;
        try {
            base = ModelSchemas.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Random random = new Random(17);
        int valid = 0;
        int quickValid = 0;
        for (int k = 0; k < n; k++) {
            JsonNode doc = base.deepCopy();
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) doc = mutate(doc, random);
            boolean networkntValid = schema.fullValidation(doc).isEmpty();
            boolean quickSays = quick.isValid(doc);
            if (quickSays) {
                assertThat(networkntValid).as("quick test accepted what networknt refuses: %s", doc).isTrue();
            }
            if (networkntValid) valid++;
            if (quickSays) quickValid++;
            assertThat(schema.validate(doc)).isEqualTo(schema.fullValidation(doc));
        }
        assertThat(valid).as("random bodies that are valid").isGreaterThan(n / 10);
        assertThat((double) quickValid / valid).as("share of valid bodies the quick test accepts")
                .isGreaterThanOrEqualTo(minShare);
    }

    /** One random change somewhere in the document: a value replaced, a property removed or added, an element. */
    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) return value(random, 0); // the root was replaced by a scalar
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            switch (random.nextInt(4)) {
                case 0 -> { if (!names.isEmpty()) o.remove(names.get(random.nextInt(names.size()))); }
                case 1 -> o.set(random.nextBoolean() ? "extra" : NAMES[random.nextInt(NAMES.length)], value(random, 0));
                default -> { if (!names.isEmpty()) o.set(names.get(random.nextInt(names.size())), value(random, 0)); }
            }
        } else if (target instanceof ArrayNode a) {
            switch (random.nextInt(4)) {
                case 0 -> { if (!a.isEmpty()) a.remove(random.nextInt(a.size())); }
                case 1 -> a.add(a.isEmpty() || random.nextBoolean() ? value(random, 0) : a.get(0).deepCopy());
                default -> { if (!a.isEmpty()) a.set(random.nextInt(a.size()), value(random, 0)); }
            }
        }
        return random.nextInt(200) == 0 ? value(random, 0) : root;
    }

    private static final String[] NAMES = {"n", "i", "s", "a", "e", "o", "b", "qty", "price", "total", "currency",
            "orderId", "sku", "name", "country", "id", "tags", "items", "customer", "shipping"};

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (JsonNode child : node) collect(child, out);
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Values near the schemas' limits: bounds and their neighbours, integral decimals, surrogate pairs, enum near-misses. */
    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 8 : 10)) {
            case 0 -> F.numberNode(new int[] {-4, -3, -1, 0, 1, 2, 3, 4, 10, 11, 4711}[random.nextInt(11)]);
            case 1 -> F.numberNode(new double[] {-0.5, 0.0, -0.0, 1e-9, 0.5, 1.0, 2.0, 3.0, 10.5, 10.499999999999998,
                    246.44, 1e300}[random.nextInt(12)]);
            case 2 -> F.numberNode(new long[] {3_000_000_000L, -9_007_199_254_740_993L, 9_007_199_254_740_992L}[random.nextInt(3)]);
            case 3 -> F.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 4 -> F.textNode(new String[] {"", "b", "ab", "abc", "abcd", "x", "y", "X", "EUR", "eur", "USD ", "GB",
                    "GBR", "ord-1", "ord-", "xord-12", "ord-12x", "\uD83D\uDE00", "\uD83D\uDE00b", "b\uD83D\uDE00\uD83D\uDE00",
                    "a".repeat(101), "a".repeat(100)}[random.nextInt(22)]);
            case 5 -> F.booleanNode(random.nextBoolean());
            case 6 -> F.nullNode();
            case 7 -> F.textNode("t" + random.nextInt(3));
            case 8 -> {
                ObjectNode o = F.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) o.set(NAMES[random.nextInt(NAMES.length)], value(random, depth + 1));
                yield o;
            }
            default -> {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) a.add(value(random, depth + 1));
                yield a;
            }
        };
    }

    @Test
    void theQuickTestsVerdictNeverChangesAValidationResult() throws Exception {
        ModelSchema s = schema(ORDER);
        assertThat(s.validate(ORDER_BODY)).isEmpty();
        String wrongCurrency = ORDER_BODY.replace("\"EUR\"", "\"eur\"");
        assertThat(s.validate(wrongCurrency)).isNotEmpty()
                .isEqualTo(s.fullValidation(ModelSchemas.JSON.readTree(wrongCurrency)));
    }
}
