package dev.gatehouse.tests.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The npm dependencies of a generated JavaScript SDK, installed once per distinct dependency set under
 * {@code tests/target/sdk-node-cache/<hash>/node_modules} and linked into each generated SDK folder, so only the first
 * run pays for {@code npm install} (about 30 s for Babel and superagent).
 */
final class NodeDeps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeDeps() {}

    /** Gives {@code sdkFolder} a {@code node_modules} with everything its package.json names. */
    static void install(Path sdkFolder) throws IOException, InterruptedException {
        ObjectNode pkg = (ObjectNode) JSON.readTree(sdkFolder.resolve("package.json").toFile());
        ObjectNode deps = JSON.createObjectNode();
        deps.setAll((ObjectNode) pkg.path("dependencies"));
        deps.setAll((ObjectNode) pkg.path("devDependencies"));
        Path cache = Path.of("target", "sdk-node-cache", sha256(deps.toString())).toAbsolutePath();
        Path modules = cache.resolve("node_modules");
        if (!Files.isRegularFile(modules.resolve(".package-lock.json"))) {
            Files.createDirectories(cache);
            ObjectNode manifest = JSON.createObjectNode().put("name", "sdk-deps").put("private", true);
            manifest.set("dependencies", deps);
            Files.writeString(cache.resolve("package.json"), manifest.toString(), StandardCharsets.UTF_8);
            Processes.runOk(cache, 300, "npm", "install", "--no-audit", "--no-fund", "--ignore-scripts",
                    "--loglevel=error");
        }
        Path link = sdkFolder.resolve("node_modules");
        if (!Files.exists(link)) Files.createSymbolicLink(link, modules);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
