package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI ({@code aws apigateway … --endpoint-url}) manages a headless engine whose control plane checks
 * its signatures against a configured key. The CLI must be installed (Debian package {@code awscli}; {@code .ci/run}
 * installs it): without it this test fails rather than skips.
 */
class ControlPlaneAwsCliTest {

    @TempDir Path dir;
    @TempDir Path home;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAwsCliBuildsDeploysPatchesExportsAndDeletesAnApi() throws Exception {
        Path aws = findAws();
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys())) {
            Cli cli = new Cli(aws, engine.controlPlane.endpoint());

            JsonNode api = cli.run("create-rest-api", "--name", "cli-pets", "--description", "from the AWS CLI");
            String apiId = api.path("id").asText();
            assertThat(apiId).matches("[a-z0-9]{10}");
            assertThat(api.path("name").asText()).isEqualTo("cli-pets");
            assertThat(api.has("createdDate")).isTrue(); // epoch seconds on the wire; CLI v1 prints them as is, v2 as a date

            JsonNode resources = cli.run("get-resources", "--rest-api-id", apiId);
            assertThat(resources.path("items")).hasSize(1);
            String rootId = resources.path("items").get(0).path("id").asText();

            JsonNode pets = cli.run("create-resource", "--rest-api-id", apiId, "--parent-id", rootId, "--path-part", "pets");
            assertThat(pets.path("path").asText()).isEqualTo("/pets");
            String petsId = pets.path("id").asText();

            JsonNode method = cli.run("put-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
                    "--authorization-type", "NONE");
            assertThat(method.path("httpMethod").asText()).isEqualTo("GET");
            assertThat(method.path("apiKeyRequired").asBoolean(true)).isFalse();

            JsonNode integration = cli.run("put-integration", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
                    "--type", "MOCK", "--request-templates", "{\"application/json\": \"{\\\"statusCode\\\": 200}\"}");
            assertThat(integration.path("type").asText()).isEqualTo("MOCK");
            assertThat(integration.path("timeoutInMillis").asInt()).isEqualTo(29000);

            JsonNode methodResponse = cli.run("put-method-response", "--rest-api-id", apiId, "--resource-id", petsId,
                    "--http-method", "GET", "--status-code", "200");
            assertThat(methodResponse.path("statusCode").asText()).isEqualTo("200");
            JsonNode integrationResponse = cli.run("put-integration-response", "--rest-api-id", apiId, "--resource-id", petsId,
                    "--http-method", "GET", "--status-code", "200", "--response-templates", "{\"application/json\": \"{\\\"via\\\": \\\"cli\\\"}\"}");
            assertThat(integrationResponse.path("responseTemplates").path("application/json").asText()).isEqualTo("{\"via\": \"cli\"}");

            JsonNode deployment = cli.run("create-deployment", "--rest-api-id", apiId, "--stage-name", "dev", "--description", "v1");
            assertThat(deployment.path("id").asText()).isNotBlank();

            JsonNode stages = cli.run("get-stages", "--rest-api-id", apiId);
            assertThat(stages.path("item")).hasSize(1);
            assertThat(stages.path("item").get(0).path("stageName").asText()).isEqualTo("dev");
            assertThat(stages.path("item").get(0).path("deploymentId").asText()).isEqualTo(deployment.path("id").asText());

            JsonNode stage = cli.run("update-stage", "--rest-api-id", apiId, "--stage-name", "dev", "--patch-operations",
                    "op=replace,path=/variables/backend,value=blue", "op=replace,path=/description,value=patched");
            assertThat(stage.path("variables").path("backend").asText()).isEqualTo("blue");
            assertThat(stage.path("description").asText()).isEqualTo("patched");

            JsonNode invoked = cli.run("test-invoke-method", "--rest-api-id", apiId, "--resource-id", petsId, "--http-method", "GET",
                    "--path-with-query-string", "/pets");
            assertThat(invoked.path("status").asInt()).isEqualTo(200);
            assertThat(invoked.path("body").asText()).isEqualTo("{\"via\": \"cli\"}");

            Path exported = dir.resolve("export.json");
            JsonNode export = cli.run("get-export", "--rest-api-id", apiId, "--stage-name", "dev", "--export-type", "swagger",
                    "--accepts", "application/json", exported.toString());
            assertThat(export.path("contentType").asText()).isEqualTo("application/json");
            JsonNode swagger = json.readTree(exported.toFile());
            assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
            assertThat(swagger.path("basePath").asText()).isEqualTo("/dev");
            assertThat(swagger.path("paths").has("/pets")).isTrue();

            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(engine.gateway.invokeUrl(apiId, "dev") + "/pets")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo("{\"via\": \"cli\"}");

            JsonNode key = cli.run("create-api-key", "--name", "cli-key", "--enabled");
            assertThat(key.path("value").asText()).hasSizeGreaterThanOrEqualTo(20);
            JsonNode plan = cli.run("create-usage-plan", "--name", "cli-plan", "--api-stages", "apiId=" + apiId + ",stage=dev",
                    "--quota", "limit=100,period=DAY");
            assertThat(plan.path("quota").path("limit").asInt()).isEqualTo(100);
            JsonNode planKey = cli.run("create-usage-plan-key", "--usage-plan-id", plan.path("id").asText(),
                    "--key-id", key.path("id").asText(), "--key-type", "API_KEY");
            assertThat(planKey.path("id").asText()).isEqualTo(key.path("id").asText());
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            JsonNode usage = cli.run("get-usage", "--usage-plan-id", plan.path("id").asText(), "--start-date", today, "--end-date", today);
            assertThat(usage.path("usagePlanId").asText()).isEqualTo(plan.path("id").asText());
            assertThat(usage.path("items").has(key.path("id").asText())).isTrue();

            cli.run("delete-rest-api", "--rest-api-id", apiId);
            assertThat(cli.run("get-rest-apis").path("items")).isEmpty();
            assertThat(engine.gateway.workspace().api(apiId)).isEmpty();
        }
    }

    @Test
    void theAwsCliSeesWrongCredentialsAndUnknownIdsAsAwsErrors() throws Exception {
        Path aws = findAws();
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys())) {
            Cli wrong = new Cli(aws, engine.controlPlane.endpoint(), ControlPlaneHarness.KEY_ID, "not-the-secret");
            Cli.Result forged = wrong.attempt("get-rest-apis");
            assertThat(forged.exit()).isNotZero();
            assertThat(forged.stderr()).contains("(InvalidSignatureException)").contains("signature we calculated does not match");

            Cli.Result missing = new Cli(aws, engine.controlPlane.endpoint()).attempt("get-rest-api", "--rest-api-id", "nosuchapi0");
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.stderr()).contains("(NotFoundException)").contains("Invalid API identifier specified 123456789012:nosuchapi0");
        }
    }

    /** The {@code aws} executable on PATH; fails (never skips) when the AWS CLI is missing. */
    private static Path findAws() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d, "aws");
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new AssertionError("the AWS CLI ('aws') is not on PATH: install the Debian package awscli "
                + "(apt-get install awscli; .ci/run does this)");
    }

    /** Runs {@code aws apigateway …} against the engine, with credentials in the environment and no user config. */
    private final class Cli {
        record Result(int exit, String stdout, String stderr) {}

        private final Path aws;
        private final String endpoint;
        private final String keyId;
        private final String secret;

        Cli(Path aws, String endpoint) {
            this(aws, endpoint, ControlPlaneHarness.KEY_ID, ControlPlaneHarness.SECRET);
        }

        Cli(Path aws, String endpoint, String keyId, String secret) {
            this.aws = aws;
            this.endpoint = endpoint;
            this.keyId = keyId;
            this.secret = secret;
        }

        JsonNode run(String... args) throws IOException, InterruptedException {
            Result r = attempt(args);
            assertThat(r.exit()).as("aws apigateway %s\nstderr: %s", String.join(" ", args), r.stderr()).isZero();
            return r.stdout().isBlank() ? json.createObjectNode() : json.readTree(r.stdout());
        }

        Result attempt(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(aws.toString(), "apigateway"));
            command.addAll(List.of(args));
            command.addAll(List.of("--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json",
                    "--cli-read-timeout", "30", "--cli-connect-timeout", "5"));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put("AWS_ACCESS_KEY_ID", keyId);
            env.put("AWS_SECRET_ACCESS_KEY", secret);
            env.remove("AWS_SESSION_TOKEN");
            env.remove("AWS_PROFILE");
            env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
            env.put("AWS_PAGER", "");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("HOME", home.toString());
            Path out = Files.createTempFile(home, "out", ".json");
            Path err = Files.createTempFile(home, "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
