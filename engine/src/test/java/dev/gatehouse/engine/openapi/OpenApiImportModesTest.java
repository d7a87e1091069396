package dev.gatehouse.engine.openapi;

import static dev.gatehouse.engine.openapi.OpenApiTestDocs.IMPORTER;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.importDoc;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.oas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.Resource;
import org.junit.jupiter.api.Test;

class OpenApiImportModesTest {
    private static final String EXISTING = oas("""
            paths:
              /pets:
                get: {operationId: listPets, responses: {'200': {description: ok}}}
                post: {operationId: oldCreate, responses: {'200': {description: ok}}}
              /owners:
                get: {responses: {'200': {description: ok}}}
            components:
              schemas:
                Pet: {type: object}
                Owner: {type: object}
            """);
    private static final String UPDATE = """
            openapi: 3.0.3
            info: {title: Renamed, version: '2'}
            paths:
              /pets:
                post: {operationId: newCreate, responses: {'201': {description: created}}}
              /toys:
                get: {responses: {'200': {description: ok}}}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
                Toy: {type: object}
            """;

    private static ApiDefinition into(ApiDefinition existing, String doc, ImportMode mode) {
        return IMPORTER.importInto(existing, doc.getBytes(), "update.yaml", mode, ImportOptions.defaults()).api();
    }

    @Test
    void mergeAddsAndReplacesButRemovesNothing() {
        ApiDefinition existing = importDoc(EXISTING).api();
        ApiDefinition merged = into(existing, UPDATE, ImportMode.MERGE);
        assertThat(merged.id()).isEqualTo(existing.id());
        assertThat(merged.name()).isEqualTo("Test API");
        Resource pets = merged.resourceByPath("/pets").orElseThrow();
        assertThat(pets.id()).isEqualTo(existing.resourceByPath("/pets").orElseThrow().id());
        assertThat(pets.resourceMethods()).containsOnlyKeys("GET", "POST");
        assertThat(pets.method("POST").operationName()).isEqualTo("newCreate");
        assertThat(merged.resourceByPath("/owners")).isPresent();
        assertThat(merged.resourceByPath("/toys")).isPresent();
        assertThat(merged.models()).extracting(Model::name).containsExactly("Owner", "Pet", "Toy");
        assertThat(merged.model("Pet").orElseThrow().schema()).contains("name");
        assertThat(merged.model("Pet").orElseThrow().id()).isEqualTo(existing.model("Pet").orElseThrow().id());
    }

    @Test
    void overwriteReplacesEverythingButKeepsTheApiIdentity() {
        ApiDefinition existing = importDoc(EXISTING).api();
        ApiDefinition replaced = into(existing, UPDATE, ImportMode.OVERWRITE);
        assertThat(replaced.id()).isEqualTo(existing.id());
        assertThat(replaced.restApi().createdDate()).isEqualTo(existing.restApi().createdDate());
        assertThat(replaced.restApi().rootResourceId()).isEqualTo(existing.restApi().rootResourceId());
        assertThat(replaced.name()).isEqualTo("Renamed");
        assertThat(replaced.resourceByPath("/owners")).isEmpty();
        assertThat(replaced.resourceByPath("/pets").orElseThrow().resourceMethods()).containsOnlyKeys("POST");
        assertThat(replaced.models()).extracting(Model::name).containsExactly("Pet", "Toy");
    }

    @Test
    void mergeUsesTheExistingVariableNameAtALevel() {
        ApiDefinition existing = importDoc(oas("paths:\n  /pets/{id}:\n    get: {responses: {'200': {description: ok}}}\n")).api();
        ApiDefinition merged = into(existing, oas("paths:\n  /pets/{petId}/toys:\n    get: {responses: {'200': {description: ok}}}\n"),
                ImportMode.MERGE);
        assertThat(merged.resourceByPath("/pets/{id}/toys").orElseThrow().method("GET").requestParameters())
                .containsOnlyKeys("method.request.path.id");
    }

    @Test
    void aFailedImportIntoAnApiLeavesItUntouched() {
        ApiDefinition existing = importDoc(EXISTING).api();
        String before = dev.gatehouse.engine.model.Json.pretty(existing);
        assertThatThrownBy(() -> into(existing, "{\"openapi\": \"3.0.0\", ", ImportMode.OVERWRITE))
                .isInstanceOf(OpenApiImportException.class);
        assertThat(dev.gatehouse.engine.model.Json.pretty(existing)).isEqualTo(before);
    }
}
