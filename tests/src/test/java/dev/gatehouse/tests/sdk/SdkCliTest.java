package dev.gatehouse.tests.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.cli.GatehouseCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse sdk} and {@code gatehouse docs} on a copy of the sample workspace's PetStore stage. */
class SdkCliTest {

    @TempDir Path dir;
    Path workspace;

    @BeforeEach
    void copyTheSampleWorkspace() throws IOException {
        String repo = System.getProperty("gatehouse.repo");
        Path sample = (repo != null ? Path.of(repo) : Path.of("..").toAbsolutePath().normalize()).resolve("resources/sample-workspace");
        workspace = dir.resolve("ws");
        try (Stream<Path> walk = Files.walk(sample)) {
            for (Path p : walk.toList()) {
                Path target = workspace.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void sdkWritesAFolderAndAZipPerLanguageCallingTheGivenBaseUrl() throws IOException {
        Path out = dir.resolve("sdks");
        Run run = cli("sdk", "PetStore", "--stage", "prod", "--lang", "typescript,go", "--out", out.toString(),
                "--version", "3.0.1", "--base-url", "https://pets.example.com/prod", "-w", workspace.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out.lines()).containsExactly(
                "typescript " + out.resolve("pet-store-typescript") + " " + out.resolve("pet-store-typescript.zip"),
                "go " + out.resolve("petstore-go") + " " + out.resolve("petstore-go.zip"));
        assertThat(Files.readString(out.resolve("pet-store-typescript/package.json"))).contains("\"version\": \"3.0.1\"");
        assertThat(Files.readString(out.resolve("petstore-go/configuration.go"))).contains("https://pets.example.com/prod");
        try (ZipFile zip = new ZipFile(out.resolve("petstore-go.zip").toFile())) {
            assertThat(zip.getEntry("petstore-go/README.md")).isNotNull();
        }
    }

    @Test
    void docsWritesOneHtmlPageAndTheOpenApiFile() throws IOException {
        Path out = dir.resolve("docs");
        Run run = cli("docs", "petstore01", "--stage", "prod", "--out", out.toString(), "-w", workspace.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("openapi.json")))
                .contains("http://127.0.0.1:4010/restapis/petstore01/prod/_user_request_");
    }

    @Test
    void badInputFailsWithOneLineAndExitCodeOne() {
        Run badPackage = cli("sdk", "PetStore", "--stage", "prod", "--lang", "java", "--package", "com.class.pets",
                "--out", dir.resolve("x").toString(), "-w", workspace.toString());
        Run badLanguage = cli("sdk", "PetStore", "--stage", "prod", "--lang", "cobol", "--out", dir.toString(),
                "-w", workspace.toString());
        Run badStage = cli("sdk", "PetStore", "--stage", "nope", "--lang", "go", "--out", dir.toString(),
                "-w", workspace.toString());

        assertThat(badPackage.code).isEqualTo(1);
        assertThat(badPackage.err.strip()).isEqualTo(
                "gatehouse: 'com.class.pets' is not a valid Java package name: 'class' is a reserved word");
        assertThat(badLanguage.err.strip()).startsWith("gatehouse: unknown SDK language 'cobol': use one of javascript,");
        assertThat(badStage.err.strip()).isEqualTo("gatehouse: API PetStore has no stage 'nope': deploy it first");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    record Run(int code, String out, String err) {}

    /** Runs the CLI in-process with stdout and stderr captured. */
    private static synchronized Run cli(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = GatehouseCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
