package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user pool that stands for the workspace's own signing key in {@value UserPools#FILE}
 * ({@code {"localSigningKey": true}}), so a COGNITO_USER_POOLS authorizer naming {@link #ARN} trusts the tokens
 * {@code gatehouse token mint} and the console's token minter sign. Called by the console's session on a background
 * thread; not safe against a concurrent writer of the same file.
 */
public final class LocalUserPool {

    /** The pool ARN the console offers for "the workspace key". */
    public static final String ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local";

    private LocalUserPool() {}

    /**
     * Adds {@link #ARN} with {@code localSigningKey: true} to the workspace's pools file unless a pool of that ARN is
     * there; other pools are kept as written. Returns the ARN.
     *
     * @throws IllegalArgumentException when the file is not a JSON object with a {@code userPools} object (it is left
     *                                  as it is)
     */
    public static String trust(Path workspaceRoot) {
        Path file = workspaceRoot.resolve(UserPools.FILE);
        try {
            ObjectNode root = Files.exists(file) ? object(Json.mapper().readTree(Files.readString(file)), file)
                    : Json.mapper().createObjectNode();
            JsonNode pools = root.get("userPools");
            if (pools != null && !pools.isObject()) throw new IllegalArgumentException(file + ": \"userPools\" is not an object");
            ObjectNode p = pools == null ? root.putObject("userPools") : (ObjectNode) pools;
            if (!p.has(ARN)) {
                p.putObject(ARN).put("localSigningKey", true);
                Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                        StandardCharsets.UTF_8);
            }
            return ARN;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    /** The pool ARNs the workspace's pools file names, in file order; empty when there is no file. */
    public static List<String> arns(Path workspaceRoot) {
        Path file = workspaceRoot.resolve(UserPools.FILE);
        if (!Files.exists(file)) return List.of();
        try {
            JsonNode pools = object(Json.mapper().readTree(Files.readString(file)), file).path("userPools");
            List<String> out = new ArrayList<>();
            pools.fieldNames().forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(JsonNode node, Path file) {
        if (!(node instanceof ObjectNode o)) throw new IllegalArgumentException(file + " is not a JSON object");
        return o;
    }
}
