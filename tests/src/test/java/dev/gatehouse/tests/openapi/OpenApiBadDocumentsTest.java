package dev.gatehouse.tests.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.openapi.FidelityReport;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImportException;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken document in bad/ fails with one clean message naming the file and where the problem is. */
class OpenApiBadDocumentsTest {
    private static final OpenApiImporter IMPORTER = new OpenApiImporter();
    private static final Set<String> LEGAL = Set.of("circular-schema-legal.yaml");
    private static final Set<String> NO_LOCATION = Set.of("empty.json", "empty.yaml", "whitespace-only.yaml");

    static Stream<Arguments> badDocuments() {
        return OpenApiTestFiles.in("openapi/bad").stream()
                .filter(p -> !LEGAL.contains(p.getFileName().toString()))
                .map(p -> Arguments.of(p.getFileName().toString(), p));
    }

    private static OpenApiImportException failure(String name, Path file) {
        try {
            IMPORTER.importNew(OpenApiTestFiles.read(file), name, ImportOptions.defaults());
        } catch (OpenApiImportException e) {
            return e;
        }
        throw new AssertionError(name + " imported, but it is broken");
    }

    private static Path bad(String name) {
        return OpenApiTestFiles.in("openapi/bad").stream().filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void aBrokenDocumentFailsWithAMessageNamingTheFileAndLocation(String name, Path file) {
        OpenApiImportException e = failure(name, file);
        assertThat(e.getMessage()).startsWith(name + ": ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(e.sourceName()).isEqualTo(name);
        if (!NO_LOCATION.contains(name)) {
            assertThat(e.getMessage()).containsAnyOf("line ", "byte offset ", ": /");
        }
        assertThat(e.report().hasErrors()).isTrue();
    }

    @Test
    void syntaxErrorsPointAtTheBadToken() {
        assertThat(failure("malformed-json.json", bad("malformed-json.json")).getMessage()).contains("line 8, column 7");
        assertThat(failure("malformed-yaml-indentation.yaml", bad("malformed-yaml-indentation.yaml")).getMessage())
                .contains("line 11, column 6");
        assertThat(failure("duplicate-keys.yaml", bad("duplicate-keys.yaml")).getMessage()).contains("duplicate key 'get'");
    }

    @Test
    void everyWrongShapeIsReportedWithItsPointer() {
        List<String> pointers = failure("x", bad("extension-wrong-shapes.yaml")).report().entries().stream()
                .map(FidelityReport.Entry::pointer).toList();
        assertThat(pointers).contains("/x-amazon-apigateway-binary-media-types",
                "/x-amazon-apigateway-minimum-compression-size", "/x-amazon-apigateway-api-key-source",
                "/x-amazon-apigateway-request-validators/weird/validateRequestBody",
                "/x-amazon-apigateway-request-validators/weird/validateRequestParameters",
                "/x-amazon-apigateway-request-validator",
                "/x-amazon-apigateway-gateway-responses/NOT_A_RESPONSE_TYPE",
                "/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/statusCode",
                "/x-amazon-apigateway-endpoint-configuration", "/x-amazon-apigateway-policy",
                "/paths/~1pets/get/x-amazon-apigateway-integration/type",
                "/paths/~1pets/get/x-amazon-apigateway-integration/passthroughBehavior",
                "/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis",
                "/paths/~1pets/get/x-amazon-apigateway-integration/requestParameters",
                "/paths/~1pets/get/x-amazon-apigateway-integration/responses");
    }

    @Test
    void integrationResponsesAndAuthorizersOfTheWrongShapeAreEachReported() {
        List<String> integration = failure("x", bad("integration-responses-wrong-shape.json")).report().entries().stream()
                .map(FidelityReport.Entry::pointer).toList();
        String base = "/paths/~1pets/get/x-amazon-apigateway-integration";
        assertThat(integration).contains(base + "/requestTemplates/application~1json", base + "/responses/default",
                base + "/responses/5\\d{2}/statusCode", base + "/responses/5\\d{2}/responseTemplates",
                base + "/responses/([unclosed");
        List<String> authorizers = failure("x", bad("authorizer-wrong-shape.yaml")).report().errors().stream()
                .map(FidelityReport.Entry::pointer).toList();
        assertThat(authorizers).contains("/securityDefinitions/no-type/x-amazon-apigateway-authorizer/type",
                "/securityDefinitions/ttl-too-long/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds",
                "/securityDefinitions/list-not-object/x-amazon-apigateway-authorizer",
                "/paths/~1pets/get/security/1/undeclared-scheme");
    }

    @Test
    void invalidPathsAreReportedPerPath() {
        List<String> pointers = failure("x", bad("invalid-path-parts.json")).report().entries().stream()
                .map(FidelityReport.Entry::pointer).toList();
        assertThat(pointers).contains("/paths/~1pets~1{id", "/paths/~1pets~1~1double-slash", "/paths/~1files~1{path+}~1more",
                "/paths/no-leading-slash");
    }

    @Test
    void theLegalRecursiveDocumentImports() {
        var result = IMPORTER.importNew(OpenApiTestFiles.read(bad("circular-schema-legal.yaml")), "legal", ImportOptions.defaults());
        assertThat(result.api().model("TreeNode").orElseThrow().schema()).contains("/models/TreeNode");
    }

    @Test
    void aTwentyMegabyteDocumentImports() {
        byte[] doc = GeneratedDocuments.oas30(2_000, 4_600);
        assertThat(doc.length).isGreaterThan(20 * 1024 * 1024);
        var result = IMPORTER.importNew(doc, "generated-20mb.json", ImportOptions.defaults());
        assertThat(result.api().methodCount()).isEqualTo(4_000);
    }

    @Test
    void aDocumentOverTheLimitFailsCleanly() {
        byte[] doc = GeneratedDocuments.oas30(2_000, 9_000);
        assertThatThrownBy(() -> IMPORTER.importNew(doc, "too-big.json", ImportOptions.defaults()))
                .isInstanceOf(OpenApiImportException.class).hasMessageStartingWith("too-big.json: document too large");
    }
}
