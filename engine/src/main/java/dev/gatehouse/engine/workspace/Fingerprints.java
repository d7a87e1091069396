package dev.gatehouse.engine.workspace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * What each document file held when the workspace last read or wrote it (length and CRC-32C), so that a file
 * changed on disk behind the workspace's back — edited by hand, replaced by {@code git checkout} — is noticed
 * before an edit overwrites it. Not thread-safe: filled by the reader, then used under the writer lock.
 */
final class Fingerprints {
    /** Marks "no file expected here". */
    static final long ABSENT = -1;

    private final Map<Path, Long> byFile = new HashMap<>();

    static long of(byte[] bytes) {
        if (bytes == null) return ABSENT;
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return ((long) bytes.length << 32) | crc.getValue();
    }

    /** Records a file's bytes (null: the file is gone) under its path relative to the workspace. */
    void record(Path relative, byte[] bytes) {
        if (bytes == null) byFile.remove(relative);
        else byFile.put(relative, of(bytes));
    }

    /** True when {@code bytes} (null: no file) is what was last read or written at that path. */
    boolean matches(Path relative, byte[] bytes) {
        return byFile.getOrDefault(relative, ABSENT) == of(bytes);
    }
}
