package dev.gatehouse.tests.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.openapi.DefinitionNormaliser;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world (corpus/) and AWS-extension (aws/) document, plus the legal recursive one from bad/, goes
 * import → export (OAS 3.0 as YAML, Swagger 2.0 as JSON, all extensions) → import, and both definitions must be
 * equal by content. Swagger compares at Swagger's fidelity (one schema per body and per response).
 */
class OpenApiCorpusRoundTripTest {
    private static final OpenApiImporter IMPORTER = new OpenApiImporter();

    static Stream<Arguments> documents() {
        List<Path> files = new ArrayList<>(OpenApiTestFiles.in("openapi/corpus"));
        files.addAll(OpenApiTestFiles.in("openapi/aws"));
        files.addAll(OpenApiTestFiles.in("openapi-extra"));
        OpenApiTestFiles.in("openapi/bad").stream()
                .filter(p -> p.getFileName().toString().equals("circular-schema-legal.yaml")).forEach(files::add);
        return files.stream().flatMap(f -> Stream.of(Arguments.of(f.getFileName().toString(), f, ExportFormat.OAS30),
                Arguments.of(f.getFileName().toString(), f, ExportFormat.SWAGGER)));
    }

    @Test
    void theCorpusHasTwentyRealWorldDocumentsOneWithFiveHundredPaths() {
        List<Path> corpus = OpenApiTestFiles.in("openapi/corpus");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(20);
        long big = corpus.stream().map(f -> IMPORTER.importNew(OpenApiTestFiles.read(f), f.toString(), ImportOptions.defaults()))
                .filter(r -> r.api().resources().size() >= 500).count();
        assertThat(big).isPositive();
    }

    @ParameterizedTest(name = "{0} via {2}")
    @MethodSource("documents")
    void importExportImportIsLossless(String name, Path file, ExportFormat format) {
        ImportResult first = IMPORTER.importNew(OpenApiTestFiles.read(file), name, ImportOptions.defaults());
        boolean yaml = format == ExportFormat.OAS30;
        String exported = OpenApiExporter.export(first.api(), format, new ExportOptions(ExportExtensions.APIGATEWAY, yaml, null));
        ImportResult second = IMPORTER.importNew(exported.getBytes(StandardCharsets.UTF_8), name + ".export", ImportOptions.defaults());
        var fidelity = format == ExportFormat.SWAGGER ? DefinitionNormaliser.Fidelity.SWAGGER : DefinitionNormaliser.Fidelity.FULL;
        assertThat(DefinitionNormaliser.differences(first.api(), second.api(), fidelity))
                .as("differences after %s round trip of %s", format, name).isEmpty();
        assertThat(second.report().warnings()).as("an exported document imports without warnings").isEmpty();
    }
}
