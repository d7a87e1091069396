package dev.gatehouse.engine.openapi;

import static dev.gatehouse.engine.openapi.OpenApiTestDocs.IMPORTER;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.failure;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.oas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiImportErrorsTest {

    private static OpenApiImportException failing(byte[] bytes, String name) {
        try {
            IMPORTER.importNew(bytes, name, ImportOptions.defaults());
        } catch (OpenApiImportException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void emptyAndBlankInputIsAnEmptyDocument() {
        assertThat(failing(new byte[0], "a.json").getMessage()).isEqualTo("a.json: empty document");
        assertThat(failing("  \n# only a comment\n".getBytes(), "a.yaml").getMessage()).isEqualTo("a.yaml: empty document");
    }

    @Test
    void binaryInputIsRejectedWhateverItsName() {
        byte[] garbage = {0x00, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28};
        assertThat(failing(garbage, "x.json").getMessage()).startsWith("x.json: byte offset 0: not a JSON or YAML document");
        byte[] badUtf8 = "{\"a\": \"\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(failing(badUtf8, "x.json").getMessage()).contains("invalid UTF-8");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThat(failing("{\n  \"swagger\": \"2.0\",\n}\n".getBytes(), "bad.json").getMessage())
                .startsWith("bad.json: line 3, column 1: JSON syntax error");
        assertThat(failing("openapi: 3.0.0\ninfo:\n  title: \"open\n".getBytes(), "bad.yaml").getMessage())
                .startsWith("bad.yaml: line ").contains("YAML syntax error");
    }

    @Test
    void duplicateKeysAreErrorsNotSilentlyDropped() {
        String doc = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {}\n  /a: {}\n";
        assertThat(failing(doc.getBytes(), "dup.yaml").getMessage()).contains("line 5").contains("duplicate key '/a'");
    }

    @Test
    void documentsThatAreNotSwaggerOrOpenApiAreRefused() {
        assertThat(failing("[1, 2]".getBytes(), "x.json").getMessage()).contains("root must be an object");
        assertThat(failing("{\"name\": \"left-pad\"}".getBytes(), "x.json").getMessage()).contains("not an OpenAPI or Swagger document");
        assertThat(failing("openapi: 4.0.0\n".getBytes(), "x.yaml").getMessage())
                .isEqualTo("x.yaml: /openapi (line 1, column 1): unsupported OpenAPI version 4.0.0 (supported: 2.0, 3.0.x, 3.1.x)");
    }

    @Test
    void unresolvedAndExternalReferencesAreErrorsAndNothingIsRead() {
        OpenApiImportException local = failure(oas("""
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: '#/components/schemas/Nope'}}}
                """));
        assertThat(local.getMessage()).contains("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref")
                .contains("unresolved $ref '#/components/schemas/Nope'");
        OpenApiImportException external = failure(oas("""
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: 'file:///etc/passwd#/x'}}}}
                """));
        assertThat(external.getMessage()).contains("references to other files or URLs are not supported");
    }

    @Test
    void circularReferencesTerminateWithAnError() {
        OpenApiImportException pathLoop = failure(oas("""
                paths:
                  /a: {$ref: '#/paths/~1b'}
                  /b: {$ref: '#/paths/~1a'}
                """));
        assertThat(pathLoop.getMessage()).contains("/paths/~1a/$ref").contains("circular $ref");
        OpenApiImportException aliasLoop = failure(oas("""
                paths: {}
                components:
                  schemas:
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                """));
        assertThat(aliasLoop.getMessage()).contains("circular $ref: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A");
    }

    @Test
    void duplicateOperationIdsAreErrorsNamingBothPlaces() {
        OpenApiImportException e = failure(oas("""
                paths:
                  /a: {get: {operationId: thing, responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: thing, responses: {'200': {description: ok}}}}
                """));
        assertThat(e.getMessage()).contains("/paths/~1b/get/operationId").contains("duplicate operationId 'thing'")
                .contains("first used at /paths/~1a/get");
    }

    @Test
    void yamlAliasesAreRefusedInsteadOfExpanded() {
        String doc = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-a: &a [1, 2]\nx-b: *a\npaths: {}\n";
        assertThat(failing(doc.getBytes(), "alias.yaml").getMessage()).contains("line 4").contains("YAML aliases");
    }

    @Test
    void failOnWarningsTurnsWarningsIntoAFailedImport() {
        String doc = oas("paths:\n  /a:\n    get:\n      parameters: [{name: c, in: cookie}]\n      responses: {'200': {description: ok}}\n");
        assertThat(OpenApiTestDocs.importDoc(doc).report().warnings()).hasSize(1);
        assertThatThrownBy(() -> IMPORTER.importNew(doc.getBytes(), "w.yaml", ImportOptions.defaults().withFailOnWarnings(true)))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("w.yaml: /paths/~1a/get/parameters/0 (line 8, column 20)")
                .hasMessageContaining("cookie parameters are not supported");
    }

    @Test
    void documentsOverTheSizeLimitFailCleanly() {
        byte[] huge = new byte[DocumentLoader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(failing(huge, "huge.json").getMessage()).startsWith("huge.json: document too large");
    }
}
