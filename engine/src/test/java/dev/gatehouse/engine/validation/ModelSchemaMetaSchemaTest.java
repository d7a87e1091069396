package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.Model;
import org.junit.jupiter.api.Test;

class ModelSchemaMetaSchemaTest {

    @Test
    void aValidDraft4SchemaHasNoProblems() {
        assertThat(ModelSchemas.metaSchemaProblems(Model.ERROR_SCHEMA)).isEmpty();
    }

    @Test
    void aTypeThatIsNotAJsonSchemaTypeIsReportedWithItsPath() {
        assertThat(ModelSchemas.metaSchemaProblems("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strin\"}}}"))
                .anySatisfy(p -> assertThat(p).startsWith("$.properties.a.type"));
    }

    @Test
    void anEmptyRequiredListIsInvalidInDraft4() {
        assertThat(ModelSchemas.metaSchemaProblems("{\"type\":\"object\",\"required\":[]}"))
                .anySatisfy(p -> assertThat(p).contains("$.required"));
    }

    @Test
    void textThatIsNotJsonOrNotAnObjectIsReported() {
        assertThat(ModelSchemas.metaSchemaProblems("{\"type\":")).singleElement().asString().contains("not valid JSON");
        assertThat(ModelSchemas.metaSchemaProblems("[1]")).containsExactly("schema must be a JSON object");
    }
}
