package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI as the README documents it, through the real launcher: curl-style headers, {@code invoke --output json}
 * in AWS TestInvokeMethod's shape, deploy's access warnings, and error messages that name the file, line and
 * column in the product's words, never the parsers' internals.
 */
class CliAsDocumentedTest {

    /** The parsers' and the JVM's vocabulary, which a user must never be shown. */
    private static final String[] INTERNALS = {"Source:", "REDACTED", "StreamReadFeature", "StreamReadConstraints",
            "com.fasterxml", "org.yaml", "dev.gatehouse", "'reader'", "<block", "VALUE_STRING", "START_OBJECT",
            "(code ", "`", "\tat ", "Exception"};

    @TempDir Path temp;

    private Path sampleWorkspace() throws IOException {
        return Cli.copyOfSampleWorkspace(temp.resolve("ws"));
    }

    @Test
    void invokeWithACurlStyleHeaderAndOutputJsonPrintsTestInvokeMethodsObject() throws Exception {
        Path ws = sampleWorkspace();
        Cli.Result r = Cli.run("invoke", "PetStore", "GET", "/", "-H", "Accept: application/json", "--output", "json",
                "-w", ws.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.isObject()).isTrue();
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("status", "body", "headers", "multiValueHeaders", "log", "latency");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("body").asText()).contains("Welcome to your Pet Store API");
        assertThat(json.get("headers").isObject()).isTrue();
        assertThat(json.get("multiValueHeaders").isObject()).isTrue();
        assertThat(json.get("latency").isIntegralNumber()).isTrue();
        assertThat(json.get("log").asText()).contains("Execution log for request")
                .contains("Method request headers: {Accept=application/json}");
    }

    @Test
    void headersAreTakenAsCurlWritesThemAndAsNameEqualsValueAndRepeatedNamesKeepEveryValue() throws Exception {
        Path ws = sampleWorkspace();
        Cli.Result r = Cli.run("invoke", "PetStore", "GET", "/", "-w", ws.toString(),
                "-H", "X-Curl: a=b:c", "-H", "X-Equals=d:e", "-H", "X-Twice: 1", "-H", "X-Twice: 2");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Status: 200").contains("X-Curl=a=b:c").contains("X-Equals=d:e")
                .contains("X-Twice=1,2");
    }

    @Test
    void aHeaderWithoutANameIsRefusedInOneLine() throws Exception {
        Path ws = sampleWorkspace();
        Cli.Result r = Cli.run("invoke", "PetStore", "GET", "/", "-w", ws.toString(), "-H", "no separator here");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip()).isEqualTo(
                "gatehouse: invalid header 'no separator here': write it as 'Name: value' (or Name=value)");
    }

    @Test
    void deployWarnsOnStderrAboutEachMethodThatRequiresACheckTheEngineCannotRun() throws Exception {
        Path ws = sampleWorkspace();
        Path api = ws.resolve("apis/petstore01/api.json");
        String text = Files.readString(api, StandardCharsets.UTF_8);
        // IAM (SigV4) is a check the local engine cannot run yet (Gateway.accessWarnings)
        Files.writeString(api, text.replaceFirst("\"authorizationType\" : \"NONE\"", "\"authorizationType\" : \"AWS_IAM\""));
        Cli.Result r = Cli.run("deploy", "PetStore", "--stage", "beta", "-w", ws.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("deployed PetStore to stage beta");
        List<String> warnings = r.stderr().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertThat(warnings).singleElement().asString().startsWith("warning: GET / requires IAM").contains("403");
        assertThat(r.stdout()).doesNotContain("warning:");
    }

    @Test
    void aDeployWithNothingToWarnAboutPrintsNoWarning() throws Exception {
        Cli.Result r = Cli.run("deploy", "PetStore", "--stage", "beta", "-w", sampleWorkspace().toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("warning:");
    }

    static Stream<String> brokenJson() {
        String doc = "{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n"
                + "  \"paths\": {\n    \"/pets\": {\n      \"get\": {\"responses\": {}}\n    }\n  }\n}\n";
        return Stream.of(doc.substring(0, doc.lastIndexOf("}\n  }")), // truncated: objects left open
                doc.replace("\"version\": \"1\"", "\"version\" \"1\""),  // a missing colon
                doc.replace("{\"responses\": {}}", "{\"responses\": {},}"), // a trailing comma
                doc.replace("\"T\"", "'T'"),                             // single quotes
                doc + "{}");                                             // content after the document
    }

    @ParameterizedTest
    @MethodSource("brokenJson")
    void importAndValidateOfBrokenJsonNameFileLineAndColumnInTheProductsWords(String content) throws Exception {
        Path file = temp.resolve("broken.json");
        Files.writeString(file, content);
        for (String command : List.of("import", "validate")) {
            Cli.Result r = command.equals("import")
                    ? Cli.run("import", file.toString(), "-w", temp.resolve("ws-import").toString())
                    : Cli.run("validate", file.toString());
            assertThat(r.exitCode()).as(r.stdout()).isNotZero();
            assertThat(r.stderr().strip()).as(command)
                    .matches("gatehouse: .*broken\\.json: line \\d+, column \\d+: JSON syntax error: .+")
                    .doesNotContain(INTERNALS);
        }
    }

    static Stream<String> badDocuments() throws IOException {
        try (Stream<Path> files = Files.list(Cli.repo().resolve("tests/src/test/resources/openapi/bad"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".md") && !n.startsWith("circular-schema-legal")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void noRefusedDocumentLeaksTheParsersInternals(String name) throws Exception {
        Path file = Cli.repo().resolve("tests/src/test/resources/openapi/bad").resolve(name);
        Cli.Result r = Cli.run("validate", file.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains(name).doesNotContain(INTERNALS);
    }

    @Test
    void validateOfABrokenDefinitionFileNamesTheFieldLineAndColumn() throws Exception {
        Path ws = sampleWorkspace();
        Path api = ws.resolve("apis/petstore01/api.json");
        String text = Files.readString(api, StandardCharsets.UTF_8);
        Files.writeString(api, text.replaceFirst("\"type\" : \"MOCK\"", "\"type\" : \"MOKK\""));
        Cli.Result wrongEnum = Cli.run("validate", api.toString());
        assertThat(wrongEnum.exitCode()).isNotZero();
        assertThat(wrongEnum.stderr().strip()).matches("gatehouse: .*api\\.json:\\d+:\\d+: Unreadable: 'MOKK' is not one of .*")
                .contains("MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY").doesNotContain(INTERNALS);

        Files.writeString(api, text.replaceFirst("\"apiKeyRequired\"", "\"apiKeyRequird\""));
        Cli.Result unknownField = Cli.run("validate", api.toString());
        assertThat(unknownField.exitCode()).isNotZero();
        assertThat(unknownField.stderr().strip()).matches("gatehouse: .*api\\.json:\\d+:\\d+: Unreadable: unknown field 'apiKeyRequird'.*")
                .doesNotContain(INTERNALS);
    }

    @Test
    void commandsReadingABrokenWorkspaceFileWarnWithItsLocationInTheProductsWords() throws Exception {
        Path ws = sampleWorkspace();
        Path api = ws.resolve("apis/inventory1/api.json");
        byte[] bytes = Files.readAllBytes(api);
        Files.write(api, java.util.Arrays.copyOf(bytes, 300));
        Cli.Result r = Cli.run("export", "PetStore", "-w", ws.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines().filter(l -> l.contains("inventory1")).toList()).singleElement().asString()
                .matches("warning: .*api\\.json:\\d+:\\d+: Unreadable: the file ends .*").doesNotContain(INTERNALS);
    }
}
