package dev.gatehouse.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of a workspace folder's JSON files (names, sizes, modification times), to notice changes
 * made by another process without reading the files. Skips {@code .gatehouse/} and temp files.
 */
final class DiskFingerprint {
    private DiskFingerprint() {}

    static long of(Path root) {
        long hash = 17;
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (!name.endsWith(".json") || p.toString().contains("/.gatehouse/")) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                hash = hash * 31 + p.hashCode();
                hash = hash * 31 + a.size();
                hash = hash * 31 + a.lastModifiedTime().toMillis();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return hash * 31 + 1; // a folder changing under the walk: treat as a change, read again next time
        }
        return hash;
    }
}
