package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.TestInvokeAuthorizerResponse;

/**
 * TestInvokeAuthorizer over the wire: the real AWS CLI ({@code aws apigateway test-invoke-authorizer}) and the AWS SDK
 * for Java v2 against a served engine's control plane, for a Cognito authorizer on the workspace signing key and a
 * Lambda TOKEN authorizer run by a real Node.js function. Expected values: botocore's TestInvokeAuthorizerResponse
 * members; the log lines AWS writes (aws-reference §1.12 and the recorded console log quoted in AuthorizerTester).
 */
class ControlPlaneTestInvokeAuthorizerTest {

    private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local";
    private static final String AUTH_JS = """
            exports.handler = async (event) => {
              if (event.authorizationToken !== 'let-me-in') throw new Error('Unauthorized');
              return {principalId: 'user-42', context: {tier: 'gold'}, policyDocument: {Version: '2012-10-17',
                Statement: [{Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn}]}};
            };
            """;

    @TempDir Path dir;
    @TempDir Path home;

    @Test
    void theAwsCliTestsACognitoAuthorizerOnTheWorkspaceKeyAndALambdaTokenAuthorizer() throws Exception {
        Path ws = dir.resolve("ws");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys())) {
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            Files.writeString(ws.resolve("user-pools.json"), "{\"userPools\":{\"" + POOL + "\":{\"localSigningKey\":true}}}");
            Path fn = Files.createDirectories(ws.resolve("functions").resolve("auth"));
            Files.writeString(fn.resolve("function.json"), "{\"runtime\": \"nodejs\", \"handler\": \"index.handler\", \"timeout\": 10}");
            Files.writeString(fn.resolve("index.js"), AUTH_JS, StandardCharsets.UTF_8);

            String apiId = cli.run("create-rest-api", "--name", "authz").path("id").asText();
            String cognitoId = cli.run("create-authorizer", "--rest-api-id", apiId, "--name", "pool", "--type",
                    "COGNITO_USER_POOLS", "--provider-arns", POOL, "--identity-source", "method.request.header.Authorization")
                    .path("id").asText();
            String token = engine.gateway.mintToken(Map.of("email", "ana@example.com"), List.of(), Duration.ofHours(1));

            JsonNode ok = cli.run("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", cognitoId,
                    "--headers", "Authorization=" + token);
            // "Value is 0 if the authorizer succeeded" (API Reference, TestInvokeAuthorizerResponse.clientStatus)
            assertThat(ok.path("clientStatus").asInt()).isZero();
            assertThat(ok.path("claims").path("email").asText()).isEqualTo("ana@example.com");
            assertThat(ok.path("claims").path("token_use").asText()).isEqualTo("id");
            assertThat(ok.path("log").asText()).startsWith("Execution log for request test-request\n")
                    .contains(" : Starting authorizer: " + cognitoId + " for request: test-request\n")
                    .endsWith(" : Successfully completed authorizer execution\n");
            assertThat(ok.path("latency").isNumber()).isTrue();

            JsonNode refused = cli.run("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", cognitoId,
                    "--headers", "Authorization=not-a-jwt");
            assertThat(refused.path("clientStatus").asInt()).isEqualTo(401);
            assertThat(refused.has("claims")).isFalse();

            String lambdaId = cli.run("create-authorizer", "--rest-api-id", apiId, "--name", "token", "--type", "TOKEN",
                    "--authorizer-uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",
                    "--identity-source", "method.request.header.Authorization").path("id").asText();
            JsonNode allowed = cli.run("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", lambdaId,
                    "--headers", "Authorization=let-me-in");
            assertThat(allowed.path("clientStatus").asInt()).as(allowed.toString()).isZero();
            assertThat(allowed.path("principalId").asText()).isEqualTo("user-42");
            assertThat(allowed.path("policy").asText()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                    + "\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:"
                    + apiId + "/ESTestInvoke-stage/GET/\"}]}");
            assertThat(allowed.path("authorization").path("tier").get(0).asText()).isEqualTo("gold");
            assertThat(allowed.path("log").asText()).as("masked but the last 6 characters").contains(" : Using valid authorizer policy for principal: *ser-42\n")
                    .contains(" : Incoming identity: ***-me-in\n");

            AwsCli.Result unknown = cli.attempt("test-invoke-authorizer", "--rest-api-id", apiId, "--authorizer-id", "nope99");
            assertThat(unknown.exit()).isNotZero();
            assertThat(unknown.stderr()).contains("NotFoundException").contains("Invalid Authorizer identifier specified");
        }
    }

    @Test
    void theJavaSdkReadsTheUnauthorizedOutcomeOfALambdaTokenAuthorizer() throws Exception {
        Path ws = dir.resolve("ws2");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient client = engine.client()) {
            Path fn = Files.createDirectories(ws.resolve("functions").resolve("auth"));
            Files.writeString(fn.resolve("function.json"), "{\"runtime\": \"nodejs\", \"handler\": \"index.handler\", \"timeout\": 10}");
            Files.writeString(fn.resolve("index.js"), AUTH_JS, StandardCharsets.UTF_8);
            String apiId = client.createRestApi(b -> b.name("sdk-authz")).id();
            String id = client.createAuthorizer(b -> b.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
                    .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations")
                    .identitySource("method.request.header.Authorization")).id();
            TestInvokeAuthorizerResponse r = client.testInvokeAuthorizer(b -> b.restApiId(apiId).authorizerId(id)
                    .headers(Map.of("Authorization", "wrong")));
            assertThat(r.clientStatus()).as("the function throws Error('Unauthorized')").isEqualTo(401);
            assertThat(r.principalId()).isNull();
            assertThat(r.log()).contains(" : Authorizer result body before parsing: {\"errorType\":").contains("\"errorMessage\":\"Unauthorized\"}")
                    .doesNotContain("Successfully completed");
        }
    }
}
