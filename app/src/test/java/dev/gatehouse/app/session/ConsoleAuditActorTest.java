package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's edits reach the audit trail as {@code console:<OS user>}, and the Audit page reads them back. */
class ConsoleAuditActorTest {
    private static final String USER = System.getProperty("user.name", "unknown");

    @AfterEach
    void restoreTheEnginesDefault() {
        Gateway.nameAuditActor("engine");
    }

    @Test
    void anEditMadeAfterTheConsoleNamedItselfIsAuditedAsConsole() throws Exception {
        EngineTools.auditAsConsole();
        try (Harness h = Harness.empty()) {
            h.createMockApi("Audited", "{}");
            Path trail = h.folder.resolve(".gatehouse/audit.jsonl");
            List<String> lines = Files.readAllLines(trail);
            assertThat(lines).isNotEmpty();
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.path("userIdentity").asText()).isEqualTo("console:" + USER);
                assertThat(entry.path("eventSource").asText()).isEqualTo("console");
            }
            List<Observations.AuditEntry> read = h.session().observations().audit(null);
            assertThat(read).hasSameSizeAs(lines);
            assertThat(read).allSatisfy(e -> assertThat(e.actor()).isEqualTo("console:" + USER));
            assertThat(read.getLast().changes()).isNotEmpty();
        }
    }

    @Test
    void withoutItTheEditsAreTheEnginesAsBefore() throws Exception {
        try (Harness h = Harness.empty()) {
            h.createMockApi("Plain", "{}");
            String last = Files.readAllLines(h.folder.resolve(".gatehouse/audit.jsonl")).getLast();
            assertThat(new ObjectMapper().readTree(last).path("userIdentity").asText()).isEqualTo("engine:" + USER);
        }
    }
}
