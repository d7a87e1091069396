package dev.gatehouse.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API key values, kept out of the git-tracked definitions: one file per key, {@code .gatehouse/secrets/apikeys/{id}},
 * holding the value (UTF-8, nothing else). {@code .gatehouse/} is runtime data the workspace git-ignores; the
 * {@code secrets} folder is {@code 0700} and each file {@code 0600} where the file system has POSIX permissions, so
 * only the owner reads them. The definition {@code apikeys/{id}.json} keeps the value's SHA-256 ({@link #sha256}),
 * which tells whether the secret found here is the key's. Writes are atomic ({@link AtomicFiles}); called by the
 * workspace's reader and writer (under its writer lock for writes). Not thread-safe on its own.
 */
final class ApiKeySecrets {

    static final Path FOLDER = Path.of(Layout.RUNTIME, "secrets", "apikeys");

    private final Path root;

    ApiKeySecrets(Path workspaceRoot) {
        this.root = workspaceRoot;
    }

    /** Where key {@code id}'s value lives, relative to the workspace. */
    static Path relativeFile(String id) {
        return FOLDER.resolve(Layout.apiKeyFile(id).getFileName().toString().replaceFirst("\\.json$", ""));
    }

    /** The stored value, or null when there is none. @throws IOException when it exists but cannot be read */
    String read(String id) throws IOException {
        try {
            return new String(Files.readAllBytes(root.resolve(relativeFile(id))), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Stores {@code value} (owner-only), replacing any previous one; nothing is written when it is already there. */
    void write(String id, String value) throws IOException {
        Path file = root.resolve(relativeFile(id));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) return;
        Path secrets = root.resolve(FOLDER.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        AtomicFiles.ensureDirectory(file.getParent());
        // owner-only folders first: the temp file AtomicFiles writes inside is never readable by others
        if (posix) {
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
        AtomicFiles.write(file, bytes);
        if (posix) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** Removes the stored value, if any. */
    void delete(String id) throws IOException {
        AtomicFiles.delete(root.resolve(relativeFile(id)));
    }

    /** Lower-case hex SHA-256 of the value's UTF-8 bytes. */
    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
