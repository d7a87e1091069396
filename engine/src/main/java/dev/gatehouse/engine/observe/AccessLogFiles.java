package dev.gatehouse.engine.observe;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Access-log files under {@code .gatehouse/logs/access/}, one per stage ({@code {apiId}_{stage}.log}), rotated by
 * size: past {@code maxBytes} the file becomes {@code .1}, {@code .1} becomes {@code .2} and so on, keeping
 * {@code filesKept}. Used by the writer thread only; lines are flushed once per batch.
 */
final class AccessLogFiles implements AutoCloseable {

    private final Path dir;
    private final long maxBytes;
    private final int filesKept;
    private final Map<String, Open> open = new HashMap<>();

    private static final class Open {
        final Path file;
        final String apiId;
        final String stage;
        OutputStream out;
        long size;

        Open(Path file, String apiId, String stage) {
            this.file = file;
            this.apiId = apiId;
            this.stage = stage;
        }
    }

    /** The file appended to last: a batch mostly holds one stage's requests. */
    private Open last;

    AccessLogFiles(Path dir, long maxBytes, int filesKept) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.filesKept = Math.max(1, filesKept);
    }

    /** The file a stage's access log is written to. */
    static Path fileOf(Path dir, String apiId, String stage) {
        return dir.resolve(apiId + "_" + stage + ".log");
    }

    void append(String apiId, String stage, CharSequence line) throws IOException {
        Open f = last != null && last.apiId.equals(apiId) && last.stage.equals(stage) ? last : null;
        if (f == null) {
            String key = apiId + "/" + stage;
            f = open.get(key);
            if (f == null) {
                f = new Open(fileOf(dir, apiId, stage), apiId, stage);
                open.put(key, f);
            }
            last = f;
        }
        if (f.out == null) {
            Files.createDirectories(dir);
            f.out = buffered(f.file);
            f.size = Files.size(f.file);
        }
        byte[] bytes = lineBytes;
        int n = ascii(line);
        if (n < 0) { // not ASCII: the line's UTF-8
            bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            n = bytes.length;
        }
        if (f.size > 0 && f.size + n + 1 > maxBytes) rotate(f);
        f.out.write(bytes, 0, n);
        f.out.write('\n');
        f.size += n + 1;
    }

    /** The last ASCII line's bytes (its UTF-8), reused: no string and no array per line. */
    private byte[] lineBytes = new byte[512];

    private char[] lineChars = new char[512];

    /** Copies {@code line} into {@link #lineBytes} and returns its length, or -1 when a character is not ASCII. */
    private int ascii(CharSequence line) {
        int n = line.length();
        if (lineBytes.length < n) {
            lineBytes = new byte[Math.max(n, lineBytes.length * 2)];
            lineChars = new char[lineBytes.length];
        }
        char[] c = lineChars;
        if (line instanceof StringBuilder sb) sb.getChars(0, n, c, 0); // one bulk copy, not a call per character
        else line.toString().getChars(0, n, c, 0);
        byte[] b = lineBytes;
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= c[i];
            b[i] = (byte) c[i];
        }
        return (any & ~0x7f) == 0 ? n : -1;
    }

    /** Lines are gathered in memory and reach the file at {@link #flush} (once per batch), not one write each. */
    private static OutputStream buffered(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                1 << 16);
    }

    private void rotate(Open f) throws IOException {
        f.out.close();
        Path base = f.file;
        Files.deleteIfExists(base.resolveSibling(base.getFileName() + "." + filesKept));
        for (int i = filesKept - 1; i >= 1; i--) {
            Path from = base.resolveSibling(base.getFileName() + "." + i);
            if (Files.exists(from)) {
                Files.move(from, base.resolveSibling(base.getFileName() + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(base, base.resolveSibling(base.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        f.out = buffered(base);
        f.size = 0;
    }

    void flush() throws IOException {
        for (Open f : open.values()) if (f.out != null) f.out.flush();
    }

    @Override public void close() {
        for (Open f : open.values()) {
            try {
                if (f.out != null) f.out.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
        last = null;
    }
}
