package dev.gatehouse.engine.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one-editor-per-folder guard: an OS file lock on {@code .gatehouse/lock}, held from opening a workspace for
 * editing until it is closed. The OS drops the lock when the holder dies, so a crash never leaves a stale lock.
 * The lock covers one byte far past the end of the file, so the holder's description at the start stays
 * readable for the error message on every platform.
 */
final class WorkspaceLock implements AutoCloseable {
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the workspace at {@code root}.
     *
     * @throws WorkspaceLockedException when another process, or another open workspace in this process, holds it
     */
    static WorkspaceLock acquire(Path root) throws IOException {
        Path runtime = root.resolve(Layout.RUNTIME);
        AtomicFiles.ensureDirectory(runtime);
        ignoreInGit(runtime);
        Path file = runtime.resolve(Layout.LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new WorkspaceLockedException(root + " is already open for editing in this process", file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new WorkspaceLockedException(root + " is open for editing by another process"
                    + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + ". Close it there first, or open this workspace read-only.", file);
        }
        describeHolder(channel);
        return new WorkspaceLock(channel, lock);
    }

    @Override public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }

    private static void describeHolder(FileChannel channel) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String command = self.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java");
        String text = "pid " + self.pid() + ", " + command + ", since " + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Runtime data is not for git: {@code .gatehouse/.gitignore} ignores everything beside it. */
    private static void ignoreInGit(Path runtime) throws IOException {
        Path gitignore = runtime.resolve(".gitignore");
        if (!Files.exists(gitignore)) AtomicFiles.write(gitignore, "*\n".getBytes(StandardCharsets.UTF_8));
    }
}
