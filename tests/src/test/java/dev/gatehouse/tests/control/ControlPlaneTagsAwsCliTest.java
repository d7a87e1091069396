package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * {@code aws apigateway tag-resource / get-tags / untag-resource} (botocore: PUT, GET, DELETE
 * {@code /tags/{resource_arn}}, 204/200/204) on a REST API, a stage and an API key; the tags are the resources' own
 * {@code tags} members, so GetRestApi and GetStage show them too.
 */
class ControlPlaneTagsAwsCliTest {

    @TempDir Path dir;
    @TempDir Path home;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAwsCliTagsListsAndUntagsApisStagesAndKeys() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{}");
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            String apiArn = "arn:aws:apigateway:us-east-1::/restapis/" + api;
            String stageArn = apiArn + "/stages/prod";
            String key = cli.run("create-api-key", "--name", "k", "--enabled", "--value", "abcdefghijklmnopqrstuvwxyz0123").path("id").asText();
            String keyArn = "arn:aws:apigateway:us-east-1::/apikeys/" + key;

            cli.run("tag-resource", "--resource-arn", apiArn, "--tags", "team=pets,env=dev");
            cli.run("tag-resource", "--resource-arn", stageArn, "--tags", "tier=gold");
            cli.run("tag-resource", "--resource-arn", keyArn, "--tags", "owner=partner");
            cli.run("untag-resource", "--resource-arn", apiArn, "--tag-keys", "env");

            assertThat(cli.run("get-tags", "--resource-arn", apiArn)).isEqualTo(json.readTree("{\"tags\": {\"team\": \"pets\"}}"));
            assertThat(cli.run("get-tags", "--resource-arn", stageArn)).isEqualTo(json.readTree("{\"tags\": {\"tier\": \"gold\"}}"));
            assertThat(cli.run("get-rest-api", "--rest-api-id", api).path("tags")).isEqualTo(json.readTree("{\"team\": \"pets\"}"));
            assertThat(cli.run("get-stage", "--rest-api-id", api, "--stage-name", "prod").path("tags").path("tier").asText()).isEqualTo("gold");
            JsonNode keyWithValue = cli.run("get-api-key", "--api-key", key, "--include-value");
            assertThat(keyWithValue.path("tags").path("owner").asText()).isEqualTo("partner");
            assertThat(keyWithValue.path("value").asText()).as("tagging keeps the key's value").isEqualTo("abcdefghijklmnopqrstuvwxyz0123");

            AwsCli.Result unknownStage = cli.attempt("get-tags", "--resource-arn", apiArn + "/stages/nosuch");
            assertThat(unknownStage.stderr()).contains("(NotFoundException)").contains("Invalid stage identifier specified");
            AwsCli.Result notTaggable = cli.attempt("tag-resource", "--resource-arn", apiArn + "/resources/x", "--tags", "a=b");
            assertThat(notTaggable.stderr()).contains("(BadRequestException)");
        }
    }
}
