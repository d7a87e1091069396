package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
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
        CliQuotaFixture.Key key = CliQuotaFixture.createKey(ws, "partner");
        CliQuotaFixture.createPlanWithKey(ws, "gold", 2, "partner");
        Cli.Result listed = Cli.run("api-key", "list", "-w", ws.toString());
        assertThat(listed.stdout()).contains(key.id() + "\tpartner\tenabled\t").doesNotContain(key.value());

        try (CliQuotaFixture.Served engine = CliQuotaFixture.serveKeyedPetStore(ws, key)) {
            assertThat(engine.send().statusCode()).isEqualTo(200);
            assertThat(engine.send().statusCode()).isEqualTo(200);
            assertThat(engine.answer()).isEqualTo("429 {\"message\":\"Limit Exceeded\"}");
        }

        Cli.Result usage = Cli.run("usage-plan", "usage", "gold", "-w", ws.toString());
        assertThat(usage.exitCode()).as(usage.stderr()).isZero();
        JsonNode report = new ObjectMapper().readTree(usage.stdout());
        assertThat(report.path("values").path(key.id()).toString()).isEqualTo("[[2,0]]");
        assertThat(report.path("usagePlanId").asText()).isNotEmpty();
        assertThat(report.path("startDate").asText()).isEqualTo(report.path("endDate").asText());
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
