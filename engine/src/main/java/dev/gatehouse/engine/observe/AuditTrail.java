package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.workspace.WorkspaceEvent;
import dev.gatehouse.engine.workspace.WorkspaceListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of administrative actions, CloudTrail-like: one JSON line per change in
 * {@code .gatehouse/audit.jsonl} with {@code eventTime}, {@code userIdentity} ({@link AuditActor}),
 * {@code eventName} (AWS's operation: {@code CreateDeployment}, {@code UpdateStage}, {@code CreateApiKey}, and for an
 * API's edits the call that would have made it, {@code CreateResource}, {@code PutMethod}, ...: {@link AuditEventNames}),
 * {@code resource}, the workspace {@code revision} and the {@code changes} (JSON Pointer, before, after; API key
 * values masked). Append-only: the file is only ever opened for appending, each line written whole under a file
 * lock (other processes append too) and forced to disk before the edit returns.
 *
 * <p>As a {@link WorkspaceListener} it records the edits this process applies; changes another process made and
 * this one only reloads from disk are left to that process's trail entry (so nothing is recorded twice).
 * Other actions (a push to AWS, say) call {@link #record} themselves.
 */
public final class AuditTrail implements WorkspaceListener {

    public static final String FILE = "audit.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ObjectMapper MAPPER = Json.mapper();
    /** The thread on which a workspace announces what it reloaded from disk (see Workspace.followDisk). */
    private static final String FOLLOWER_THREAD = "gatehouse-workspace-follower";

    private final Path file;
    private final Clock clock;

    public AuditTrail(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The trail of the workspace at {@code root}. */
    public static AuditTrail ofWorkspace(Path root) {
        return new AuditTrail(root.resolve(".gatehouse").resolve(FILE), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override public void onEvent(WorkspaceEvent event) {
        if (Thread.currentThread().getName().equals(FOLLOWER_THREAD)) return;
        try {
            switch (event) {
                case WorkspaceEvent.ApiChanged e -> record(AuditActor.current(), AuditEventNames.of(e.before(), e.after()),
                        e.apiId(), e.revision(), tree(e.before()), tree(e.after()));
                case WorkspaceEvent.StageChanged e -> change("Stage", e.apiId() + "/stages/" + e.stageName(), e.revision(),
                        e.before(), e.after());
                case WorkspaceEvent.DeploymentCreated e -> record(AuditActor.current(), "CreateDeployment",
                        e.apiId() + "/deployments/" + e.deployment().deployment().id(), e.revision(), null,
                        MAPPER.valueToTree(e.deployment().deployment()));
                case WorkspaceEvent.DeploymentDescribed e -> record(AuditActor.current(), "UpdateDeployment",
                        e.apiId() + "/deployments/" + e.after().deployment().id(), e.revision(),
                        MAPPER.valueToTree(e.before().deployment()), MAPPER.valueToTree(e.after().deployment()));
                case WorkspaceEvent.DeploymentRemoved e -> record(AuditActor.current(), "DeleteDeployment",
                        e.apiId() + "/deployments/" + e.deployment().deployment().id(), e.revision(),
                        MAPPER.valueToTree(e.deployment().deployment()), null);
                case WorkspaceEvent.ApiKeyChanged e -> change("ApiKey", "apikeys/" + e.id(), e.revision(), e.before(), e.after());
                case WorkspaceEvent.UsagePlanChanged e -> change("UsagePlan", "usageplans/" + e.id(), e.revision(), e.before(), e.after());
                case WorkspaceEvent.DomainNameChanged e -> change("DomainName", "domainnames/" + e.domainName(), e.revision(),
                        e.before(), e.after());
                case WorkspaceEvent.SettingsChanged e -> change("WorkspaceSettings", "settings", e.revision(), e.before(), e.after());
            }
        } catch (RuntimeException e) {
            // the edit is on disk already; a trail that cannot be written must not undo it, but must be heard
            LOG.error("audit trail {} could not record {}: {}", file, event.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void change(String kind, String resource, long revision, Object before, Object after) {
        String verb = before == null ? "Create" : after == null ? "Delete" : "Update";
        record(AuditActor.current(), verb + kind, resource, revision, tree(before), tree(after));
    }

    private static JsonNode tree(Object value) {
        if (value == null) return null;
        return JsonDiff.maskMember(MAPPER.valueToTree(value), "value");
    }

    /**
     * Appends one entry and forces it to disk. {@code before}/{@code after} are the resource's JSON before and
     * after (either may be null). @throws UncheckedIOException when the file cannot be written
     */
    public void record(String actor, String eventName, String resource, long revision, JsonNode before, JsonNode after) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("eventTime", Instant.now(clock).toString());
        line.put("eventSource", actor.contains(":") ? actor.substring(0, actor.indexOf(':')) : actor);
        line.put("userIdentity", actor);
        line.put("eventName", eventName);
        line.put("resource", resource);
        if (revision >= 0) line.put("revision", revision);
        line.set("changes", JsonDiff.of(before, after));
        append(line.toString());
    }

    private void append(String json) {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit trail " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entries from {@code since} on (all when null), oldest first. A line that is not JSON (a torn last line
     * after a crash) is skipped with a warning.
     */
    public List<JsonNode> read(Instant since) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (IOException e) {
                    LOG.warn("audit trail {}: skipped a line that is not JSON", file);
                    continue;
                }
                if (since != null && Instant.parse(node.path("eventTime").asText()).isBefore(since)) continue;
                out.add(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
