package dev.gatehouse.engine.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The workspace's own token-signing key: an RSA 2048 key pair (RS256) created on first use and kept in
 * {@code .gatehouse/}{@value #FILE_NAME}, the workspace's runtime folder that never goes into git (the folder also
 * gets a {@code .gitignore} of {@code *}, and the file is readable by its owner only). {@link TokenMinter} signs
 * with it; authorizers whose user pool says {@code "localSigningKey": true} ({@link UserPools}) trust its public
 * half. The private key never leaves this file: the definitions, exports and logs only ever see the public JWKS.
 *
 * <p>Thread-safe. Creation is safe across processes: the first writer wins and the others read its key.
 */
public final class LocalSigningKey {

    /** The {@code iss} of minted tokens and the default issuer of a {@code localSigningKey} pool. */
    public static final String ISSUER = "https://gatehouse.localhost/local-user-pool";
    static final String FILE_NAME = "signing-key.jwk.json";

    private final Path file;
    private volatile RSAKey key;

    /** The key of the workspace at {@code workspaceRoot} (created when first needed). */
    public static LocalSigningKey forWorkspace(Path workspaceRoot) {
        return new LocalSigningKey(workspaceRoot.resolve(".gatehouse").resolve(FILE_NAME));
    }

    LocalSigningKey(Path file) {
        this.file = file;
    }

    /** The private key, created now if the workspace has none. @throws UncheckedIOException when it cannot be kept */
    RSAKey privateKey() {
        RSAKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) key = k = loadOrCreate();
            }
        }
        return k;
    }

    /** The public JWK set authorizers verify minted tokens with. */
    public JWKSet publicKeys() {
        return new JWKSet(privateKey().toPublicJWK());
    }

    private RSAKey loadOrCreate() {
        try {
            if (Files.exists(file)) return read();
            Files.createDirectories(file.getParent());
            Path ignore = file.getParent().resolve(".gitignore");
            if (!Files.exists(ignore)) Files.writeString(ignore, "*\n", StandardCharsets.UTF_8);
            RSAKey created = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE).generate();
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the user's profile folder protects it
                }
                Files.writeString(temp, created.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, temp); // atomic, and fails if another process created the key first
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, file); // no hard links here: fails too when the key exists
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return read(); // another process may have won the race: use whatever is on disk now
        } catch (FileAlreadyExistsException e) {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the workspace signing key in " + file + ": " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create an RSA key: " + e.getMessage(), e);
        }
    }

    private RSAKey read() {
        try {
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace signing key " + file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK (delete it to create a new key): " + e.getMessage(), e);
        }
    }

    @Override public String toString() {
        return "LocalSigningKey{" + file + "}"; // never the key
    }
}
