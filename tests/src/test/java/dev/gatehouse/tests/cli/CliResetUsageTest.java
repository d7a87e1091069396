package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
        CliQuotaFixture.Key key = CliQuotaFixture.createKey(ws, "partner");
        CliQuotaFixture.createKey(ws, "outsider");
        CliQuotaFixture.createPlanWithKey(ws, "gold", 2, "partner");
        String keyId = key.id();

        try (CliQuotaFixture.Served engine = CliQuotaFixture.serveKeyedPetStore(ws, key)) {
            for (int i = 0; i < 2; i++) assertThat(engine.send().statusCode()).isEqualTo(200);
            assertThat(engine.answer()).isEqualTo(EXCEEDED);
            Thread.sleep(1500); // the serving engine saves its counts once a second; the CLI reads them from the store

            Cli.Result reset = Cli.run("usage-plan", "reset-usage", "gold", "partner", "--remaining", "1", "-w", ws.toString());
            assertThat(reset.exitCode()).as(reset.stderr()).isZero();
            assertThat(reset.stderr()).contains("API key partner (" + keyId + ") has 1 request left in usage plan gold");
            JsonNode usage = new ObjectMapper().readTree(reset.stdout());
            assertThat(usage.path("values").path(keyId).toString()).as("[used, remaining] today").isEqualTo("[[2,1]]");
            assertThat(awaitAdmitted(engine)).as("the running engine takes the reset up").isTrue();
            assertThat(engine.answer()).isEqualTo(EXCEEDED);
            Thread.sleep(1500);

            Cli.Result full = Cli.run("usage-plan", "reset-usage", "gold", keyId, "-w", ws.toString());
            assertThat(full.exitCode()).as(full.stderr()).isZero();
            assertThat(new ObjectMapper().readTree(full.stdout()).path("values").path(keyId).toString()).isEqualTo("[[3,2]]");
            assertThat(awaitAdmitted(engine)).isTrue();
            assertThat(engine.send().statusCode()).isEqualTo(200);
            assertThat(engine.answer()).isEqualTo(EXCEEDED);
        }

        Cli.Result outsider = Cli.run("usage-plan", "reset-usage", "gold", "outsider", "-w", ws.toString());
        assertThat(outsider.exitCode()).isNotZero();
        assertThat(outsider.stderr()).contains("API key outsider (").contains(") is not in usage plan gold");
        Cli.Result negative = Cli.run("usage-plan", "reset-usage", "gold", "partner", "--remaining", "-3", "-w", ws.toString());
        assertThat(negative.exitCode()).isNotZero();
        assertThat(negative.stderr()).contains("--remaining must be 0 or more, not -3");
    }

    /** Calls until one is admitted (the engine reads the store once a second); false after 10 s. */
    private static boolean awaitAdmitted(CliQuotaFixture.Served engine) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.send().statusCode() == 200) return true;
            Thread.sleep(100);
        }
        return false;
    }
}
