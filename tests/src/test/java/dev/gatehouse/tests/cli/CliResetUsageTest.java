package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.workspace.Edit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse usage-plan reset-usage PLAN KEY [--remaining N]} through the real launcher, while an engine serves
 * the workspace: the engine takes the new remaining quota up from the workspace's usage store (within a second) and
 * admits exactly that many more calls before AWS's 429 {"message":"Limit Exceeded"} (aws-reference §1.11). Without
 * {@code --remaining} the key gets the plan's whole limit back. Keys and plans are named by name.
 */
class CliResetUsageTest {

    private static final String EXCEEDED = "429 {\"message\":\"Limit Exceeded\"}";

    @TempDir Path temp;

    @Test
    void resetUsageGivesAnExhaustedKeyItsRemainingQuotaBackOnARunningEngine() throws Exception {
        Path ws = Cli.copyOfSampleWorkspace(temp.resolve("ws"));
        Cli.Result created = Cli.run("api-key", "create", "partner", "-w", ws.toString());
        Matcher m = Pattern.compile("\\(id (\\w+), enabled\\): (\\w{40})").matcher(created.stdout());
        assertThat(m.find()).as(created.stdout()).isTrue();
        String keyId = m.group(1);
        String value = m.group(2);
        assertThat(Cli.run("api-key", "create", "outsider", "-w", ws.toString()).exitCode()).isZero();
        assertThat(Cli.run("usage-plan", "create", "gold", "--api", "PetStore", "--stage", "prod", "--quota", "2",
                "--period", "DAY", "-w", ws.toString()).exitCode()).isZero();
        assertThat(Cli.run("usage-plan", "add-key", "gold", "partner", "-w", ws.toString()).exitCode()).isZero();

        try (Gateway gateway = Gateway.open(ws)) {
            ApiDefinition petStore = gateway.workspace().apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow();
            gateway.history().apply(Edit.replaceApi(petStore.updateResource(petStore.root().id(),
                    r -> r.withMethod(r.method("GET").withApiKeyRequired(true)))));
            gateway.deploy(petStore.id(), "prod", "keys");
            gateway.serve("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest call = HttpRequest.newBuilder(URI.create(gateway.invokeUrl(petStore.id(), "prod") + "/"))
                    .header("x-api-key", value).build();
            for (int i = 0; i < 2; i++) assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(answer(http, call)).isEqualTo(EXCEEDED);
            Thread.sleep(1500); // the serving engine saves its counts once a second; the CLI reads them from the store

            Cli.Result reset = Cli.run("usage-plan", "reset-usage", "gold", "partner", "--remaining", "1", "-w", ws.toString());
            assertThat(reset.exitCode()).as(reset.stderr()).isZero();
            assertThat(reset.stderr()).contains("API key partner (" + keyId + ") has 1 request left in usage plan gold");
            JsonNode usage = new ObjectMapper().readTree(reset.stdout());
            assertThat(usage.path("values").path(keyId).toString()).as("[used, remaining] today").isEqualTo("[[2,1]]");
            assertThat(awaitAdmitted(http, call)).as("the running engine takes the reset up").isTrue();
            assertThat(answer(http, call)).isEqualTo(EXCEEDED);
            Thread.sleep(1500);

            Cli.Result full = Cli.run("usage-plan", "reset-usage", "gold", keyId, "-w", ws.toString());
            assertThat(full.exitCode()).as(full.stderr()).isZero();
            assertThat(new ObjectMapper().readTree(full.stdout()).path("values").path(keyId).toString()).isEqualTo("[[3,2]]");
            assertThat(awaitAdmitted(http, call)).isTrue();
            assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(answer(http, call)).isEqualTo(EXCEEDED);
        }

        Cli.Result outsider = Cli.run("usage-plan", "reset-usage", "gold", "outsider", "-w", ws.toString());
        assertThat(outsider.exitCode()).isNotZero();
        assertThat(outsider.stderr()).contains("API key outsider (").contains(") is not in usage plan gold");
        Cli.Result negative = Cli.run("usage-plan", "reset-usage", "gold", "partner", "--remaining", "-3", "-w", ws.toString());
        assertThat(negative.exitCode()).isNotZero();
        assertThat(negative.stderr()).contains("--remaining must be 0 or more, not -3");
    }

    private static String answer(HttpClient http, HttpRequest call) throws Exception {
        HttpResponse<String> r = http.send(call, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    /** Calls until one is admitted (the engine reads the store once a second); false after 10 s. */
    private static boolean awaitAdmitted(HttpClient http, HttpRequest call) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return true;
            Thread.sleep(100);
        }
        return false;
    }
}
