package dev.gatehouse.engine.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes: a crash (process killed, power lost after the call returned) leaves the target holding
 * either its old or its new content, never a mix. The protocol is the classic one: write a temp file in the same
 * folder, fsync it, rename it over the target atomically, fsync the folder so the rename itself is durable.
 *
 * <p>Temp files are named {@code .<target name>.<random>.tmp}; a crash between the write and the rename leaves one
 * behind. {@link #isTempFile} recognises them so that readers never take one for content, and the workspace
 * deletes them when it opens for editing ({@link #deleteTempFiles}).
 *
 * <p>Stateless and thread-safe, but writes to the same target must be serialised by the caller (the workspace's
 * writer lock does that). Every method fails with the {@link IOException} of the step that failed; on failure the
 * temp file is removed and the target is untouched.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /** Replaces (or creates) {@code target} with {@code content}, atomically and durably. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = parentOf(target);
        ensureDirectory(dir);
        Path temp = writeTemp(dir, target, content);
        try {
            moveAtomically(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * Creates {@code target} with {@code content}, refusing to replace an existing file with different content
     * ({@link FileAlreadyExistsException}); identical existing content is accepted as already written. For
     * immutable files such as deployments. The no-replace guarantee holds against other writers too: the file
     * appears through {@code link(2)}, which fails if the name exists (on file systems without hard links the
     * check and the rename are two steps, which the workspace's writer lock makes safe).
     */
    public static void writeOnce(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            if (Arrays.equals(Files.readAllBytes(target), content)) return;
            throw new FileAlreadyExistsException(target.toString(), null, "immutable file exists with other content");
        }
        Path dir = parentOf(target);
        ensureDirectory(dir);
        Path temp = writeTemp(dir, target, content);
        try {
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here (or an I/O error reported for them): check, then rename
                if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
                moveAtomically(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Deletes {@code target} if it exists and makes the deletion durable; true if a file was deleted. */
    public static boolean delete(Path target) throws IOException {
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) syncDirectory(parentOf(target));
        return deleted;
    }

    /** Removes {@code dir} if it is empty (durably); a folder that still holds anything is left alone. */
    public static void deleteDirectoryIfEmpty(Path dir) throws IOException {
        try {
            if (Files.deleteIfExists(dir)) syncDirectory(parentOf(dir));
        } catch (DirectoryNotEmptyException e) {
            // the user keeps something of their own there: leave it
        }
    }

    /** True for the temp files {@link #write} and {@link #writeOnce} leave behind when interrupted. */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX) && name.length() > TEMP_SUFFIX.length() + 1;
    }

    /**
     * Deletes the leftover temp files directly inside {@code dir} and returns them. Only for a caller that holds
     * the folder's writer lock: another writer's temp file may be in flight otherwise.
     */
    public static List<Path> deleteTempFiles(Path dir) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) return deleted;
        try (var entries = Files.newDirectoryStream(dir, p -> isTempFile(p) && Files.isRegularFile(p))) {
            for (Path p : entries) {
                if (Files.deleteIfExists(p)) deleted.add(p);
            }
        }
        if (!deleted.isEmpty()) syncDirectory(dir);
        return deleted;
    }

    /**
     * Creates {@code dir} and any missing parents, syncing each parent after a child appears in it, so that a
     * file written into a new folder is still reachable after a crash.
     */
    static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = parentOf(dir);
        ensureDirectory(parent);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
            return;
        }
        syncDirectory(parent);
    }

    /**
     * Makes a folder's entries (renames, new and deleted files) durable. Some platforms (Windows) cannot open a
     * folder as a channel; there the rename is as durable as the OS makes it and this does nothing.
     */
    static void syncDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on a folder (EINVAL); the rename has been issued all the same.
        }
    }

    private static Path writeTemp(Path dir, Path target, byte[] content) throws IOException {
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
    }

    private static Path parentOf(Path file) throws NoSuchFileException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) throw new NoSuchFileException(file.toString(), null, "has no parent folder");
        return parent;
    }
}
