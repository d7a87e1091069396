package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a COGNITO_USER_POOLS authorizer's tokens come from locally: the workspace file {@value #FILE} maps each
 * user pool ARN an authorizer names in {@code providerARNs} to the issuer and keys that stand in for that pool.
 * The file holds no secret (issuers, key URLs, public key files), so it lives in git beside the definitions:
 *
 * <pre>
 * {
 *   "userPools": {
 *     "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdE": {
 *       "issuer": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdE",
 *       "jwksUrl": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdE/.well-known/jwks.json",
 *       "audiences": ["3n4b5urk1ft4fl3mg5e62d9ado"]
 *     },
 *     "arn:aws:cognito-idp:us-east-1:123456789012:userpool/test-users": {
 *       "issuer": "https://idp.example.test", "jwksFile": "keys/test-users.jwks.json"
 *     },
 *     "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local": { "localSigningKey": true }
 *   }
 * }
 * </pre>
 *
 * Each pool names exactly one key source: {@code jwksUrl} (fetched and cached; fetched again for an unknown
 * {@code kid}), {@code jwksFile} (a JWK set, relative to the workspace folder, read again when it changes) or
 * {@code localSigningKey: true} (the workspace's own key that {@code gatehouse token mint} signs with; its issuer is
 * {@link LocalSigningKey#ISSUER} unless {@code issuer} says otherwise). {@code issuer} must equal the token's
 * {@code iss}. {@code audiences}, when given, must contain the token's {@code aud} (ID tokens) or
 * {@code client_id} (access tokens), as the pool's app clients would. Immutable.
 *
 * @param pools by user pool ARN
 */
public record UserPools(Map<String, Pool> pools) {

    /** The file's name in the workspace folder. */
    public static final String FILE = "user-pools.json";

    public static final UserPools NONE = new UserPools(Map.of());

    /** One pool's stand-in: exactly one of {@code jwksUrl}, {@code jwksFile}, {@code localSigningKey}. */
    public record Pool(String arn, String issuer, String jwksUrl, Path jwksFile, boolean localSigningKey,
                       List<String> audiences) {
        public Pool {
            audiences = List.copyOf(audiences);
        }
    }

    public UserPools {
        pools = Map.copyOf(pools);
    }

    public Optional<Pool> pool(String arn) {
        return Optional.ofNullable(pools.get(arn));
    }

    /**
     * Reads {@code file}; {@code jwksFile} paths resolve against {@code workspaceRoot}.
     *
     * @throws IllegalArgumentException naming the file and the pool when the document is not of the shape above
     */
    public static UserPools read(Path file, Path workspaceRoot) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new IllegalArgumentException(file + " is not valid JSON: " + j.getOriginalMessage(), e);
            }
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(root, file.toString(), workspaceRoot);
    }

    static UserPools parse(JsonNode root, String source, Path workspaceRoot) {
        if (root == null || !root.isObject() || !root.path("userPools").isObject()) {
            throw new IllegalArgumentException(source + ": expected {\"userPools\": {\"<user pool ARN>\": {...}}}");
        }
        Map<String, Pool> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("userPools").properties()) {
            String where = source + ": userPools[\"" + e.getKey() + "\"]";
            JsonNode p = e.getValue();
            if (!p.isObject()) throw new IllegalArgumentException(where + " must be an object");
            String url = text(p, "jwksUrl", where);
            String fileName = text(p, "jwksFile", where);
            boolean local = p.path("localSigningKey").asBoolean(false);
            int sources = (url != null ? 1 : 0) + (fileName != null ? 1 : 0) + (local ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException(where + " needs exactly one of jwksUrl, jwksFile, localSigningKey");
            }
            String issuer = text(p, "issuer", where);
            if (issuer == null && local) issuer = LocalSigningKey.ISSUER;
            if (issuer == null) throw new IllegalArgumentException(where + " needs an issuer (the tokens' iss)");
            if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException(where + ".jwksUrl must be an http or https URL: " + url);
            }
            List<String> audiences = new ArrayList<>();
            JsonNode a = p.get("audiences");
            if (a != null && !a.isNull()) {
                if (!a.isArray()) throw new IllegalArgumentException(where + ".audiences must be an array of strings");
                for (JsonNode one : a) audiences.add(one.asText());
            }
            out.put(e.getKey(), new Pool(e.getKey(), issuer, url,
                    fileName == null ? null : workspaceRoot.resolve(fileName).normalize(), local, audiences));
        }
        return new UserPools(out);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
        return v.asText();
    }
}
