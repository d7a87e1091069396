package dev.gatehouse.tests.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda TOKEN and REQUEST authorizers run on a real Node.js worker in front of a deployed stage, over real HTTP.
 * Expected statuses and bodies are AWS's (aws-reference §1.12, §8): Allow → the method runs with
 * {@code $context.authorizer.principalId} and the context values; explicit Deny → 403
 * {"Message":"User is not authorized to access this resource with an explicit deny"}; the function failing with
 * "Unauthorized" or a missing token → 401 {"message":"Unauthorized"}; a malformed answer → 500
 * {"message": null} (AuthorizerConfigurationException).
 */
class LambdaAuthorizerTest {

    private static final String AUTHORIZER = """
            let calls = 0;
            const policy = (principalId, effect, resource) => ({
              principalId,
              policyDocument: {Version: '2012-10-17', Statement: [{Action: 'execute-api:Invoke', Effect: effect, Resource: resource}]}
            });
            exports.handler = async (event) => {
              calls++;
              const token = event.type === 'TOKEN' ? event.authorizationToken : event.queryStringParameters.who;
              if (token === 'allow') return {...policy('user-a', 'Allow', event.methodArn), context: {tier: 'gold', n: 7, ok: true}};
              if (token === 'deny') return policy('user-d', 'Deny', event.methodArn);
              if (token === 'elsewhere') return policy('user-e', 'Allow', 'arn:aws:execute-api:us-east-1:123456789012:nomatch/*');
              if (token === 'broken') return {nothing: true};
              if (token === 'calls') return {...policy('user-c', 'Allow', '*'), context: {calls}};
              if (token === 'wild') return policy('user-w', 'Allow', event.methodArn.split('/').slice(0, 2).join('/') + '/*');
              throw new Error('Unauthorized');
            };
            """;

    @TempDir static Path dir;
    private static FunctionWorkspace ws;
    private static ApiDefinition api;

    @BeforeAll
    static void deployMethodsBehindTokenAndRequestAuthorizers() throws IOException {
        FunctionWorkspace.require("node");
        ws = new FunctionWorkspace(dir);
        ws.function("auth", """
                {"runtime": "nodejs", "handler": "index.handler", "timeout": 5}
                """, Map.of("index.js", AUTHORIZER));
        String template = "{\"principal\":\"$context.authorizer.principalId\",\"tier\":\"$context.authorizer.tier\","
                + "\"n\":\"$context.authorizer.n\",\"calls\":\"$context.authorizer.calls\"}";
        api = ws.createApi(a -> {
            ApiDefinition x = a.withAuthorizers(List.of(
                    new Authorizer("tok001", "token-check", AuthorizerType.TOKEN, null, null,
                            FunctionWorkspace.lambdaUri("auth"), null, "method.request.header.Authorization", "^[a-z]+$", 0),
                    new Authorizer("tok300", "cached-check", AuthorizerType.TOKEN, null, null,
                            FunctionWorkspace.lambdaUri("auth"), null, "method.request.header.Authorization", null, 300),
                    new Authorizer("req001", "request-check", AuthorizerType.REQUEST, null, null,
                            FunctionWorkspace.lambdaUri("auth"), null, "method.request.querystring.who", null, 0)));
            x = FunctionWorkspace.withMethod(x, "/hello", mock(template).withAuthorization(AuthorizationType.CUSTOM, "tok001", null));
            x = FunctionWorkspace.withMethod(x, "/cached", mock(template).withAuthorization(AuthorizationType.CUSTOM, "tok300", null));
            return FunctionWorkspace.withMethod(x, "/request", mock(template).withAuthorization(AuthorizationType.CUSTOM, "req001", null));
        });
        ws.gateway.deploy(api.id(), "prod", null);
    }

    @AfterAll
    static void stop() {
        if (ws != null) ws.close();
    }

    private static Method mock(String body) {
        return Method.of("GET").withMethodResponses(Map.of("200", new MethodResponse("200", Map.of(), null)))
                .withIntegration(Integration.mock().withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseTemplates(Map.of("application/json", body)))));
    }

    private static String call(String path, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(ws.gateway.invokeUrl(api.id(), "prod") + path);
        if (token != null) b.header("Authorization", token);
        try (Response r = ws.http.newCall(b.build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void anAllowRunsTheMethodWithThePrincipalAndTheStringifiedContext() throws IOException {
        assertThat(call("/hello", "allow")).isEqualTo("200 {\"principal\":\"user-a\",\"tier\":\"gold\",\"n\":\"7\",\"calls\":\"\"}");
    }

    @Test
    void anExplicitDenyAndAPolicyForOtherResourcesAreForbidden() throws IOException {
        assertThat(call("/hello", "deny"))
                .isEqualTo("403 {\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(call("/hello", "elsewhere")).startsWith("403 ");
        assertThat(call("/hello", "wild")).as("a wildcard over the stage allows").startsWith("200 ");
    }

    @Test
    void aMissingTokenATokenFailingTheExpressionAndAnUnauthorizedAnswerAre401() throws IOException {
        assertThat(call("/hello", null)).isEqualTo("401 {\"message\":\"Unauthorized\"}");
        assertThat(call("/hello", "NOT-LOWER")).as("identityValidationExpression ^[a-z]+$")
                .isEqualTo("401 {\"message\":\"Unauthorized\"}");
        assertThat(call("/hello", "stranger")).isEqualTo("401 {\"message\":\"Unauthorized\"}");
    }

    @Test
    void aMalformedAnswerIsAnAuthorizerConfigurationError() throws IOException {
        try (Response r = ws.http.newCall(new Request.Builder().url(ws.gateway.invokeUrl(api.id(), "prod") + "/hello")
                .header("Authorization", "broken").build()).execute()) {
            assertThat(r.code()).isEqualTo(500);
            assertThat(r.body().string()).isEqualTo("{\"message\": null}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("AuthorizerConfigurationException");
        }
    }

    @Test
    void answersAreCachedPerTokenForTheAuthorizersTtl() throws IOException {
        String first = call("/cached", "calls");
        String second = call("/cached", "calls");
        assertThat(first).startsWith("200 ");
        assertThat(second).as("the second call is answered from the cache: the same call count").isEqualTo(first);
    }

    @Test
    void aRequestAuthorizerReadsItsIdentityFromTheQueryString() throws IOException {
        assertThat(call("/request?who=allow", null)).startsWith("200 {\"principal\":\"user-a\"");
        assertThat(call("/request?who=deny", null)).startsWith("403 ");
    }

    @Test
    void methodsWithLambdaAuthorizersNoLongerWarn() {
        assertThat(ws.gateway.accessWarnings(api.id())).isEmpty();
    }
}
