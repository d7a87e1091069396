package dev.gatehouse.tests.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.sdk.SdkGenerator;
import dev.gatehouse.engine.sdk.SdkLanguage;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.SdkResult;
import dev.gatehouse.engine.sdk.StageDocument;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated SDKs run against a served stage: the JavaScript SDK on Node.js, the Java SDK compiled with javac and run on
 * a JVM, the Python SDK on python3. Every method is a MOCK, so nothing leaves the machine; the gateway's
 * {@link GatewayEventListener#requestStart} shows what each SDK sent (path, query, body and {@code x-api-key}).
 */
class SdkEndToEndTest {
    private static final String KEY = "sdk-e2e-key-4f1c9a7b2d";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pet shop: listPets (no key), createPet (key), and GET /pets/{petId} (key, no operationId). */
    static final String PET_SHOP = """
            openapi: 3.0.1
            info: {title: Pet Shop, version: '1'}
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters: [{name: tag, in: query, required: false, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pets'}}}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates: {application/json: '[{"id": 1, "name": "Rex", "tag": "dog"}, {"id": 2, "name": "Tom", "tag": "cat"}]'}
                post:
                  operationId: createPet
                  security: [{api_key: []}]
                  requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewPet'}}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates: {application/json: '{"id": 3, "name": "Fido", "tag": "dog"}'}
              /pets/{petId}:
                get:
                  security: [{api_key: []}]
                  parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates: {application/json: '{"id": 7, "name": "Rex", "tag": "dog"}'}
            components:
              securitySchemes:
                api_key: {type: apiKey, name: x-api-key, in: header}
              schemas:
                NewPet:
                  type: object
                  required: [name]
                  properties: {name: {type: string}, tag: {type: string}}
                Pet:
                  type: object
                  properties: {id: {type: integer}, name: {type: string}, tag: {type: string}}
                Pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
            """;

    record Seen(String method, String path, String query, String apiKey, String body) {}

    @TempDir static Path work;
    private static Gateway gateway;
    private static StageDocument stage;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serveThePetShopStage() {
        Path dir = work.resolve("workspace");
        Workspace.create(dir, "sdk").close();
        gateway = Gateway.open(dir);
        ApiDefinition api = new OpenApiImporter().importNew(PET_SHOP.getBytes(UTF_8), "petshop.yaml",
                ImportOptions.defaults()).api();
        gateway.history().apply(Edit.createApi(api));
        gateway.deploy(api.id(), "prod", "SDK end-to-end");
        // a key in a usage plan for the stage, so the test holds once API keys are enforced
        gateway.history().apply(Edit.putApiKey(new ApiKey("sdkkey0001", KEY, "sdk-e2e", null, null, true, 0L, 0L,
                List.of(), Map.of())));
        gateway.history().apply(Edit.putUsagePlan(new UsagePlan("sdkplan001", "sdk-e2e", null,
                List.of(new UsagePlan.ApiStage(api.id(), "prod", null)), null, null, null, Map.of(), List.of("sdkkey0001"))));
        gateway.addListener(new GatewayEventListener() {
            @Override public void requestStart(RequestContext ctx, GatewayRequest r) {
                seen.add(new Seen(r.method(), r.rawPath(), r.rawQuery(), r.headers().first("x-api-key"),
                        new String(r.body(), UTF_8)));
            }
        });
        gateway.serve("127.0.0.1", 0);
        stage = StageDocument.of(gateway.workspace(), api.id(), "prod", gateway.invokeUrl(api.id(), "prod"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    @Test
    void theJavaScriptSdkRunsOnNodeAgainstTheStageAndSendsTheApiKey() throws Exception {
        SdkResult sdk = SdkGenerator.generate(stage, new SdkOptions(SdkLanguage.JAVASCRIPT, "pet-shop", "1.2.3", work.resolve("js")));
        NodeDeps.install(sdk.folder());
        Processes.runOk(sdk.folder(), 120, "node", "node_modules/@babel/cli/bin/babel.js", "src", "-d", "dist", "--quiet");
        Files.writeString(sdk.folder().resolve("call.js"), """
                const PetShop = require('./dist/index.js');
                const client = new PetShop.ApiClient();
                client.authentications['api_key'].apiKey = process.env.API_KEY;
                const api = new PetShop.DefaultApi(client);
                (async () => {
                  const pets = await api.listPets({tag: 'dog-js'});
                  const created = await api.createPet(PetShop.NewPet.constructFromObject({name: 'Fido-js', tag: 'dog'}));
                  const one = await api.petsPetIdGet('7');
                  console.log(JSON.stringify({pets, created, one}));
                })().catch(e => { console.error(e); process.exit(1); });
                """);

        Processes.Result run;
        try {
            run = Processes.run(sdk.folder(), Map.of("API_KEY", KEY), 60, List.of("node", "call.js"))
                    .requireSuccess(List.of("node", "call.js"));
        } finally {
            Files.deleteIfExists(sdk.folder().resolve("node_modules")); // the link into the shared cache
        }

        JsonNode out = JSON.readTree(run.stdout());
        assertThat(out.path("pets").findValuesAsText("name")).containsExactly("Rex", "Tom");
        assertThat(out.path("created").path("name").asText()).isEqualTo("Fido");
        assertThat(out.path("one").path("id").asInt()).isEqualTo(7);
        assertThat(seenWith("tag=dog-js")).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.apiKey()).as("listPets needs no key").isNull();
        });
        assertThat(seenWith("Fido-js")).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(s.path()).endsWith("/pets");
            assertThat(s.apiKey()).isEqualTo(KEY);
        });
    }

    @Test
    void theJavaSdkCompilesWithJavacAndCallsTheStageWithTheApiKey() throws Exception {
        SdkResult sdk = SdkGenerator.generate(stage, new SdkOptions(SdkLanguage.JAVA, "com.example.petshop", null, work.resolve("java")));
        Path caller = Files.createDirectories(work.resolve("java-caller"));
        Files.writeString(caller.resolve("Call.java"), """
                import com.example.petshop.ApiClient;
                import com.example.petshop.api.DefaultApi;
                import com.example.petshop.model.NewPet;
                import com.example.petshop.model.Pet;
                import java.util.List;

                public class Call {
                    public static void main(String[] args) throws Exception {
                        ApiClient client = new ApiClient();
                        client.setApiKey(args[0]);
                        DefaultApi api = new DefaultApi(client);
                        List<Pet> pets = api.listPets("dog-java");
                        Pet created = api.createPet(new NewPet().name("Fido-java").tag("dog"));
                        Pet one = api.petsPetIdGet("7");
                        System.out.println(pets.size() + "|" + pets.get(1).getName() + "|" + created.getName() + "|" + one.getId());
                    }
                }
                """);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sdk.folder().resolve("src/main/java"))) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        sources.add(caller.resolve("Call.java").toString());
        String classpath = javaSdkClasspath();
        Path classes = Files.createDirectories(work.resolve("java-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "--release", "11"));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int compiled = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(compiled).as("javac:\n" + errors).isZero();

        Processes.Result run = Processes.runOk(work, 60, Processes.java(), "-cp", classes + ":" + classpath, "Call", KEY);

        assertThat(run.stdout().trim()).isEqualTo("2|Tom|Fido|7");
        assertThat(seenWith("tag=dog-java")).singleElement().satisfies(s -> assertThat(s.apiKey()).isNull());
        assertThat(seenWith("Fido-java")).singleElement().satisfies(s -> assertThat(s.apiKey()).isEqualTo(KEY));
    }

    @Test
    void thePythonSdkCompilesAndCallsTheStageWhereItsLibrariesAreInstalled() throws Exception {
        SdkResult sdk = SdkGenerator.generate(stage, new SdkOptions(SdkLanguage.PYTHON, "pet_shop", null, work.resolve("py")));
        Processes.runOk(sdk.folder(), 60, "python3", "-m", "compileall", "-q", "pet_shop");
        // urllib3, pydantic 2, python-dateutil and typing-extensions come from the machine (pip has no registry here)
        Processes.Result deps = Processes.run(sdk.folder(), Map.of(), 30, List.of("python3", "-c",
                "import urllib3, pydantic, dateutil, typing_extensions; assert pydantic.VERSION >= '2'"));
        assumeTrue(deps.exitCode() == 0, "the Python SDK's libraries are not installed: compiled only\n" + deps.stderr());
        Files.writeString(sdk.folder().resolve("call.py"), """
                import json, os, pet_shop
                from pet_shop.models.new_pet import NewPet
                conf = pet_shop.Configuration(api_key={'api_key': os.environ['API_KEY']})
                with pet_shop.ApiClient(conf) as client:
                    api = pet_shop.DefaultApi(client)
                    pets = api.list_pets(tag='dog-py')
                    created = api.create_pet(NewPet(name='Fido-py', tag='dog'))
                    one = api.pets_pet_id_get('7')
                    print(json.dumps({'pets': [p.name for p in pets], 'created': created.name, 'one': one.id}))
                """);

        Processes.Result run = Processes.run(sdk.folder(), Map.of("API_KEY", KEY), 60, List.of("python3", "call.py"))
                .requireSuccess(List.of("python3", "call.py"));

        assertThat(JSON.readTree(run.stdout()).toString()).isEqualTo("{\"pets\":[\"Rex\",\"Tom\"],\"created\":\"Fido\",\"one\":7}");
        assertThat(seenWith("Fido-py")).singleElement().satisfies(s -> assertThat(s.apiKey()).isEqualTo(KEY));
    }

    private static List<Seen> seenWith(String marker) {
        return seen.stream().filter(s -> (s.query() != null && s.query().contains(marker)) || s.body().contains(marker)).toList();
    }

    /** The jars the generated Java SDK's pom names, copied by the tests pom (maven-dependency-plugin sdk-java-deps). */
    private static String javaSdkClasspath() throws IOException {
        Path deps = Path.of("target", "sdk-java-deps").toAbsolutePath();
        try (Stream<Path> jars = Files.list(deps)) {
            return String.join(":", jars.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().toList());
        }
    }
}
