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

    /** Completes with {@code payload}; false when something else completed it first. */
    boolean complete(byte[] payload, String functionError) {
        return result.complete(new InvokeResult(requestId, payload, functionError, logText(), elapsedMillis()));
    }

    boolean completeError(String errorType, String errorMessage) {
        return complete(Lambda.errorDocument(errorType, errorMessage).getBytes(StandardCharsets.UTF_8), "Unhandled");
    }
}
