package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.observe.AuditTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse audit [--since WHEN]}: the workspace's audit trail of administrative actions (who, when, what,
 * before/after), oldest first; {@code --output json} prints the entries as JSON lines (an export).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show the audit trail of administrative actions.")
final class AuditCommand implements Callable<Integer> {

    @Option(names = "--since", paramLabel = "WHEN", description = "30s, 10m, 1h, 7d or an ISO time (default: everything).")
    String since;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (JSON lines).")
    String output;

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        if (!output.equals("text") && !output.equals("json")) throw CliErrors.of("--output must be text or json, not '" + output + "'");
        Path root = workspace.dir.toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("workspace.json"))) throw WorkspaceOption.noWorkspace(root);
        AuditTrail trail = AuditTrail.ofWorkspace(root);
        List<JsonNode> entries = trail.read(since == null ? null : SinceOption.parse(since, Instant.now()));
        if (entries.isEmpty()) { // say so on stderr: stdout stays a clean (empty) export
            System.err.println("note: no administrative actions recorded in " + root
                    + (since == null ? "" : " in the last " + since.strip()) + " (edits, deploys, key changes and"
                    + " pushes from the console, the CLI and the control plane are recorded)");
        }
        for (JsonNode e : entries) {
            if (output.equals("json")) {
                System.out.println(e);
                continue;
            }
            System.out.printf("%s  %-22s %-24s %s%n", e.path("eventTime").asText(), e.path("userIdentity").asText(),
                    e.path("eventName").asText(), e.path("resource").asText());
            for (JsonNode c : e.path("changes")) {
                System.out.println("    " + c.path("path").asText() + ": " + c.path("before") + " -> " + c.path("after"));
            }
        }
        return 0;
    }
}
