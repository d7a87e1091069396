package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliEndToEndTest {

    @TempDir Path temp;

    private static Path openapi(String relative) {
        return Cli.repo().resolve("tests/src/test/resources/openapi").resolve(relative);
    }

    private Path sampleWorkspaceCopy() throws IOException {
        return Cli.copyOfSampleWorkspace(temp.resolve("ws"));
    }

    /** Every file under the folder with its bytes, to prove a failed command changed nothing. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        if (!Files.exists(dir)) return all;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (p.toString().contains(".gatehouse")) continue;
                all.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() throws Exception {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("gatehouse 0.1.0");
    }

    @Test
    void aMissingFileFailsWithOneLineOnStderr() throws Exception {
        Cli.Result r = Cli.run("import", temp.resolve("nope.yaml").toString(), "-w", temp.resolve("ws").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip()).doesNotContain("\n").contains("nope.yaml").startsWith("gatehouse:");
    }

    static Stream<String> badDocuments() throws IOException {
        try (Stream<Path> files = Files.list(openapi("bad"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".md") && !n.startsWith("circular-schema-legal"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void aBadDocumentIsRefusedWithItsNameAndTheWorkspaceIsUnchanged(String name) throws Exception {
        Path ws = sampleWorkspaceCopy();
        Map<String, String> before = snapshot(ws);
        Cli.Result r = Cli.run("import", openapi("bad/" + name).toString(), "-w", ws.toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isNotZero();
        List<String> lines = r.stderr().lines().filter(l -> l.startsWith("gatehouse:")).toList();
        assertThat(lines).as(r.stderr()).hasSize(1);
        assertThat(lines.get(0)).contains(name);
        assertThat(r.stderr()).doesNotContain("\tat ");
        assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void aTwentyMegabyteDocumentIsImportedOrRefusedCleanly() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Map<String, String> before = snapshot(ws);
        Path big = temp.resolve("big.json");
        StringBuilder doc = new StringBuilder("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"Big\",\"version\":\"1\"},\"paths\":{");
        int i = 0;
        while (doc.length() < 20 * 1024 * 1024) {
            if (i > 0) doc.append(',');
            doc.append("\"/r").append(i).append("\":{\"get\":{\"description\":\"").append("x".repeat(2000))
                    .append("\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
            i++;
        }
        doc.append("}}");
        Files.writeString(big, doc);
        Cli.Result r = Cli.run("import", big.toString(), "-w", ws.toString());
        if (r.exitCode() == 0) {
            assertThat(r.stdout()).contains("imported Big");
        } else {
            assertThat(r.stderr().lines().filter(l -> l.startsWith("gatehouse:")).toList()).singleElement()
                    .asString().contains("big.json");
            assertThat(snapshot(ws)).isEqualTo(before);
        }
    }

    @Test
    void importExportAndValidateRoundTripAnAwsDocument() throws Exception {
        Path ws = temp.resolve("fresh");
        Cli.Result imported = Cli.run("import", openapi("aws/petstore-gateway-features.swagger.json").toString(), "-w", ws.toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).contains("imported");
        String apiId = Files.list(ws.resolve("apis")).findFirst().orElseThrow().getFileName().toString();

        Path exported = temp.resolve("out.json");
        Cli.Result export = Cli.run("export", apiId, "-w", ws.toString(), "--format", "oas30", "--extensions", "-o", exported.toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(Files.readString(exported)).contains("\"openapi\"").contains("x-amazon-apigateway-integration");

        Cli.Result validate = Cli.run("validate", exported.toString());
        assertThat(validate.exitCode()).as(validate.stderr()).isZero();
        assertThat(validate.stdout()).contains("valid");

        Cli.Result validateDefinition = Cli.run("validate", ws.resolve("apis").resolve(apiId).resolve("api.json").toString());
        assertThat(validateDefinition.exitCode()).as(validateDefinition.stderr()).isZero();
    }

    @Test
    void swaggerExportOfTheSampleStageNamesItsHostAndBasePath() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Cli.Result r = Cli.run("export", "PetStore", "-w", ws.toString(), "--format", "swagger", "--stage", "prod");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("\"swagger\"").contains("\"basePath\"").contains("/prod");
    }

    @Test
    void invokeRunsTheDraftAndPrintsTheExecutionLog() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Cli.Result r = Cli.run("invoke", "PetStore", "GET", "/", "-w", ws.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Status: 200").contains("Welcome to your Pet Store API")
                .contains("Execution log for request").contains("Method completed with status: 200");
    }

    @Test
    void deployThenServeAnswersOnRealHttpUntilStopped() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Cli.Result deploy = Cli.run("deploy", "PetStore", "--stage", "beta", "-w", ws.toString());
        assertThat(deploy.exitCode()).as(deploy.stderr()).isZero();
        assertThat(Files.list(ws.resolve("apis/petstore01/deployments")).count()).isEqualTo(2);

        Process serve = new ProcessBuilder(Cli.launcher().toString(), "serve", "-w", ws.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("first line of serve").contains("serving");
            Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(first);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            List<String> urls = new ArrayList<>();
            // one line per deployed stage, sorted by API name; read until both are seen (the banner ends then)
            for (int i = 0; i < 12 && !(String.join("\n", urls).contains("PetStore / beta")
                    && String.join("\n", urls).contains("Inventory / dev")); i++) {
                urls.add(out.readLine());
            }
            assertThat(String.join("\n", urls)).contains("PetStore / beta").contains("Inventory / dev");

            OkHttpClient http = new OkHttpClient();
            try (Response root = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/beta/").build()).execute()) {
                assertThat(root.code()).isEqualTo(200);
                assertThat(root.header("Content-Type")).isEqualTo("text/html");
                assertThat(root.body().string()).contains("/beta/pets");
            }
            // serve follows the disk: a deploy from another process is served without a restart
            Cli.Result gamma = Cli.run("deploy", "PetStore", "--stage", "gamma", "-w", ws.toString());
            assertThat(gamma.exitCode()).as(gamma.stderr()).isZero();
            int code = 0;
            for (int i = 0; i < 100 && code != 200; i++) {
                try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/gamma/").build()).execute()) {
                    code = r.code();
                }
                if (code != 200) Thread.sleep(100);
            }
            assertThat(code).as("the new stage is served within 10 s").isEqualTo(200);
            try (Response missing = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/beta/nothing").build()).execute()) {
                assertThat(missing.code()).isEqualTo(403);
                assertThat(missing.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
                assertThat(missing.body().string()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            }
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }
}
