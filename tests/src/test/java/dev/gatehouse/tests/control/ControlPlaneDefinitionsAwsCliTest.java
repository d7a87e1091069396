package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI manages models, gateway responses and request validators of a headless engine and changes an
 * integration with {@code --patch-operations}; error answers reach the CLI as AWS's error types.
 */
class ControlPlaneDefinitionsAwsCliTest {

    @TempDir Path dir;
    @TempDir Path home;

    @Test
    void theAwsCliManagesModelsGatewayResponsesValidatorsAndPatchesAnIntegration() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys())) {
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            JsonNode api = cli.run("create-rest-api", "--name", "cli-definitions");
            String apiId = api.path("id").asText();
            String rootId = api.path("rootResourceId").asText();

            JsonNode model = cli.run("create-model", "--rest-api-id", apiId, "--name", "Item", "--content-type", "application/json",
                    "--schema", "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"}}}");
            assertThat(model.path("name").asText()).isEqualTo("Item");
            assertThat(cli.run("get-models", "--rest-api-id", apiId).path("items")).extracting(JsonNode::asText).hasSize(3);
            assertThat(cli.run("get-model-template", "--rest-api-id", apiId, "--model-name", "Item").path("value").asText())
                    .contains("\"sku\" : \"$inputRoot.sku\"").contains("\"count\" : $inputRoot.count");

            AwsCli.Result conflict = cli.attempt("create-model", "--rest-api-id", apiId, "--name", "Item", "--content-type",
                    "application/json", "--schema", "{}");
            assertThat(conflict.exit()).isNotZero();
            assertThat(conflict.stderr()).contains("(ConflictException)");

            JsonNode validator = cli.run("create-request-validator", "--rest-api-id", apiId, "--name", "all",
                    "--validate-request-body", "--validate-request-parameters");
            assertThat(validator.path("validateRequestBody").asBoolean()).isTrue();

            JsonNode response = cli.run("put-gateway-response", "--rest-api-id", apiId, "--response-type", "DEFAULT_4XX",
                    "--response-templates", "{\"application/json\":\"{\\\"oops\\\":$context.error.messageString}\"}");
            assertThat(response.path("defaultResponse").asBoolean(true)).isFalse();
            JsonNode responses = cli.run("get-gateway-responses", "--rest-api-id", apiId);
            assertThat(responses.path("items")).hasSize(21);

            cli.run("put-method", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--authorization-type", "NONE");
            cli.run("put-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET", "--type", "MOCK",
                    "--request-templates", "{\"application/json\":\"{\\\"statusCode\\\": 200}\"}");
            JsonNode patched = cli.run("update-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET",
                    "--patch-operations", "op=replace,path=/timeoutInMillis,value=1000",
                    "op=add,path=/requestTemplates/text~1plain,value=hello");
            assertThat(patched.path("timeoutInMillis").asInt()).isEqualTo(1000);
            assertThat(patched.path("requestTemplates").path("text/plain").asText()).isEqualTo("hello");

            AwsCli.Result badPath = cli.attempt("update-integration", "--rest-api-id", apiId, "--resource-id", rootId,
                    "--http-method", "GET", "--patch-operations", "op=replace,path=/nonsense,value=1");
            assertThat(badPath.exit()).isNotZero();
            assertThat(badPath.stderr()).contains("(BadRequestException)").contains("Invalid patch path '/nonsense'");

            assertThat(cli.run("get-sdk-types").path("items")).extracting(n -> n.path("id").asText()).contains("javascript", "android");
            cli.run("create-deployment", "--rest-api-id", apiId, "--stage-name", "dev");
            Path zip = home.resolve("sdk.zip");
            JsonNode sdk = cli.run("get-sdk", "--rest-api-id", apiId, "--stage-name", "dev", "--sdk-type", "javascript", zip.toString());
            assertThat(sdk.path("contentDisposition").asText()).startsWith("attachment; filename=\"javascript_");
            byte[] bytes = Files.readAllBytes(zip);
            assertThat(bytes[0]).isEqualTo((byte) 'P');
            assertThat(bytes[1]).isEqualTo((byte) 'K');
        }
    }

    @Test
    void getGatewayResponsesAnswersAllTypesWhateverLimitTheCallerSends() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys())) {
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            String apiId = cli.run("create-rest-api", "--name", "responses").path("id").asText();

            // botocore's model: the GatewayResponses collection does not support pagination; limit and position do not apply
            JsonNode limited = cli.run("get-gateway-responses", "--rest-api-id", apiId, "--limit", "2");

            assertThat(limited.path("items")).hasSize(21);
            assertThat(limited.has("position")).isFalse();
        }
    }
}
