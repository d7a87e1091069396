package dev.gatehouse.tests.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.Gateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample workspace's Guestbook API as the README tour uses it: a copy of the sample, its {@code aws.json}
 * pointed at a local DynamoDB (moto's server here, on a free port instead of 8000), keys from the default chain
 * ({@code aws.accessKeyId}/{@code aws.secretAccessKey}, as {@code AWS_ACCESS_KEY_ID}/... would be), the table
 * created with a plain CreateTable call. Skipped, with a message, when moto is not installed.
 */
class GuestbookSampleTest {

    @TempDir Path temp;
    private MotoServer moto;
    private Gateway gateway;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void serveTheSampleAgainstLocalDynamoDb() throws Exception {
        assumeTrue(MotoServer.available(), "moto is not importable by python3 (install it with "
                + "`python3 -m pip install 'moto[server]'`): the Guestbook sample test is skipped");
        moto = new MotoServer(temp.resolve("moto.log"));
        Path source = Path.of(System.getProperty("gatehouse.repo", "..")).resolve("resources/sample-workspace");
        Path ws = temp.resolve("sample");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = ws.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        // the one line a user changes when their emulator is not on 8000
        String settings = Files.readString(ws.resolve("aws.json"));
        assertThat(settings).contains("\"dynamodb\": \"http://127.0.0.1:8000\"");
        Files.writeString(ws.resolve("aws.json"), settings.replace("http://127.0.0.1:8000", moto.url()));
        System.setProperty("aws.accessKeyId", moto.writer.accessKeyId());
        System.setProperty("aws.secretAccessKey", moto.writer.secretAccessKey());
        System.setProperty("aws.configFile", temp.resolve("no-config").toString());
        System.setProperty("aws.sharedCredentialsFile", temp.resolve("no-credentials").toString());
        gateway = Gateway.open(ws);
        base = "http://127.0.0.1:" + gateway.serve("127.0.0.1", 0).port() + "/restapis/guestbook1/prod/_user_request_";
    }

    @AfterEach
    void stop() {
        if (gateway != null) gateway.close();
        if (moto != null) moto.close();
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.configFile", "aws.sharedCredentialsFile"}) {
            System.clearProperty(p);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signEntriesThenListAndReadThem() throws Exception {
        // before the table exists, DynamoDB's error is selected (4xx) and explained
        HttpResponse<String> noTable = send("GET", "/entries", null);
        assertThat(noTable.statusCode()).isEqualTo(500);
        assertThat(noTable.body()).startsWith("{\"message\": \"The Guestbook table answered ")
                .contains("ResourceNotFoundException");

        HttpResponse<byte[]> created = moto.call("dynamodb", "POST", "/", Map.of(
                "X-Amz-Target", "DynamoDB_20120810.CreateTable", "Content-Type", "application/x-amz-json-1.0"),
                ("{\"TableName\":\"Guestbook\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}").getBytes(StandardCharsets.UTF_8),
                moto.writer);
        assertThat(created.statusCode()).isEqualTo(200);

        HttpResponse<String> ada = send("POST", "/entries", "{\"name\": \"Ada\", \"message\": \"Hello \\\"world\\\"\"}");
        assertThat(ada.statusCode()).as(ada.body()).isEqualTo(201);
        String adaId = json.readTree(ada.body()).get("id").asText();
        assertThat(adaId).matches("[0-9a-f-]{36}");
        HttpResponse<String> bob = send("POST", "/entries", "{\"name\": \"Bob\", \"message\": \"Hi\"}");
        assertThat(bob.statusCode()).isEqualTo(201);

        HttpResponse<String> list = send("GET", "/entries", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode entries = json.readTree(list.body()).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.findValuesAsText("name")).containsExactlyInAnyOrder("Ada", "Bob");
        assertThat(entries.findValues("createdAt")).allMatch(JsonNode::isNumber);

        HttpResponse<String> one = send("GET", "/entries/" + adaId, null);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode entry = json.readTree(one.body());
        assertThat(entry.get("name").asText()).isEqualTo("Ada");
        assertThat(entry.get("message").asText()).isEqualTo("Hello \"world\"");
    }
}
