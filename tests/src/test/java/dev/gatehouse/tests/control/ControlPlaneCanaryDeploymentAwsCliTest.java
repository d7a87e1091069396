package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * {@code aws apigateway create-deployment --canary-settings …}: the new deployment becomes the canary of an existing
 * stage, which keeps its deployment for the rest of the traffic (aws-reference §1.10; the error messages are
 * AWS's, recorded). Before this, the canary settings were ignored and the stage moved to the new deployment.
 */
class ControlPlaneCanaryDeploymentAwsCliTest {

    @TempDir Path dir;
    @TempDir Path home;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCanaryDeploymentLeavesTheStageOnItsDeploymentAndTakesItsShareOfTraffic() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{\"v\": 1}");
            String stable = aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId();
            String pets = aws.getResources(b -> b.restApiId(api)).items().stream()
                    .filter(r -> r.path().equals("/pets")).findFirst().orElseThrow().id();
            aws.putIntegrationResponse(b -> b.restApiId(api).resourceId(pets).httpMethod("GET").statusCode("200")
                    .responseTemplates(Map.of("application/json", "{\"v\": 2}")));
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            JsonNode canary = cli.run("create-deployment", "--rest-api-id", api, "--stage-name", "prod",
                    "--canary-settings", "percentTraffic=100,useStageCache=false", "--description", "v2");

            JsonNode stage = cli.run("get-stage", "--rest-api-id", api, "--stage-name", "prod");
            assertThat(stage.path("deploymentId").asText()).isEqualTo(stable);
            assertThat(stage.path("canarySettings")).isEqualTo(json.readTree("{\"deploymentId\": \"" + canary.path("id").asText()
                    + "\", \"percentTraffic\": 100.0, \"useStageCache\": false}"));
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(engine.gateway.invokeUrl(api, "prod") + "/pets")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.body()).as("all traffic goes to the canary").isEqualTo("{\"v\": 2}");
        }
    }

    @Test
    void aCanaryDeploymentNeedsANamedExistingStageInAwsWords() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{}");
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            AwsCli.Result noStage = cli.attempt("create-deployment", "--rest-api-id", api, "--canary-settings", "percentTraffic=50");
            AwsCli.Result unknownStage = cli.attempt("create-deployment", "--rest-api-id", api, "--stage-name", "non-existing",
                    "--canary-settings", "percentTraffic=50");

            assertThat(noStage.stderr()).contains("(BadRequestException)").contains("Invalid deployment content specified."
                    + "Non null and non empty stageName must be provided for canary deployment. Provided value is null");
            assertThat(unknownStage.stderr()).contains("(BadRequestException)").contains("Invalid deployment content specified."
                    + "Stage non-existing must already be created before making a canary release deployment");
            assertThat(cli.run("get-deployments", "--rest-api-id", api).path("items")).hasSize(1);
        }
    }
}
