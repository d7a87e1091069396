package dev.gatehouse.tests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.workspace.Edit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample workspace, served for real: what a new user sees first. */
class SampleWorkspaceTest {

    @TempDir Path temp;
    private Gateway gateway;
    private int port;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void serveACopyOfTheSample() throws IOException {
        String repo = System.getProperty("gatehouse.repo", "..");
        Path source = Path.of(repo).resolve("resources/sample-workspace");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = temp.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        gateway = Gateway.open(temp);
        port = gateway.serve("127.0.0.1", 0).port();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private Response get(String path) throws IOException {
        return http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build()).execute();
    }

    @Test
    void theSampleOpensWithoutProblemsAndServesEveryStage() {
        assertThat(gateway.workspace().problems()).isEmpty();
        assertThat(gateway.planProblems()).isEmpty();
        assertThat(gateway.plan().apis()).containsOnlyKeys("petstore01", "petbackend", "inventory1", "legacyinv", "hellolambd",
                "guestbook1");
    }

    @Test
    void petStoreRootIsTheMockWelcomePage() throws IOException {
        try (Response r = get("/prod/")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/html");
            assertThat(r.body().string()).contains("Welcome to your Pet Store API").contains("href=\"/prod/pets/\"");
        }
    }

    @Test
    void theLaunchWalkthroughsFunctionsAnswerThroughTheirMethods() throws IOException {
        // the API Gateway launch walkthrough: GetHelloWorld (Node.js) returns {"Hello": "World"}; GetHelloWithName
        // (Python) greets ?name= or "No-Name"; EchoProxy shows a Lambda proxy integration
        String base = "/restapis/hellolambd/prod/_user_request_";
        try (Response r = get(base + "/data")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"Hello\":\"World\"}");
        }
        try (Response r = get(base + "/data/name?name=Ada")) {
            assertThat(r.body().string()).isEqualTo("{\"Hello\": \"Ada\"}");
        }
        try (Response r = get(base + "/data/name")) {
            assertThat(r.body().string()).isEqualTo("{\"Hello\": \"No-Name\"}");
        }
        try (Response r = get(base + "/echo/a/b?x=1")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"greeting\":\"Hello from a local Lambda\",\"method\":\"GET\","
                    + "\"path\":\"/echo/a/b\",\"query\":{\"x\":\"1\"},\"body\":null}");
        }
    }

    @Test
    void petStoreAnswersOfflineThroughItsSimulatedBackendWithThePetsOfAwssTutorial() throws IOException {
        // prod's petstoreHost names the simulated backend on the console's port 4010; this test serves elsewhere
        gateway.deploy("petstore01", "prod", "point at this test's port",
                Map.of("petstoreHost", "127.0.0.1:" + port + "/restapis/petbackend/backend/_user_request_"));
        // AWS's tutorial "Create a REST API by importing an example": GET /pets lists dog 249.99, cat 124.99 and
        // fish 0.99 with ids 1-3; GET /pets/1 answers the dog
        try (Response r = get("/prod/pets?type=dog&page=1")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            com.fasterxml.jackson.databind.JsonNode pets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().string());
            assertThat(pets).hasSize(3);
            assertThat(pets.get(0).get("type").asText()).isEqualTo("dog");
            assertThat(pets.get(0).get("price").decimalValue()).isEqualByComparingTo("249.99");
            assertThat(pets.get(1).get("type").asText()).isEqualTo("cat");
            assertThat(pets.get(2).get("price").decimalValue()).isEqualByComparingTo("0.99");
        }
        try (Response r = get("/prod/pets/1")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string().replaceAll("\\s", "")).isEqualTo("{\"id\":1,\"type\":\"dog\",\"price\":249.99}");
        }
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/prod/pets")
                .post(RequestBody.create("{\"type\": \"cat\", \"price\": 123.11}", MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("\"message\": \"success\"");
        }
    }

    @Test
    void everyHttpIntegrationOfTheSampleCallsThisMachineOnly() {
        // the sample must work offline and send nothing off the machine: each HTTP endpoint, with the variables of
        // each stage it is deployed to, names a loopback host
        var ws = gateway.workspace();
        for (ApiDefinition api : ws.apis()) {
            for (var stage : ws.stages(api.id())) {
                DeploymentSnapshot deployed = ws.deployment(api.id(), stage.deploymentId()).orElseThrow();
                for (var resource : deployed.api().resources()) {
                    for (Method m : resource.resourceMethods().values()) {
                        Integration i = m.methodIntegration();
                        if (i == null || i.uri() == null || !i.uri().startsWith("http")) continue;
                        String uri = i.uri();
                        for (var v : stage.variables().entrySet()) uri = uri.replace("${stageVariables." + v.getKey() + "}", v.getValue());
                        uri = uri.replaceAll("\\{[^}]*}", "p"); // path parameters
                        assertThat(java.net.URI.create(uri).getHost()).as("%s %s %s on stage %s", api.name(), m.httpMethod(),
                                resource.path(), stage.stageName()).isEqualTo("127.0.0.1");
                    }
                }
            }
        }
    }

    @Test
    void corsPreflightAnswersFromTheMockOptionsMethod() throws IOException {
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/prod/pets")
                .method("OPTIONS", null).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("POST,GET,OPTIONS");
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        }
    }

    @Test
    void inventoryTurnsAGetIntoAnXmlPostAndTheXmlAnswerIntoJson() throws IOException {
        gateway.deploy("inventory1", "dev", "point at this test's port", Map.of("legacyHost", "127.0.0.1:" + port));
        try (Response r = get("/restapis/inventory1/dev/_user_request_/items/AB-12")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body().string()).contains("\"sku\": \"AB-12\"").contains("\"name\": \"Widget AB-12\"")
                    .contains("\"quantityOnHand\": 42");
        }
        try (Response r = get("/restapis/inventory1/dev/_user_request_/items/UNKNOWN")) {
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).isEqualTo("{\"message\": \"No item with this SKU\"}");
        }
        try (Response r = http.newCall(new Request.Builder()
                // host-style addressing; curl and browsers resolve *.localhost themselves, the JDK does not
                .url("http://127.0.0.1:" + port + "/dev/items")
                .header("Host", "inventory1.execute-api.localhost:" + port)
                .post(RequestBody.create("{\"sku\":\"N-1\",\"name\":\"Nut\",\"quantityOnHand\":1,\"unitPrice\":0.1}",
                        MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(201);
            assertThat(r.body().string()).contains("\"status\": \"created\"");
        }
    }

    @Test
    void inventoryValidatesTheItemBodyAgainstItsModel() throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + port + "/restapis/inventory1/dev/_user_request_/items")
                .post(RequestBody.create("{\"sku\":\"lower case\"}", MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("BadRequestException");
            assertThat(r.body().string()).isEqualTo("{\"message\": \"Invalid request body\"}");
        }
    }

    @Test
    void theDeployedSnapshotIsServedUntilTheNextDeployAndRollbackRestoresIt() throws IOException {
        ApiDefinition draft = gateway.workspace().api("petstore01").orElseThrow();
        String first = gateway.workspace().stage("petstore01", "prod").orElseThrow().deploymentId();
        ApiDefinition changed = draft.addResource(draft.root().id(), "health", null);
        String health = changed.resourceByPath("/health").orElseThrow().id();
        changed = changed.updateResource(health, r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock().withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", "{\"status\":\"up\"}")))))));
        gateway.history().apply(Edit.replaceApi(changed).describedAs("Create resource /health"));
        try (Response r = get("/prod/health")) {
            assertThat(r.code()).as("the draft is not served before a deploy").isEqualTo(403);
        }
        DeploymentSnapshot second = gateway.deploy("petstore01", "prod", "add health");
        try (Response r = get("/prod/health")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"status\":\"up\"}");
        }
        gateway.rollback("petstore01", "prod", first);
        try (Response r = get("/prod/health")) {
            assertThat(r.code()).isEqualTo(403);
        }
        assertThat(gateway.workspace().deployments("petstore01")).extracting(d -> d.deployment().id())
                .contains(first, second.deployment().id());
    }

    @Test
    void testInvokeRunsTheDraftWithAwsLogLines() {
        ApiDefinition api = gateway.workspace().api("petstore01").orElseThrow();
        TestInvokeResult result = gateway.testInvoke("petstore01", api.root().id(), "GET", TestInvokeRequest.of("/"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers()).containsEntry("Content-Type", "text/html").doesNotContainKey("Content-Length");
        assertThat(result.log().lines().toList()).first().asString().startsWith("Execution log for request ");
        assertThat(result.log()).contains(" : HTTP Method: GET, Resource Path: /")
                .contains(" : Method request path: {}")
                .contains(" : Successfully completed execution")
                .contains(" : Method completed with status: 200");
    }

    @Test
    void deployingAnApiWithoutMethodsIsRefusedWithAwsMessage() {
        ApiDefinition empty = ApiDefinition.create("emptyapi01", "Empty", java.time.Instant.EPOCH);
        gateway.history().apply(Edit.createApi(empty));
        assertThatThrownBy(() -> gateway.deploy("emptyapi01", "dev", null))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("The REST API doesn't contain any methods");
    }
}
