package dev.gatehouse.engine.functions;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One invocation on its way through a pool: queued by the caller, claimed by exactly one worker, completed
 * exactly once (response, error, timeout or the worker's death: the first wins). The caller parks on
 * {@link #result}. Its log collects the worker's output while the worker serves it. Thread-safe.
 */
final class Invocation {

    /** The invoke-time values Lambda passes as Runtime API headers. */
    record Meta(String functionArn, String traceId, String clientContext, String cognitoIdentity) { }

    final String requestId;
    final byte[] payload;
    final Meta meta;
    /** When it was queued (the pool grows past its soft cap only for invocations that waited). */
    final long queuedNanos = System.nanoTime();
    final CompletableFuture<InvokeResult> result = new CompletableFuture<>();
    private final StringBuilder log = new StringBuilder();
    private final AtomicReference<Worker> claimedBy = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean completing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Runnable beforeComplete;
    private volatile long startNanos;
    private volatile long deadlineMillis;

    Invocation(String requestId, byte[] payload, Meta meta) {
        this.requestId = requestId;
        this.payload = payload;
        this.meta = meta;
    }

    /** True for the first worker that claims it while it is still pending. */
    boolean claim(Worker worker, long timeoutMillis) {
        if (result.isDone() || !claimedBy.compareAndSet(null, worker)) return false;
        startNanos = System.nanoTime();
        deadlineMillis = System.currentTimeMillis() + timeoutMillis;
        return true;
    }

    Worker worker() {
        return claimedBy.get();
    }

    /** When a worker claimed it; 0 before. */
    long startNanos() {
        return startNanos;
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    double elapsedMillis() {
        return startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    void log(String line) {
        synchronized (log) {
            log.append(line).append('\n');
        }
    }

    String logText() {
        synchronized (log) {
            return log.toString();
        }
    }

    /**
     * Runs {@code hook} once, when the invocation completes, <em>before</em> its caller can see the result (a
     * {@code whenComplete} action may run after the caller woke: the pool's in-flight count must already be down
     * when a sequential caller sends its next invocation, or reserved concurrency 1 would throttle it).
     */
    void beforeComplete(Runnable hook) {
        this.beforeComplete = hook;
    }

    /** Completes with {@code payload}; false when something else completed it first. */
    boolean complete(byte[] payload, String functionError) {
        InvokeResult r = new InvokeResult(requestId, payload, functionError, logText(), elapsedMillis());
        if (!completing.compareAndSet(false, true)) return false;
        Runnable hook = beforeComplete;
        if (hook != null) hook.run();
        return result.complete(r);
    }

    boolean completeError(String errorType, String errorMessage) {
        return complete(Lambda.errorDocument(errorType, errorMessage).getBytes(StandardCharsets.UTF_8), "Unhandled");
    }
}
