package dev.gatehouse.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.invoke.AuthorizerTestRequest;
import dev.gatehouse.engine.invoke.AuthorizerTestResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TestInvokeAuthorizer for TOKEN, REQUEST and COGNITO_USER_POOLS authorizers. The Lambda function is a double that
 * answers what an authorizer function would (the runtime is exercised in tests/…/functions); the expected log lines
 * are the ones the real service wrote in a recorded console test (Starting authorizer / Incoming identity / Endpoint
 * request … / Authorizer result body before parsing / Using valid authorizer policy for principal (masked but the last
 * 6 characters) / Successfully completed authorizer execution).
 */
class AuthorizerTesterTest {

    private static final String URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
    private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local";
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC);

    @TempDir Path ws;

    private final ApiDefinition api = ApiDefinition.create("a1b2c3d4e5", "pets", Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicReference<String> sentEvent = new AtomicReference<>();

    private AuthorizerTester tester(String answer) {
        AuthorizerFunctions fn = (uri, vars, event, timeout) -> {
            sentEvent.set(new String(event, StandardCharsets.UTF_8));
            if (answer.startsWith("error:")) return new AuthorizerFunctions.Outcome(null, "Error", answer.substring(6));
            return new AuthorizerFunctions.Outcome(answer.getBytes(StandardCharsets.UTF_8), null, null);
        };
        return new AuthorizerTester(AccessTrust.forWorkspace(ws), fn, FIXED);
    }

    private static Authorizer token(String validation) {
        return new Authorizer("tok001", "token-check", AuthorizerType.TOKEN, null, null, URI, null,
                "method.request.header.Authorization", validation, 300);
    }

    private static final String ALLOW = "{\"principalId\":\"6527a55d-5498-428b-a997-8213981c70cd\",\"policyDocument\":"
            + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
            + "\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*\"}]},\"context\":{\"tier\":\"gold\",\"n\":7}}";

    @Test
    void aTokenAuthorizerThatAllowsReportsThePrincipalThePolicyAndAwsLogLines() {
        AuthorizerTestResult r = tester(ALLOW).test(api, token(null), AuthorizerTestRequest.ofHeaders(Map.of("Authorization", "allow-me")));

        assertThat(r.clientStatus()).isEqualTo(200);
        assertThat(r.principalId()).isEqualTo("6527a55d-5498-428b-a997-8213981c70cd");
        assertThat(r.policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\","
                + "\"Effect\":\"Allow\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*\"}]}");
        assertThat(r.authorization()).containsExactly(Map.entry("tier", List.of("gold")), Map.entry("n", List.of("7")));
        assertThat(r.claims()).isNull();
        assertThat(sentEvent.get()).isEqualTo("{\"type\":\"TOKEN\",\"authorizationToken\":\"allow-me\",\"methodArn\":"
                + "\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/ESTestInvoke-stage/GET/\"}");
        String t = "Wed Dec 02 14:00:00 UTC 2026 : ";
        String lambda = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
        assertThat(r.log()).isEqualTo("Execution log for request test-request\n"
                + t + "Starting authorizer: tok001 for request: test-request\n"
                + t + "Incoming identity: **low-me\n"
                + t + "Endpoint request URI: " + lambda + "\n"
                + t + "Endpoint request headers: {x-amzn-lambda-integration-tag=test-request, X-Amz-Source-Arn="
                + "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/authorizers/tok001, Accept=application/json, "
                + "User-Agent=AmazonAPIGateway_a1b2c3d4e5, x-amzn-apigateway-api-id=a1b2c3d4e5}\n"
                + t + "Endpoint request body after transformations: " + sentEvent.get() + "\n"
                + t + "Sending request to " + lambda + "\n"
                + t + "Authorizer result body before parsing: " + ALLOW + "\n"
                + t + "Using valid authorizer policy for principal: ******************************1c70cd\n"
                + t + "Successfully completed authorizer execution\n");
    }

    @Test
    void aValidDenyPolicyStillCompletesBecauseTheTestNamesNoMethod() {
        String deny = ALLOW.replace("Allow", "Deny").replace("6527a55d-5498-428b-a997-8213981c70cd", "bob");
        AuthorizerTestResult r = tester(deny).test(api, token(null), AuthorizerTestRequest.ofHeaders(Map.of("Authorization", "x")));
        assertThat(r.clientStatus()).isEqualTo(200);
        assertThat(r.principalId()).isEqualTo("bob");
        assertThat(r.policy()).contains("\"Effect\":\"Deny\"");
        assertThat(r.log()).contains(" : Using valid authorizer policy for principal: bob\n");
    }

    @Test
    void aMissingTokenOrOneFailingTheValidationExpressionIs401WithoutCallingTheFunction() {
        AuthorizerTestResult none = tester(ALLOW).test(api, token(null), AuthorizerTestRequest.ofHeaders(Map.of()));
        assertThat(none.clientStatus()).isEqualTo(401);
        assertThat(none.principalId()).isNull();
        AuthorizerTestResult bad = tester(ALLOW).test(api, token("^[a-z]+$"), AuthorizerTestRequest.ofHeaders(Map.of("Authorization", "NOT-LOWER")));
        assertThat(bad.clientStatus()).isEqualTo(401);
        assertThat(sentEvent.get()).as("the function is never called").isNull();
        assertThat(bad.log()).doesNotContain("Endpoint request").doesNotContain("Successfully completed");
    }

    @Test
    void theFunctionFailingWithUnauthorizedIs401AndAMalformedAnswerIs500() {
        AuthorizerTestResult unauthorized = tester("error:Unauthorized").test(api, token(null),
                AuthorizerTestRequest.ofHeaders(Map.of("Authorization", "t")));
        assertThat(unauthorized.clientStatus()).isEqualTo(401);
        assertThat(unauthorized.log()).contains("Authorizer result body before parsing: {\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\"}");
        AuthorizerTestResult broken = tester("{\"nothing\":true}").test(api, token(null),
                AuthorizerTestRequest.ofHeaders(Map.of("Authorization", "t")));
        assertThat(broken.clientStatus()).isEqualTo(500);
        assertThat(broken.log()).contains("Execution failed due to configuration error: Authorizer error")
                .doesNotContain("Successfully completed");
    }

    @Test
    void aRequestAuthorizerGetsTheQueryStringHeadersAndStageVariablesOfTheTest() {
        Authorizer request = new Authorizer("req001", "request-check", AuthorizerType.REQUEST, null, null, URI, null,
                "method.request.querystring.who, stageVariables.tier", null, 0);
        AuthorizerTestResult r = tester(ALLOW).test(api, request, new AuthorizerTestRequest(Map.of("X-Trace", "t1"), null,
                "/pets?who=ana", null, Map.of("tier", "gold"), null));
        assertThat(r.clientStatus()).isEqualTo(200);
        assertThat(sentEvent.get()).contains("\"type\":\"REQUEST\"").contains("\"who\":\"ana\"").contains("\"tier\":\"gold\"")
                .contains("\"X-Trace\":\"t1\"");
        // AWS writes a REQUEST authorizer's sources as a map, each value masked but its last 6 characters (recorded
        // console test, September 2019: "Incoming identity: {method.request.header.Hash=********aaaaaa}")
        assertThat(r.log()).contains(" : Incoming identity: {method.request.querystring.who=ana, stageVariables.tier=gold}\n");
    }

    @Test
    void theIncomingIdentityIsMaskedButItsLastSixCharactersAsInARecordedConsoleTest() {
        // the recorded line (September 2019, a REQUEST authorizer on the header Hash = "aaaaaaaaaaaaaa"):
        // "Incoming identity: {method.request.header.Hash=********aaaaaa}"
        Authorizer request = new Authorizer("req002", "hash-check", AuthorizerType.REQUEST, null, null, URI, null,
                "method.request.header.Hash", null, 0);
        AuthorizerTestResult r = tester(ALLOW).test(api, request, new AuthorizerTestRequest(
                Map.of("Hash", "aaaaaaaaaaaaaa", "Authorizer", "bbbbbbbbbbbb"), null, null, null, null, null));
        assertThat(r.log()).contains(" : Incoming identity: {method.request.header.Hash=********aaaaaa}\n");
        assertThat(sentEvent.get()).as("the function itself gets the value in clear, as AWS sends it")
                .contains("\"Hash\":\"aaaaaaaaaaaaaa\"");
    }

    @Test
    void aCognitoAuthorizerOnTheWorkspaceKeyReturnsTheClaimsAsApiGatewayPassesThemOn() throws Exception {
        Files.writeString(ws.resolve(UserPools.FILE), "{\"userPools\":{\"" + POOL + "\":{\"localSigningKey\":true}}}");
        Authorizer cognito = new Authorizer("cog001", "pool", AuthorizerType.COGNITO_USER_POOLS, List.of(POOL), null, null,
                null, "method.request.header.Authorization", null, 300);
        String jwt = new TokenMinter(LocalSigningKey.forWorkspace(ws), Clock.systemUTC())
                .mint(Map.of("email", "ana@example.com"), List.of(), Duration.ofHours(1));

        AuthorizerTestResult ok = tester(ALLOW).test(api, cognito, AuthorizerTestRequest.ofHeaders(Map.of("Authorization", jwt)));
        assertThat(ok.clientStatus()).isEqualTo(200);
        assertThat(ok.claims()).containsEntry("email", "ana@example.com").containsEntry("sub", "local-user")
                .containsEntry("iss", LocalSigningKey.ISSUER).containsEntry("token_use", "id");
        assertThat(ok.principalId()).isNull();
        assertThat(ok.log()).endsWith(" : Successfully completed authorizer execution\n");

        AuthorizerTestResult tampered = tester(ALLOW).test(api, cognito,
                AuthorizerTestRequest.ofHeaders(Map.of("Authorization", jwt.substring(0, jwt.length() - 4) + "AAAA")));
        assertThat(tampered.clientStatus()).isEqualTo(401);
        assertThat(tampered.claims()).isNull();
    }
}
