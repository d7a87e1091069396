package dev.gatehouse.engine.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.workspace.AtomicFiles;
import dev.gatehouse.engine.workspace.JsonErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The account settings UpdateAccount changes ({@code cloudwatchRoleArn}, {@code features}), kept in
 * {@code .gatehouse/account.json} of the workspace the control plane serves, so they outlive the engine process as
 * AWS's account settings outlive a session. Runtime data beside the writer lock and the usage counters, not a
 * definition: it is git-ignored with the rest of {@code .gatehouse/} and is not a workspace edit.
 *
 * <p>Read on every GetAccount (another engine on the same workspace may have changed it); written atomically
 * (temp file, fsync, rename). Called from control-plane request threads; {@link #update} is serialised per
 * instance. A file that cannot be read is reported with its path, line and column and never overwritten.
 */
final class AccountFile {
    static final String NAME = "account.json";

    private final Path file;

    /** @param workspaceRoot the workspace's folder; the file lives in its {@code .gatehouse/} */
    AccountFile(Path workspaceRoot) {
        this.file = workspaceRoot.resolve(".gatehouse").resolve(NAME);
    }

    /** The stored settings, or AWS's defaults for a new account (no role, feature {@code UsagePlans}). */
    AccountRoutes.Settings read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return AccountRoutes.Settings.DEFAULTS;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the account settings " + file + ": " + e.getMessage(), e);
        }
        JsonNode node;
        try {
            node = Call.READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw broken("unreadable: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) throw broken("the document must be a JSON object");
        JsonNode role = node.get("cloudwatchRoleArn");
        if (role != null && !role.isNull() && !role.isTextual()) throw broken("cloudwatchRoleArn must be a string");
        JsonNode features = node.get("features");
        if (features != null && !features.isArray()) throw broken("features must be an array of strings");
        List<String> list = new ArrayList<>();
        if (features == null) {
            list.addAll(AccountRoutes.Settings.DEFAULTS.features());
        } else {
            for (JsonNode f : features) {
                if (!f.isTextual()) throw broken("features must be an array of strings");
                list.add(f.asText());
            }
        }
        return new AccountRoutes.Settings(role == null || role.isNull() ? null : role.asText(), list);
    }

    /** Reads, applies {@code change} and writes the result back, atomically; returns what was written. */
    synchronized AccountRoutes.Settings update(java.util.function.UnaryOperator<AccountRoutes.Settings> change) {
        AccountRoutes.Settings next = change.apply(read());
        ObjectNode node = Call.READER.createObjectNode();
        if (next.cloudwatchRoleArn() != null) node.put("cloudwatchRoleArn", next.cloudwatchRoleArn());
        next.features().forEach(node.putArray("features")::add);
        try {
            AtomicFiles.write(file, (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the account settings " + file + ": " + e.getMessage(), e);
        }
        return next;
    }

    /** A 500 naming the file: the engine's own data is broken, not the request; the caller can fix the file. */
    private ControlException broken(String why) {
        return new ControlException(500, "InternalServerErrorException", "The account settings " + file + " are " + (why.startsWith("unreadable")
                ? why : "not valid: " + why) + " (fix or delete the file; it is not overwritten)");
    }
}
