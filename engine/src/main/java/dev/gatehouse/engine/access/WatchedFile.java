package dev.gatehouse.engine.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * A value read from a file and read again when the file changes (size or modification time), checked at most once
 * a second: how the access filters follow configuration that lives beside the definitions (user pools, IAM
 * credentials) without a redeploy, as AWS applies such changes at once. A missing file gives {@code absent}.
 *
 * <p>Thread-safe: called on request threads; a reload runs on the thread that notices the change (the file is
 * small), others keep the previous value meanwhile. A file that cannot be parsed keeps failing with the parser's
 * exception until it is fixed, so a broken file never silently opens access.
 */
final class WatchedFile<T> {

    private record Loaded<T>(long size, long modified, T value, RuntimeException failure) {}

    private static final long CHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private final Function<Path, T> parser;
    private final T absent;
    private volatile Loaded<T> loaded;
    private volatile long checkedAt;

    WatchedFile(Path file, Function<Path, T> parser, T absent) {
        this.file = file;
        this.parser = parser;
        this.absent = absent;
    }

    Path file() {
        return file;
    }

    /** The current value; @throws RuntimeException the parser's failure while the file stays broken */
    T get() {
        Loaded<T> current = loaded;
        long now = System.nanoTime();
        if (current == null || now - checkedAt >= CHECK_NANOS) {
            current = refresh(current);
            checkedAt = now;
        }
        if (current.failure() != null) throw current.failure();
        return current.value();
    }

    private synchronized Loaded<T> refresh(Loaded<T> seen) {
        Loaded<T> current = loaded;
        if (current != seen) return current; // another thread just reloaded
        long size;
        long modified;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            size = -1;
            modified = -1;
        } catch (IOException e) {
            size = -2;
            modified = -2;
        }
        if (current != null && current.size() == size && current.modified() == modified) return current;
        Loaded<T> next;
        if (size == -1) {
            next = new Loaded<>(size, modified, absent, null);
        } else {
            try {
                next = new Loaded<>(size, modified, parser.apply(file), null);
            } catch (RuntimeException e) {
                next = new Loaded<>(size, modified, null, e);
            }
        }
        loaded = next;
        return next;
    }
}
