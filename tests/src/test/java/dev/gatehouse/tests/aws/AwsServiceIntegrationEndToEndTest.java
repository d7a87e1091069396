package dev.gatehouse.tests.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS service integrations end to end: a real gateway serving an API whose methods call DynamoDB, SQS and S3
 * through AWS integrations (no code, mapping templates only), against moto's server on loopback with IAM
 * enforcement on, so every request the gateway sends must carry a signature moto accepts. The credentials are
 * local profiles standing in for the integrations' roles (a temporary shared credentials file).
 *
 * <p>Action-style calls ({@code sqs:action/SendMessage?QueueUrl=...}) are checked against a recording backend in the
 * engine's AwsServiceIntegrationTest instead: moto 5 verifies signatures over the query string as its web server
 * decoded it, so any percent-encoded query value fails its check, and it reads a query-protocol call's parameters
 * either all from the query string or all from the form body.
 *
 * <p>Skipped, with a message, when moto is not installed ({@code pip install 'moto[server]'}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsServiceIntegrationEndToEndTest {

    private static final String ACCOUNT = "123456789012";
    private static final String WRITER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GatehouseWriter";
    private static final String READER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GatehouseReader";
    private static final String FORGED_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GatehouseForged";
    private static final String JSON = "application/json";

    @TempDir static Path temp;
    private MotoServer moto;
    private Gateway gateway;
    private String apiBase;
    private ApiDefinition api;
    private String queueUrl;
    private byte[] png;
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger traces = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    void startMotoAndServeTheApi() throws Exception {
        assumeTrue(MotoServer.available(), "moto is not importable by python3 (install it with "
                + "`python3 -m pip install 'moto[server]'`): AWS service integration end-to-end tests skipped");
        moto = new MotoServer(temp.resolve("moto.log"));
        createServiceResources();

        Path credentials = temp.resolve("credentials");
        Files.writeString(credentials, "[writer]\naws_access_key_id = " + moto.writer.accessKeyId()
                + "\naws_secret_access_key = " + moto.writer.secretAccessKey()
                + "\n\n[reader]\naws_access_key_id = " + moto.reader.accessKeyId()
                + "\naws_secret_access_key = " + moto.reader.secretAccessKey()
                + "\n\n[forged]\naws_access_key_id = " + moto.writer.accessKeyId()
                + "\naws_secret_access_key = not-the-secret\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", temp.resolve("no-config").toString());

        Path ws = temp.resolve("workspace");
        gateway = Gateway.of(Workspace.create(ws, "aws"));
        Files.writeString(ws.resolve("aws.json"), "{\n  \"endpoints\": {\"*\": \"" + moto.url() + "\"},\n"
                + "  \"credentialProfiles\": {\"" + WRITER_ROLE + "\": \"writer\", \"" + READER_ROLE + "\": \"reader\", \""
                + FORGED_ROLE + "\": \"forged\"}\n}\n");
        api = definition();
        gateway.history().apply(Edit.createApi(api));
        gateway.deploy(api.id(), "prod", "AWS service integrations");
        int port = gateway.serve("127.0.0.1", 0).port();
        apiBase = "http://127.0.0.1:" + port + "/restapis/" + api.id() + "/prod/_user_request_";
    }

    @AfterAll
    void stop() {
        if (gateway != null) gateway.close();
        if (moto != null) moto.close();
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
    }

    // ---- the service side, set up by the test with its own signed calls -------------------------------------

    private void createServiceResources() throws Exception {
        HttpResponse<byte[]> table = moto.call("dynamodb", "POST", "/", Map.of(
                "X-Amz-Target", "DynamoDB_20120810.CreateTable", "Content-Type", "application/x-amz-json-1.0"),
                ("{\"TableName\":\"items\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}").getBytes(StandardCharsets.UTF_8),
                moto.writer);
        assertThat(table.statusCode()).as(new String(table.body(), StandardCharsets.UTF_8)).isEqualTo(200);

        HttpResponse<byte[]> queue = moto.call("sqs", "POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "Action=CreateQueue&QueueName=messages&Version=2012-11-05".getBytes(StandardCharsets.UTF_8), moto.writer);
        assertThat(queue.statusCode()).as(new String(queue.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        queueUrl = MotoServer.xml(new String(queue.body(), StandardCharsets.UTF_8), "QueueUrl");

        HttpResponse<byte[]> bucket = moto.call("s3", "PUT", "/files", Map.of(), new byte[0], moto.writer);
        assertThat(bucket.statusCode()).as(new String(bucket.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        png = new byte[2048];
        new Random(16).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        HttpResponse<byte[]> object = moto.call("s3", "PUT", "/files/logo.png", Map.of("Content-Type", "image/png"),
                png, moto.writer);
        assertThat(object.statusCode()).isEqualTo(200);
    }

    // ---- the API: methods with AWS integrations and mapping templates only ---------------------------------

    private ApiDefinition definition() {
        ApiDefinition a = ApiDefinition.create("awssvc001", "Items, messages and files", Instant.now());
        a = a.withRestApi(a.restApi().withBinaryMediaTypes(List.of("image/png")));
        String putItem = "{\"TableName\": \"items\", \"Item\": {\"id\": {\"S\": \"$input.params('id')\"}, "
                + "\"text\": {\"S\": \"$util.escapeJavaScript($input.path('$.text'))\"}}}";
        a = withMethod(a, "/items/{id}", dynamo("PUT", "PutItem", WRITER_ROLE, putItem,
                "{\"id\": \"$input.params('id')\", \"saved\": true}"));
        a = withMethod(a, "/items/{id}", dynamo("GET", "GetItem", WRITER_ROLE,
                "{\"TableName\": \"items\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}}",
                "{\"id\": \"$input.path('$.Item.id.S')\", \"text\": \"$util.escapeJavaScript($input.path('$.Item.text.S'))\"}"));
        a = withMethod(a, "/ghosts/{id}", dynamo("GET", "GetItem", WRITER_ROLE,
                "{\"TableName\": \"ghosts\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}}", "{}"));
        a = withMethod(a, "/readonly/{id}", dynamo("PUT", "PutItem", READER_ROLE, putItem, "{}"));
        a = withMethod(a, "/forged/{id}", dynamo("PUT", "PutItem", FORGED_ROLE, putItem, "{}"));
        a = withMethod(a, "/messages", Method.of("POST")
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, null)))
                // the set-up AWS's knowledge center describes for SQS: path override {account}/{queue}, the query
                // protocol's Action and parameters in a form body (moto needs them all in one place, see class doc)
                .withIntegration(integration("POST", "arn:aws:apigateway:us-east-1:sqs:path/" + ACCOUNT + "/messages",
                        WRITER_ROLE,
                        Map.of("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'"),
                        Map.of(JSON, "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"),
                        Map.of("200", IntegrationResponse.of("200")))));
        a = withMethod(a, "/files/{key}", Method.of("GET")
                .withRequestParameters(Map.of("method.request.path.key", true))
                .withMethodResponses(Map.of(
                        "200", new MethodResponse("200", Map.of("method.response.header.Content-Type", false), null),
                        "404", new MethodResponse("404", null, null)))
                .withIntegration(integration("GET", "arn:aws:apigateway:us-east-1:s3:path/files/{key}", WRITER_ROLE,
                        Map.of("integration.request.path.key", "method.request.path.key"), Map.of(),
                        Map.of("200", IntegrationResponse.of("200").withResponseParameters(
                                        Map.of("method.response.header.Content-Type", "integration.response.header.Content-Type")),
                                // CONVERT_TO_TEXT: the client accepts image/png, the error is JSON text
                                "404", new IntegrationResponse("404", "404", null,
                                        Map.of(JSON, "{\"message\": \"No such file\"}"), ContentHandling.CONVERT_TO_TEXT)))));
        return a;
    }

    /** A DynamoDB action; 4xx answers from the service select the 400 response, which names the error type. */
    private static Method dynamo(String verb, String action, String role, String requestTemplate, String okTemplate) {
        return Method.of(verb)
                .withRequestParameters(Map.of("method.request.path.id", true))
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, null),
                        "400", new MethodResponse("400", null, null)))
                .withIntegration(integration("POST", "arn:aws:apigateway:us-east-1:dynamodb:action/" + action, role,
                        Map.of(), Map.of(JSON, requestTemplate),
                        Map.of("200", IntegrationResponse.of("200").withResponseTemplates(Map.of(JSON, okTemplate)),
                                "400", new IntegrationResponse("400", "4\\d{2}", null,
                                        Map.of(JSON, "{\"error\": \"$util.escapeJavaScript($input.body)\"}"), null))));
    }

    private static Integration integration(String httpMethod, String uri, String role, Map<String, String> parameters,
                                           Map<String, String> templates, Map<String, IntegrationResponse> responses) {
        return new Integration(IntegrationType.AWS, httpMethod, uri, null, null, role, parameters, templates,
                null, null, null, null, null, responses, null);
    }

    private static ApiDefinition withMethod(ApiDefinition api, String path, Method method) {
        ApiDefinition a = api;
        String parent = "";
        for (String part : path.substring(1).split("/")) {
            String child = parent + "/" + part;
            if (a.resourceByPath(child).isEmpty()) {
                a = a.addResource(a.resourceByPath(parent.isEmpty() ? "/" : parent).orElseThrow().id(), part, null);
            }
            parent = child;
        }
        Resource target = a.resourceByPath(path).orElseThrow();
        return a.updateResource(target.id(), r -> r.withMethod(method));
    }

    // ---- the client side ----------------------------------------------------------------------------------

    private HttpResponse<byte[]> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", JSON);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        // the gateway keeps this request's execution log: shown when an assertion on a 5xx fails
        String trace = "t" + traces.incrementAndGet();
        b.header("X-Gatehouse-Trace", trace);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() >= 500) System.err.println(gateway.tracedLog(trace).orElse("(no execution log)"));
        return r;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void putItemStoresTheItemThatGetItemReadsBackAsJson() throws Exception {
        HttpResponse<byte[]> put = send("PUT", "/items/42", "{\"text\": \"Hello, \\\"moto\\\"\"}");
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        assertThat(text(put)).isEqualTo("{\"id\": \"42\", \"saved\": true}");

        HttpResponse<byte[]> get = send("GET", "/items/42", null);
        assertThat(get.statusCode()).as(text(get)).isEqualTo(200);
        assertThat(text(get)).isEqualTo("{\"id\": \"42\", \"text\": \"Hello, \\\"moto\\\"\"}");

        // and the item is really in the table: the test's own signed GetItem
        HttpResponse<byte[]> direct = moto.call("dynamodb", "POST", "/", Map.of(
                "X-Amz-Target", "DynamoDB_20120810.GetItem", "Content-Type", "application/x-amz-json-1.0"),
                "{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"42\"}}}".getBytes(StandardCharsets.UTF_8), moto.writer);
        assertThat(new String(direct.body(), StandardCharsets.UTF_8)).contains("\"text\": {\"S\": \"Hello, \\\"moto\\\"\"}");
    }

    @Test
    void sendMessagePutsTheRequestBodyOnTheQueue() throws Exception {
        String message = "{\"order\": 7, \"note\": \"two words & more\"}";
        HttpResponse<byte[]> r = send("POST", "/messages", message);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        // SQS answers the MD5 of the message body as received (SendMessage, MD5OfMessageBody)
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(message.getBytes(StandardCharsets.UTF_8)));
        assertThat(text(r)).contains(md5);

        HttpResponse<byte[]> received = moto.call("sqs", "POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                ("Action=ReceiveMessage&Version=2012-11-05&QueueUrl="
                        + java.net.URLEncoder.encode(queueUrl, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                moto.writer);
        assertThat(new String(received.body(), StandardCharsets.UTF_8))
                .contains("<Body>{&quot;order&quot;: 7, &quot;note&quot;: &quot;two words &amp; more&quot;}</Body>");
    }

    @Test
    void getObjectReturnsTheFilesBytesUnchanged() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/files/logo.png", null, "Accept", "image/png");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.body()).isEqualTo(png);

        HttpResponse<byte[]> missing = send("GET", "/files/nothing.png", null, "Accept", "image/png");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).isEqualTo("{\"message\": \"No such file\"}");
    }

    @Test
    void serviceErrorsGoThroughIntegrationResponseSelection() throws Exception {
        HttpResponse<byte[]> ghost = send("GET", "/ghosts/1", null);
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(text(ghost)).startsWith("{\"error\": \"").contains("ResourceNotFoundException");

        HttpResponse<byte[]> denied = send("PUT", "/readonly/1", "{\"text\": \"x\"}");
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(text(denied)).contains("AccessDenied").contains("is not authorized to perform: dynamodb:PutItem");

        HttpResponse<byte[]> forged = send("PUT", "/forged/1", "{\"text\": \"x\"}");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(text(forged)).contains("SignatureDoesNotMatch");
    }

    @Test
    void testInvokeLogsTheEndpointRequestWithTheSignatureMasked() {
        String resourceId = api.resourceByPath("/items/{id}").orElseThrow().id();
        TestInvokeResult r = gateway.testInvoke(api.id(), resourceId, "GET", TestInvokeRequest.of("/items/42"));

        assertThat(r.log()).contains("Endpoint request URI: " + moto.url() + "/?Action=GetItem\n");
        assertThat(r.log()).containsPattern("Endpoint request headers: \\{.*Authorization=\\*{20,}[0-9a-f]{6}[,}]");
        assertThat(r.log()).contains("X-Amz-Target=DynamoDB_20120810.GetItem");
        assertThat(r.log()).contains("Endpoint request body after transformations: {\"TableName\": \"items\"");
        assertThat(r.log()).doesNotContain(moto.writer.secretAccessKey());
    }
}
