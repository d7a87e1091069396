package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.access.AuthorizerFunctions;
import dev.gatehouse.engine.caching.StageCaches;
import dev.gatehouse.engine.integration.BackendOptions;
import dev.gatehouse.engine.integration.LoopHttpBackend;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.invoke.TestInvoker;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AWS integration to DynamoDB, run through test invoke against a recording backend on loopback standing in for
 * the service: what arrives (URI, headers, body, signature re-computed independently) and what comes back.
 */
class AwsServiceIntegrationTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ItemsWriter";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir Path workspace;
    @TempDir Path home;
    private final Map<String, String> env = new HashMap<>();
    private HttpServer service;
    private Vertx vertx;
    private TestInvoker invoker;
    private final AtomicReference<Recorded> last = new AtomicReference<>();
    private volatile int answerStatus = 200;
    private volatile String answerBody = "{}";

    record Recorded(String method, URI uri, Map<String, List<String>> headers, byte[] body) { }

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        service.createContext("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            last.set(new Recorded(ex.getRequestMethod(), ex.getRequestURI(), Map.copyOf(ex.getRequestHeaders()), body));
            byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            ex.sendResponseHeaders(answerStatus, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        service.start();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"),
                "[items]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = " + SECRET + "\n");
        Files.writeString(workspace.resolve("aws.json"), "{\"endpoints\": {\"dynamodb\": \"http://127.0.0.1:"
                + service.getAddress().getPort() + "\"}, \"credentialProfiles\": {\"" + ROLE + "\": \"items\"}}");
        vertx = Vertx.vertx();
        AwsServices aws = new AwsServices(workspace, new AwsEnvironment(env::get, k -> null, home), Clock.systemUTC());
        invoker = new TestInvoker(new RequestPipeline(new TemplateCompiler(),
                new LoopHttpBackend(vertx, vertx.getOrCreateContext(), BackendOptions.DEFAULTS),
                AccessState.inProcess(), new StageCaches(), AuthorizerFunctions.none(), aws));
    }

    @AfterEach
    void stop() {
        service.stop(0);
        vertx.close();
    }

    private ApiDefinition api(String credentials) {
        Integration putItem = new Integration(IntegrationType.AWS, "POST",
                "arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem", null, null, credentials,
                Map.of("integration.request.querystring.note", "method.request.querystring.note"),
                Map.of("application/json", "{\"TableName\": \"items\", \"Item\": {\"id\": {\"S\": \"$input.params('id')\"},"
                        + " \"text\": {\"S\": \"$util.escapeJavaScript($input.path('$.text'))\"}}}"),
                null, null, null, null, null,
                Map.of("200", IntegrationResponse.of("200").withResponseTemplates(Map.of("application/json", "{\"saved\": true}")),
                        "400", new IntegrationResponse("400", "4\\d{2}", null,
                                Map.of("application/json", "{\"error\": \"$input.path('$.message')\"}"), null)),
                null);
        Method put = Method.of("PUT")
                .withRequestParameters(Map.of("method.request.path.id", true))
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, null),
                        "400", new MethodResponse("400", null, null)))
                .withIntegration(putItem);
        ApiDefinition a = ApiDefinition.create("itemsapi01", "Items", Instant.now());
        a = a.addResource(a.resourceByPath("/").orElseThrow().id(), "items", null);
        a = a.addResource(a.resourceByPath("/items").orElseThrow().id(), "{id}", null);
        return a.updateResource(a.resourceByPath("/items/{id}").orElseThrow().id(), r -> r.withMethod(put));
    }

    private TestInvokeResult put(ApiDefinition api, String path, String body) {
        return invoker.invoke(api, api.resourceByPath("/items/{id}").orElseThrow().id(), "PUT",
                new TestInvokeRequest(path, body, Map.of("Content-Type", "application/json"), null, null), null);
    }

    @Test
    void putItemIsPostedToTheServiceWithItsTargetHeaderAndASignatureThatVerifies() {
        TestInvokeResult result = put(api(ROLE), "/items/42?note=first try", "{\"text\": \"hello\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"saved\": true}");
        Recorded r = last.get();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri().getRawPath()).isEqualTo("/");
        assertThat(r.uri().getRawQuery()).isEqualTo("Action=PutItem&note=first%20try");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"TableName\": \"items\", \"Item\": {\"id\": {\"S\": \"42\"}, \"text\": {\"S\": \"hello\"}}}");
        assertThat(header(r, "X-Amz-Target")).isEqualTo("DynamoDB_20120810.PutItem");
        assertThat(header(r, "Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(header(r, "Accept")).isEqualTo("application/json");

        String auth = header(r, "Authorization");
        String amzDate = header(r, "X-Amz-Date");
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + amzDate.substring(0, 8)
                + "/eu-west-1/dynamodb/aws4_request, SignedHeaders=");
        List<String> signedNames = List.of(auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        assertThat(signedNames).contains("host", "x-amz-date", "x-amz-target", "content-type");
        String signature = auth.replaceAll(".*Signature=", "");
        assertThat(signature).isEqualTo(ReferenceSigV4.signature("POST", r.uri(), r.headers(), r.body(), SECRET,
                amzDate.substring(0, 8), amzDate, "eu-west-1", "dynamodb", signedNames));

        // the execution log, as AWS's test invoke writes it: endpoint lines, signature masked, no secret
        assertThat(result.log()).contains("Endpoint request URI: http://127.0.0.1:" + service.getAddress().getPort()
                + "/?Action=PutItem&note=first%20try\n");
        assertThat(result.log()).containsPattern("Endpoint request headers: \\{.*Authorization=\\*+"
                + signature.substring(signature.length() - 6) + ".*X-Amz-Target=DynamoDB_20120810.PutItem");
        assertThat(result.log()).contains("Endpoint request body after transformations: {\"TableName\": \"items\"");
        assertThat(result.log()).contains("Endpoint response body before transformations: {}");
        assertThat(result.log()).doesNotContain(signature).doesNotContain(SECRET);
    }

    @Test
    void aServiceErrorIsSelectedByItsStatusCodeAndMapped() {
        answerStatus = 400;
        answerBody = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}";
        TestInvokeResult result = put(api(ROLE), "/items/42", "{\"text\": \"x\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"error\": \"Requested resource not found\"}");
    }

    @Test
    void withoutAnyCredentialsTheCallIsAConfigurationErrorAndNothingIsSent() throws IOException {
        Files.delete(home.resolve(".aws/credentials"));
        TestInvokeResult result = put(api(null), "/items/42", "{\"text\": \"x\"}");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(result.log()).contains("Execution failed due to configuration error: No AWS credentials to sign "
                + "the request with: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        assertThat(last.get()).isNull();
    }

    @Test
    void theEndpointSettingIsReadAgainWhenTheFileChanges() throws IOException {
        put(api(ROLE), "/items/1", "{\"text\": \"x\"}");
        assertThat(last.get()).isNotNull();
        Files.writeString(workspace.resolve("aws.json"), "{\"endpoints\": {\"dynamodb\": \"http://127.0.0.1:1\"}, "
                + "\"credentialProfiles\": {\"" + ROLE + "\": \"items\"}, \"_\": \"changed size\"}");
        last.set(null);
        TestInvokeResult result = put(api(ROLE), "/items/1", "{\"text\": \"x\"}");
        assertThat(result.log()).contains("Endpoint request URI: http://127.0.0.1:1/?Action=PutItem");
        assertThat(last.get()).isNull();
    }

    @Test
    void anS3GetObjectActionUriWithBucketAndKeyParametersIsSentAsOneSignedQuery() throws IOException {
        // AWS documents this URI form in PutIntegration: arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}
        Files.writeString(workspace.resolve("aws.json"), "{\"endpoints\": {\"s3\": \"http://127.0.0.1:"
                + service.getAddress().getPort() + "\"}, \"credentialProfiles\": {\"" + ROLE + "\": \"items\"}}");
        Integration get = new Integration(IntegrationType.AWS, "GET",
                "arn:aws:apigateway:us-east-1:s3:action/GetObject&Key={key}&Bucket={bucket}", null, null, ROLE,
                Map.of("integration.request.path.key", "method.request.path.id",
                        "integration.request.path.bucket", "'item files'"),
                null, null, null, null, null, null,
                Map.of("200", IntegrationResponse.of("200")), null);
        Method method = Method.of("GET").withRequestParameters(Map.of("method.request.path.id", true))
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, null))).withIntegration(get);
        ApiDefinition a = ApiDefinition.create("filesapi01", "Files", Instant.now());
        a = a.addResource(a.resourceByPath("/").orElseThrow().id(), "{id}", null);
        ApiDefinition api = a.updateResource(a.resourceByPath("/{id}").orElseThrow().id(), r -> r.withMethod(method));

        TestInvokeResult result = invoker.invoke(api, api.resourceByPath("/{id}").orElseThrow().id(), "GET",
                new TestInvokeRequest("/a&b.txt", null, Map.of(), null, null), null);

        assertThat(result.status()).as(result.log()).isEqualTo(200);
        Recorded r = last.get();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.uri().getRawPath()).isEqualTo("/");
        assertThat(r.uri().getRawQuery()).isEqualTo("Action=GetObject&Key=a%26b.txt&Bucket=item%20files");
        String auth = header(r, "Authorization");
        String amzDate = header(r, "X-Amz-Date");
        assertThat(auth).contains("/us-east-1/s3/aws4_request");
        List<String> signedNames = List.of(auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        assertThat(auth.replaceAll(".*Signature=", "")).isEqualTo(ReferenceSigV4.signature("GET", r.uri(), r.headers(),
                r.body(), SECRET, amzDate.substring(0, 8), amzDate, "us-east-1", "s3", signedNames));
    }

    private static String header(Recorded r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
    }
}
