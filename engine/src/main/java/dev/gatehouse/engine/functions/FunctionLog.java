package dev.gatehouse.engine.functions;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One function's log: every worker line and the START / END / REPORT lines, in memory (the last
 * {@link #MAX_LINES}) and appended to {@code .gatehouse/functions/NAME.log} in the workspace (not for git; rotated
 * to {@code NAME.log.1} past {@link #MAX_FILE_BYTES}) so {@code gatehouse function logs} reads them from another
 * process: flushed at an invocation's REPORT line when the last flush is {@link #FLUSH_NANOS} old, else by
 * {@link #flush} (the functions' timer, twice a second) and {@link #close}, so a busy function pays one file write
 * per interval, not one per invocation. Written by the worker's output threads and the Runtime API's event loop,
 * never on a request's thread. Thread-safe.
 */
final class FunctionLog {

    static final int MAX_LINES = 5000;
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** At most one flush per this interval on the invocation path (the timer's {@link #flush} does the rest). */
    static final long FLUSH_NANOS = 200_000_000L;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Path file;
    private Writer writer;
    /** Bytes in {@link #file} (counted as written: ASCII-sized, close enough for the rotation bound). */
    private long fileBytes;
    /** When the file was last flushed (nanoTime's origin is arbitrary: start one interval back). */
    private long flushedNanos = System.nanoTime() - FLUSH_NANOS;
    private boolean dirty;

    /** @param file where to append; null keeps the log in memory only */
    FunctionLog(Path file) {
        this.file = file;
    }

    synchronized void add(String line) {
        if (lines.size() == MAX_LINES) lines.removeFirst();
        lines.addLast(line);
        if (file == null) return;
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                fileBytes = Files.size(file);
            }
            writer.write(line);
            writer.write('\n');
            fileBytes += line.length() + 1;
            dirty = true;
            if (line.startsWith("REPORT ")) flushAndRotate();
        } catch (IOException e) {
            writer = null; // disk trouble must not break invocations; the in-memory lines remain
        }
    }

    /** At an invocation's end (rotation happens between invocations only). */
    private void flushAndRotate() throws IOException {
        long now = System.nanoTime();
        if (now - flushedNanos >= FLUSH_NANOS || fileBytes > MAX_FILE_BYTES) {
            writer.flush();
            flushedNanos = now;
            dirty = false;
        }
        if (fileBytes > MAX_FILE_BYTES) {
            writer.close();
            writer = null;
        }
    }

    /** Writes what is buffered to the file (the functions' timer calls it twice a second). */
    synchronized void flush() {
        if (!dirty || writer == null) return;
        try {
            writer.flush();
            flushedNanos = System.nanoTime();
            dirty = false;
        } catch (IOException e) {
            writer = null; // disk trouble must not break invocations; the in-memory lines remain
        }
    }

    synchronized List<String> recent() {
        return List.copyOf(lines);
    }

    synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
            writer = null;
        }
    }

    /** The lines kept on disk for {@code name} (the rotated file first), or none. */
    static List<String> readFile(Path logDir, String name) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path f : List.of(logDir.resolve(name + ".log.1"), logDir.resolve(name + ".log"))) {
            if (Files.isRegularFile(f)) out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return out;
    }
}
