package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * UpdateDeployment ({@code PATCH /restapis/{id}/deployments/{deployment_id}}) and GetDeployment's
 * {@code embed=apisummary} through the real AWS CLI, as botocore's model and AWS's patch-operations reference
 * describe them: {@code replace /description} is the one change a deployment takes (what it froze stays frozen),
 * anything else is a 400 BadRequestException naming the supported path, an unknown deployment a 404.
 */
class ControlPlaneUpdateDeploymentAwsCliTest {

    @TempDir Path dir;
    @TempDir Path home;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAwsCliChangesADeploymentsDescriptionAndWhatItFrozeStaysAsItWas() throws Exception {
        Path ws = dir.resolve("ws");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{\"from\": \"pets\"}");
            String id = aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId();
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            JsonNode before = cli.run("get-deployment", "--rest-api-id", api, "--deployment-id", id);
            Path file = ws.resolve("apis/" + api + "/deployments/" + id + ".json");
            JsonNode frozenBefore = json.readTree(Files.readString(file)).path("api");

            JsonNode updated = cli.run("update-deployment", "--rest-api-id", api, "--deployment-id", id,
                    "--patch-operations", "op=replace,path=/description,value=first release");

            assertThat(updated.path("id").asText()).isEqualTo(id);
            assertThat(updated.path("description").asText()).isEqualTo("first release");
            assertThat(updated.path("createdDate")).isEqualTo(before.path("createdDate"));
            assertThat(cli.run("get-deployment", "--rest-api-id", api, "--deployment-id", id).path("description").asText())
                    .isEqualTo("first release");
            assertThat(cli.run("get-deployments", "--rest-api-id", api).path("items").get(0).path("description").asText())
                    .isEqualTo("first release");
            assertThat(json.readTree(Files.readString(file)).path("api")).isEqualTo(frozenBefore);
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(engine.gateway.invokeUrl(api, "prod") + "/pets")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.body()).isEqualTo("{\"from\": \"pets\"}");
        }
    }

    @Test
    void anUpdateDeploymentOtherThanReplaceDescriptionIsAwsBadRequestAndAnUnknownDeploymentIsNotFound() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{}");
            String id = aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId();
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            AwsCli.Result add = cli.attempt("update-deployment", "--rest-api-id", api, "--deployment-id", id,
                    "--patch-operations", "op=add,path=/foo,value=x");
            assertThat(add.exit()).isNotZero();
            assertThat(add.stderr()).contains("(BadRequestException)")
                    .contains("Invalid patch path '/foo' specified for op 'add'. Must be one of: [/description]");
            AwsCli.Result removeDescription = cli.attempt("update-deployment", "--rest-api-id", api, "--deployment-id", id,
                    "--patch-operations", "op=remove,path=/description");
            assertThat(removeDescription.stderr()).contains("(BadRequestException)")
                    .contains("Invalid patch path '/description' specified for op 'remove'");
            // a refused patch changes nothing, even when an allowed operation came first
            cli.attempt("update-deployment", "--rest-api-id", api, "--deployment-id", id, "--patch-operations",
                    "op=replace,path=/description,value=kept?", "op=replace,path=/createdDate,value=1");
            assertThat(cli.run("get-deployment", "--rest-api-id", api, "--deployment-id", id).has("description")).isFalse();

            AwsCli.Result unknown = cli.attempt("update-deployment", "--rest-api-id", api, "--deployment-id", "nosuch",
                    "--patch-operations", "op=replace,path=/description,value=x");
            assertThat(unknown.stderr()).contains("(NotFoundException)").contains("Invalid Deployment identifier specified");
        }
    }

    @Test
    void getDeploymentEmbedsTheApiSummaryOfWhatTheDeploymentFroze() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{}");
            String id = aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId();
            String pets = aws.getResources(b -> b.restApiId(api)).items().stream()
                    .filter(r -> r.path().equals("/pets")).findFirst().orElseThrow().id();
            // a method added to the draft after the deployment is not in the deployment's summary
            aws.putMethod(b -> b.restApiId(api).resourceId(pets).httpMethod("POST").authorizationType("NONE").apiKeyRequired(true));
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            JsonNode plain = cli.run("get-deployment", "--rest-api-id", api, "--deployment-id", id);
            JsonNode embedded = cli.run("get-deployment", "--rest-api-id", api, "--deployment-id", id, "--embed", "apisummary");

            assertThat(plain.has("apiSummary")).isFalse();
            assertThat(embedded.path("apiSummary")).isEqualTo(json.readTree(
                    "{\"/pets\": {\"GET\": {\"authorizationType\": \"NONE\", \"apiKeyRequired\": false}}}"));
            assertThat(embedded.path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void stagesShowEmptyMethodSettingsQuotasShowOffsetZeroAndUpdatedKeysShowStageKeysAsOnAws() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{}");
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            // aws-reference §1.10: a recorded GetStage answer carries "methodSettings":{} on a stage without any
            assertThat(cli.run("get-stage", "--rest-api-id", api, "--stage-name", "prod").path("methodSettings"))
                    .isEqualTo(json.createObjectNode());
            assertThat(cli.run("get-stages", "--rest-api-id", api).path("item").get(0).path("methodSettings"))
                    .isEqualTo(json.createObjectNode());

            // aws-reference §1.11: a recorded usage plan shows "quota":{"limit":10,"offset":0,"period":"DAY"}
            JsonNode plan = cli.run("create-usage-plan", "--name", "p", "--api-stages", "apiId=" + api + ",stage=prod",
                    "--quota", "limit=10,period=DAY");
            assertThat(plan.path("quota")).isEqualTo(json.readTree("{\"limit\": 10, \"offset\": 0, \"period\": \"DAY\"}"));
            String planId = plan.path("id").asText();
            assertThat(cli.run("get-usage-plan", "--usage-plan-id", planId).path("quota").path("offset").isInt()).isTrue();
            assertThat(cli.run("update-usage-plan", "--usage-plan-id", planId, "--patch-operations",
                    "op=replace,path=/name,value=q").path("quota").path("offset").asInt(-1)).isZero();

            // the ApiKey shape is one shape: UpdateApiKey answers with stageKeys as CreateApiKey and GetApiKey do
            String key = cli.run("create-api-key", "--name", "k", "--enabled").path("id").asText();
            JsonNode updated = cli.run("update-api-key", "--api-key", key, "--patch-operations", "op=replace,path=/name,value=k2");
            assertThat(updated.path("name").asText()).isEqualTo("k2");
            assertThat(updated.path("stageKeys").isArray()).isTrue();
            assertThat(updated.has("value")).isFalse();
        }
    }
}
