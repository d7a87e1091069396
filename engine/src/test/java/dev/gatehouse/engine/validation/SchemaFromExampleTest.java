package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.model.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaFromExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode generate(String example) throws Exception {
        return JSON.readTree(SchemaFromExample.generate(example, "Pet"));
    }

    @Test
    void objectBecomesTypedPropertiesWithEveryPresentKeyRequired() throws Exception {
        JsonNode schema = generate("{\"id\": 1, \"name\": \"x\", \"price\": 2.5, \"sold\": false}");

        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
        assertThat(schema.get("title").asText()).isEqualTo("Pet");
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/id/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/price/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/sold/type").asText()).isEqualTo("boolean");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("id", "name", "price", "sold");
    }

    @Test
    void nestedObjectsGetTheirOwnPropertiesAndRequired() throws Exception {
        JsonNode schema = generate("{\"owner\": {\"email\": \"a@b.c\"}}");

        assertThat(schema.at("/properties/owner/type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/owner/properties/email/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/owner/required/0").asText()).isEqualTo("email");
    }

    @Test
    void arrayItemsMergeObjectKeysAcrossElementsAndRequireOnlyTheCommonOnes() throws Exception {
        JsonNode schema = generate("[{\"id\": 1, \"tag\": \"a\"}, {\"id\": 2.5, \"color\": \"red\"}]");

        assertThat(schema.get("type").asText()).isEqualTo("array");
        JsonNode items = schema.get("items");
        assertThat(items.get("type").asText()).isEqualTo("object");
        assertThat(items.get("properties").fieldNames()).toIterable().containsExactly("id", "tag", "color");
        assertThat(items.at("/properties/id/type").asText()).isEqualTo("number");
        assertThat(items.get("required")).extracting(JsonNode::asText).containsExactly("id");
    }

    @Test
    void emptyArrayHasNoItemsAndMixedElementsGetATypeList() throws Exception {
        assertThat(generate("[]").has("items")).isFalse();
        assertThat(generate("[\"a\", 1]").at("/items/type")).extracting(JsonNode::asText).containsExactly("string", "integer");
    }

    @Test
    void nullBecomesAnUnconstrainedSchemaSoRealValuesStillValidate() throws Exception {
        JsonNode schema = generate("{\"nickname\": null}");

        assertThat(schema.at("/properties/nickname").isEmpty()).isTrue();
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("nickname");
    }

    @Test
    void blankTitleIsLeftOut() throws Exception {
        assertThat(JSON.readTree(SchemaFromExample.generate("1", " ")).has("title")).isFalse();
    }

    @Test
    void invalidJsonFailsWithLineAndColumn() {
        assertThatThrownBy(() -> SchemaFromExample.generate("{\n  \"id\": 1,\n  \"name\" \"x\"\n}", "Pet"))
                .isInstanceOf(SchemaFromExample.ExampleException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 3")
                .satisfies(e -> assertThat(((SchemaFromExample.ExampleException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> SchemaFromExample.generate("  ", "Pet")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SchemaFromExample.generate("{} {}", "Pet")).hasMessageContaining("not valid JSON");
    }

    @Test
    void generatedSchemaCompilesAsDraft4AndAcceptsItsOwnExample() {
        String example = "{\"id\": 1, \"name\": \"x\", \"tags\": [{\"k\": \"v\"}], \"note\": null}";
        String schema = SchemaFromExample.generate(example, "Pet");

        ModelSchemas compiled = ModelSchemas.compile("api1", List.of(new Model("m1", "Pet", null, schema, "application/json")));

        assertThat(compiled.get("Pet").orElseThrow().validate(example)).isEmpty();
        assertThat(compiled.get("Pet").orElseThrow().validate("{\"id\": \"one\", \"name\": \"x\", \"tags\": [], \"note\": 3}")).isNotEmpty();
    }
}
