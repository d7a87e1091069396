package dev.gatehouse.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of a workspace folder's JSON files (names, sizes, modification times, inodes), to notice changes
 * made by another process without reading the files: {@link Workspace#refreshIfChangedOnDisk} compares it with
 * the one taken when the folder was last read. Skips {@code .gatehouse/} and temp files.
 */
final class DiskStamp {
    private DiskStamp() {}

    static long of(Path root) {
        long hash = 17;
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (!name.endsWith(".json") || AtomicFiles.isTempFile(p) || p.startsWith(root.resolve(Layout.RUNTIME))) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                hash = hash * 31 + p.hashCode();
                hash = hash * 31 + a.size();
                hash = hash * 31 + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS);
                hash = hash * 31 + java.util.Objects.hashCode(a.fileKey()); // an atomic write is a new inode
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return hash * 31 + 1; // a folder changing under the walk: treat as a change, read again next time
        }
        return hash;
    }
}
