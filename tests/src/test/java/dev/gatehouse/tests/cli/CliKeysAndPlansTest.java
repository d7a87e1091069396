package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.workspace.Edit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse api-key} and {@code gatehouse usage-plan} through the real launcher: a key and a plan made on the
 * command line admit calls on a served stage up to the plan's quota, and {@code usage-plan usage} reports them in
 * AWS's GetUsage shape ({@code values: {keyId: [[used, remaining]]}}, aws-reference §1.11).
 */
class CliKeysAndPlansTest {

    @TempDir Path temp;

    @Test
    void aKeyAndAPlanMadeOnTheCommandLineAdmitCallsUpToTheQuotaAndReportUsage() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Cli.Result created = Cli.run("api-key", "create", "partner", "-w", ws.toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        Matcher m = Pattern.compile("\\(id (\\w+), enabled\\): (\\w{40})").matcher(created.stdout());
        assertThat(m.find()).as(created.stdout()).isTrue();
        String keyId = m.group(1);
        String value = m.group(2);

        assertThat(Cli.run("usage-plan", "create", "gold", "--api", "PetStore", "--stage", "prod", "--quota", "2",
                "--period", "DAY", "-w", ws.toString()).exitCode()).isZero();
        Cli.Result added = Cli.run("usage-plan", "add-key", "gold", "partner", "-w", ws.toString());
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        Cli.Result listed = Cli.run("api-key", "list", "-w", ws.toString());
        assertThat(listed.stdout()).contains(keyId + "\tpartner\tenabled\t").doesNotContain(value);

        try (Gateway gateway = Gateway.open(ws)) {
            ApiDefinition petStore = gateway.workspace().apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow();
            gateway.history().apply(Edit.replaceApi(petStore.updateResource(petStore.root().id(),
                    r -> r.withMethod(r.method("GET").withApiKeyRequired(true)))));
            gateway.deploy(petStore.id(), "prod", "keys");
            gateway.serve("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest call = HttpRequest.newBuilder(URI.create(gateway.invokeUrl(petStore.id(), "prod") + "/"))
                    .header("x-api-key", value).build();
            assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> third = http.send(call, HttpResponse.BodyHandlers.ofString());
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        }

        Cli.Result usage = Cli.run("usage-plan", "usage", "gold", "-w", ws.toString());
        assertThat(usage.exitCode()).as(usage.stderr()).isZero();
        JsonNode report = new ObjectMapper().readTree(usage.stdout());
        assertThat(report.path("values").path(keyId).toString()).isEqualTo("[[2,0]]");
    }

    @Test
    void anImportedKeyShorterThanTwentyCharactersIsRefusedInAwsWords() throws Exception {
        Path ws = sampleWorkspaceCopy();
        Cli.Result r = Cli.run("api-key", "create", "short", "--value", "tooshort", "-w", ws.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("API Key value should be at least 20 characters");
    }

    private Path sampleWorkspaceCopy() throws IOException {
        return Cli.copyOfSampleWorkspace(temp.resolve("ws"));
    }
}
