package dev.gatehouse.engine.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SdkGeneratorTest {
    private static final String URL = "http://127.0.0.1:4010/restapis/petstore01/prod/_user_request_";
    private static StageDocument petStore;

    @TempDir Path out;

    @BeforeAll
    static void exportThePetStoreStage(@TempDir Path copy) throws IOException {
        Path sample = Path.of("..", "resources", "sample-workspace").toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(sample)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Workspace ws = Workspace.open(copy)) {
            petStore = StageDocument.of(ws, "petstore01", "prod", URL);
        }
    }

    @ParameterizedTest
    @EnumSource(SdkLanguage.class)
    void everyLanguageWritesAFolderWithAReadmeAndTheSameFolderAsAZip(SdkLanguage language) throws IOException {
        SdkResult result = SdkGenerator.generate(petStore, SdkOptions.of(language, out).withVersion("2.1.0"));

        assertThat(result.folder()).isDirectory().isEqualTo(out.resolve(result.packageName() + "-" + language.id()));
        String readme = Files.readString(result.folder().resolve("README.md"));
        assertThat(readme).contains(URL).contains("## Gatehouse stage");
        assertThat(result.folder().resolve("openapi.json")).exists();
        // no git-push script with GIT_USER_ID placeholders, no CI files for hosts the user never chose
        assertThat(result.folder().resolve("git_push.sh")).doesNotExist();
        assertThat(result.folder().resolve(".travis.yml")).doesNotExist();
        assertThat(result.folder().resolve(".gitlab-ci.yml")).doesNotExist();
        assertThat(result.folder().resolve(".github")).doesNotExist();
        assertThat(result.version()).isEqualTo("2.1.0");
        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            assertThat(zip.getEntry(result.folder().getFileName() + "/README.md")).isNotNull();
            assertThat(zip.stream().filter(e -> !e.isDirectory()).count()).isGreaterThanOrEqualTo(result.files() - 1);
        }
        assertThat(allText(result.folder())).contains(URL);
    }

    @Test
    void theApiKeyHeaderIsWiredIntoTheClientsOfMethodsThatRequireIt() throws IOException {
        ApiDefinition api = importDoc("""
                openapi: 3.0.3
                info: {title: Keyed, version: '1'}
                paths:
                  /orders:
                    get:
                      operationId: listOrders
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
                      security: [{api_key: []}]
                components:
                  securitySchemes:
                    api_key: {type: apiKey, name: x-api-key, in: header}
                """);
        StageDocument stage = StageDocument.of(api, "dev", Instant.EPOCH, "http://127.0.0.1:1/dev");
        SdkResult js = SdkGenerator.generate(stage, SdkOptions.of(SdkLanguage.JAVASCRIPT, out));

        assertThat(stage.requiresApiKey()).isTrue();
        assertThat(Files.readString(js.folder().resolve("src/api/DefaultApi.js"))).contains("'api_key'");
        assertThat(Files.readString(js.folder().resolve("src/ApiClient.js"))).contains("'x-api-key'");
        assertThat(Files.readString(js.folder().resolve("README.md"))).contains("`x-api-key` header");
        SdkResult java = SdkGenerator.generate(stage, SdkOptions.of(SdkLanguage.JAVA, out).withPackageName("com.example.keyed"));
        assertThat(Files.readString(java.folder().resolve("src/main/java/com/example/keyed/ApiClient.java")))
                .contains("new ApiKeyAuth(\"header\", \"x-api-key\")");
    }

    @Test
    void methodsWithoutAnOperationIdGetNamesFromTheirPathAndVerb() throws IOException {
        ApiDefinition api = importDoc("""
                openapi: 3.0.3
                info: {title: Anonymous, version: '1'}
                paths:
                  /widgets/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok}}
                    delete:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: gone}}
                """);
        SdkResult java = SdkGenerator.generate(StageDocument.of(api, "dev", Instant.EPOCH, "http://127.0.0.1:1/dev"),
                SdkOptions.of(SdkLanguage.JAVA, out).withPackageName("com.example.widgets"));

        String apiSource = Files.readString(java.folder().resolve("src/main/java/com/example/widgets/api/DefaultApi.java"));
        assertThat(apiSource).containsPattern("public void widgetsIdGet\\(.*String id\\)")
                .containsPattern("public void widgetsIdDelete\\(.*String id\\)");
    }

    @Test
    void aModelNamedAfterAReservedWordIsEscapedByTheGenerator() throws IOException {
        ApiDefinition api = importDoc("""
                openapi: 3.0.3
                info: {title: Reserved, version: '1'}
                paths:
                  /r:
                    get:
                      operationId: getReturn
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Return'}}}}
                components:
                  schemas:
                    Return:
                      type: object
                      properties: {class: {type: string}, default: {type: integer}}
                """);
        StageDocument stage = StageDocument.of(api, "dev", Instant.EPOCH, "http://127.0.0.1:1/dev");
        SdkResult java = SdkGenerator.generate(stage, SdkOptions.of(SdkLanguage.JAVA, out).withPackageName("com.example.r"));
        SdkResult python = SdkGenerator.generate(stage, SdkOptions.of(SdkLanguage.PYTHON, out));

        Path model = java.folder().resolve("src/main/java/com/example/r/model/ModelReturn.java");
        assertThat(model).exists();
        assertThat(Files.readString(model)).contains("public class ModelReturn").contains("getPropertyClass()");
        assertThat(allText(python.folder())).contains("class ModelReturn(BaseModel)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "javascript | Pet Store | 'Pet Store' is not a valid npm package name: use lower-case letters",
            "typescript | _private  | '_private' is not a valid npm package name",
            "java       | com.class.pets | 'com.class.pets' is not a valid Java package name: 'class' is a reserved word",
            "android    | com..pets | 'com..pets' is not a valid Java package name: empty segment between dots",
            "kotlin     | com.fun.pets | 'com.fun.pets' is not a valid Kotlin package name: 'fun' is a reserved word",
            "swift      | 9Pets | '9Pets' is not a valid Swift module name",
            "python     | import | 'import' is not a valid Python package name: 'import' is a reserved word",
            "python     | pet-store | 'pet-store' is not a valid Python package name: use lower-case letters, digits and '_'",
            "ruby       | Pets | 'Pets' is not a valid Ruby gem name",
            "go         | func | 'func' is not a valid Go package name: 'func' is a reserved word"})
    void invalidPackageNamesAreRefusedWithTheLanguagesRule(String language, String name, String message) {
        assertThatThrownBy(() -> SdkGenerator.generate(petStore, SdkOptions.of(SdkLanguage.of(language), out)
                .withPackageName(name)))
                .isInstanceOf(SdkException.class)
                .hasMessageStartingWith(message);
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void defaultPackageNamesFollowEachLanguagesConventions() {
        assertThat(SdkLanguage.JAVASCRIPT.defaultPackageName("PetStore")).isEqualTo("pet-store");
        assertThat(SdkLanguage.JAVA.defaultPackageName("PetStore")).isEqualTo("client.petstore");
        assertThat(SdkLanguage.SWIFT.defaultPackageName("pet store")).isEqualTo("PetStore");
        assertThat(SdkLanguage.PYTHON.defaultPackageName("PetStore API")).isEqualTo("pet_store_api");
        assertThat(SdkLanguage.GO.defaultPackageName("3D Printer")).isEqualTo("api3dprinter");
        for (SdkLanguage l : SdkLanguage.values()) {
            assertThat(l.packageNameProblem(l.defaultPackageName("My API (v2)"))).isEmpty();
        }
    }

    @Test
    void unknownLanguagesAndBadVersionsGetAOneLineMessage() {
        assertThatThrownBy(() -> SdkLanguage.of("cobol")).isInstanceOf(SdkException.class)
                .hasMessage("unknown SDK language 'cobol': use one of javascript, typescript, java, swift, kotlin, python, ruby, go");
        assertThat(SdkLanguage.of("JS")).isEqualTo(SdkLanguage.JAVASCRIPT);
        assertThat(SdkLanguage.of("ios")).isEqualTo(SdkLanguage.SWIFT);
        assertThatThrownBy(() -> SdkGenerator.generate(petStore, SdkOptions.of(SdkLanguage.GO, out).withVersion("v1")))
                .isInstanceOf(SdkException.class)
                .hasMessage("'v1' is not a valid SDK version: use MAJOR.MINOR.PATCH, e.g. 1.0.0");
    }

    @Test
    void regeneratingReplacesAPreviousSdkButNeverAFolderItDidNotMake() throws IOException {
        SdkResult first = SdkGenerator.generate(petStore, SdkOptions.of(SdkLanguage.GO, out));
        Files.writeString(first.folder().resolve("stale.txt"), "old");
        SdkResult second = SdkGenerator.generate(petStore, SdkOptions.of(SdkLanguage.GO, out));
        assertThat(second.folder().resolve("stale.txt")).doesNotExist();

        Path foreign = Files.createDirectories(out.resolve("mine-go"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> SdkGenerator.generate(petStore, SdkOptions.of(SdkLanguage.GO, out).withPackageName("mine")))
                .isInstanceOf(SdkException.class).hasMessageContaining("is not a generated SDK");
        assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aStageWithoutMethodsOrWithABadBaseUrlIsRefused() {
        ApiDefinition empty = ApiDefinition.create("empty00001", "Empty", Instant.EPOCH);
        assertThatThrownBy(() -> StageDocument.of(empty, "dev", Instant.EPOCH, "http://127.0.0.1:1/dev"))
                .isInstanceOf(SdkException.class).hasMessage("API Empty has no methods: there is nothing to generate");
        assertThatThrownBy(() -> StageDocument.of(petStoreApi(), "dev", Instant.EPOCH, "ftp://x/dev"))
                .isInstanceOf(SdkException.class).hasMessageStartingWith("invalid base URL 'ftp://x/dev'");
    }

    @Test
    void theDocumentationIsOneHtmlPageWithModelsAndExamplesBesideTheOpenApiFile() throws IOException {
        DocsResult docs = SdkGenerator.generateDocs(petStore, out.resolve("docs"));

        assertThat(docs.html()).isEqualTo(out.resolve("docs/index.html"));
        assertThat(docs.openApi()).isEqualTo(out.resolve("docs/openapi.json"));
        String html = Files.readString(docs.html());
        assertThat(html.contains("PetStore") && html.contains("listPets") && html.contains("NewPet")).isTrue();
        assertThat(html.contains(URL + "/pets?page=page_example")).as("a request example on the stage's URL").isTrue();
        try (Stream<Path> files = Files.list(out.resolve("docs"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))).containsOnly(
                    "index.html", "openapi.json");
        }
    }

    private static ApiDefinition petStoreApi() {
        return importDoc("""
                openapi: 3.0.3
                info: {title: P, version: '1'}
                paths:
                  /p: {get: {responses: {'200': {description: ok}}}}
                """);
    }

    private static ApiDefinition importDoc(String yaml) {
        return new OpenApiImporter().importNew(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", ImportOptions.defaults()).api();
    }

    private static String allText(Path folder) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return String.join("\n", texts);
    }
}
