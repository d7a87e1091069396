package dev.gatehouse.engine.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one-writer-at-a-time guard of a workspace folder, held around each write (never while a workspace is merely
 * open): an OS file lock on {@code .gatehouse/lock} coordinates processes — the console, {@code gatehouse deploy},
 * a headless engine — and a lock per folder in this JVM coordinates {@link Workspace} instances here (the JVM
 * refuses a second OS lock on one file to itself). The OS drops the lock when the holder dies, so a crash never
 * leaves a stale lock. The lock covers one byte far past the end of the file, so the holder's description at the
 * start stays readable for the error message on every platform.
 *
 * <p>Lock order: the workspace's writer lock, then the JVM lock of the folder, then the OS lock.
 */
final class WorkspaceLock implements AutoCloseable {
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    private static final Duration POLL = Duration.ofMillis(10);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the write lock of the workspace at {@code root}, waiting up to {@code wait} while another writer (in
     * this process or another) holds it. Writes take milliseconds, so a wait that long means a writer is stuck.
     *
     * @throws WorkspaceLockedException when the wait ran out, naming the holder as far as it is known
     */
    static WorkspaceLock acquire(Path root, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(root, r -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new WorkspaceLockedException(root + " is being written by another edit in this process for more than "
                        + wait.toSeconds() + " s; try again", root.resolve(Layout.RUNTIME).resolve(Layout.LOCK));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceLockedException("Interrupted while waiting to write " + root, null);
        }
        FileChannel channel = null;
        try {
            Path runtime = root.resolve(Layout.RUNTIME);
            AtomicFiles.ensureDirectory(runtime);
            ignoreInGit(runtime);
            Path file = runtime.resolve(Layout.LOCK);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock(LOCK_POSITION, 1, false)) == null) {
                if (System.nanoTime() - deadline > 0) {
                    String holder = holder(channel);
                    throw new WorkspaceLockedException(root + " is being written by another process"
                            + (holder.isEmpty() ? "" : " (" + holder + ")") + " for more than " + wait.toSeconds()
                            + " s. Try again once it has finished.", file);
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WorkspaceLockedException("Interrupted while waiting to write " + root, file);
                }
            }
            describeHolder(channel);
            return new WorkspaceLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            local.unlock();
            throw e;
        }
    }

    @Override public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                local.unlock();
            }
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
