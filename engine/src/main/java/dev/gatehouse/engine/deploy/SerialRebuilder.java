package dev.gatehouse.engine.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one rebuild task on one thread of its own, coalescing bursts: every {@link #request()} is answered by a run
 * that starts after the request, and requests made before that run starts share it. So workspace listeners (which
 * run under the workspace's writer lock and must not block) only ask, the rebuild reads the newest state off that
 * lock, and ten quick edits cost one or two rebuilds instead of ten.
 *
 * <p>Thread-safe. {@link #lock} guards only the pending future; nothing is called while it is held.
 */
public final class SerialRebuilder implements AutoCloseable {

    private final Runnable rebuild;
    private final ExecutorService executor;
    private final Object lock = new Object();
    /** Requested and not yet started; null when none. Guarded by {@link #lock}. */
    private CompletableFuture<Void> pending;
    /** The newest request's future. Guarded by {@link #lock}. */
    private CompletableFuture<Void> latest = CompletableFuture.completedFuture(null);
    private boolean closed;

    /** @param rebuild the work; exceptions it throws complete the waiting futures exceptionally */
    public SerialRebuilder(String threadName, Runnable rebuild) {
        this.rebuild = rebuild;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
    }

    /** Asks for a run that starts after this call; the future completes when it has finished. Never blocks. */
    public CompletableFuture<Void> request() {
        CompletableFuture<Void> future;
        boolean schedule = false;
        synchronized (lock) {
            if (closed) {
                // a caller waiting on latest() must learn that its change will not be served
                latest = CompletableFuture.failedFuture(new IllegalStateException("closed"));
                return latest;
            }
            if (pending == null) {
                pending = new CompletableFuture<>();
                schedule = true;
            }
            future = pending;
            latest = future;
        }
        if (schedule) {
            try {
                executor.execute(this::runPending);
            } catch (RejectedExecutionException e) { // closed between the check and here
                future.completeExceptionally(new IllegalStateException("closed", e));
            }
        }
        return future;
    }

    /** The future of the newest request (already complete when nothing was ever requested). */
    public CompletableFuture<Void> latest() {
        synchronized (lock) {
            return latest;
        }
    }

    private void runPending() {
        CompletableFuture<Void> mine;
        synchronized (lock) {
            mine = pending;
            pending = null;
        }
        if (mine == null) return;
        try {
            rebuild.run();
            mine.complete(null);
        } catch (Throwable t) {
            mine.completeExceptionally(t);
        }
    }

    /** Refuses new requests, lets a running rebuild finish (up to 10 s) and fails the ones still waiting. */
    @Override public void close() {
        CompletableFuture<Void> orphan;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            orphan = pending;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (orphan != null) orphan.completeExceptionally(new IllegalStateException("closed"));
    }
}
