package dev.gatehouse.engine.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The warm workers of one function. An invocation is queued and the caller parks until a worker answers
 * ({@link #invoke}); the pool starts a worker whenever more invocations wait than workers are free, up to the
 * function's concurrency (beyond that invocations wait their turn; without reserved concurrency, past one worker a
 * core only for long invocations, see {@link #scaleUp}). A function with a <em>reserved</em>
 * concurrency refuses the invocation that would exceed it, as Lambda throttles it ({@link FunctionException.Kind#THROTTLED}):
 * invocations in flight (queued or running, until they complete) are counted, not workers. A worker past the function's timeout is
 * killed and the invocation answered as Lambda does ({@code Task timed out after N.NN seconds}); a worker that
 * dies is replaced and its invocation fails with {@code Runtime.ExitError}; {@link #recycle} (code changed on disk)
 * retires every worker, busy ones after their invocation; {@link #reap} retires workers idle too long.
 *
 * <p>The pool's monitor guards its worker list and configuration and is never held while starting processes,
 * completing invocations or calling a worker that might call back. Lock order: pool, then worker.
 */
final class WorkerPool {

    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    final String name;
    private final LocalFunctions owner;
    private final FunctionLog log;
    private final LinkedBlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private FunctionConfig config;
    private long generation;
    private long fingerprint;
    private int spawning;
    /** Invocations accepted and not yet completed (or given up while still queued). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private int nextId;
    private boolean closed;
    private boolean growthCheckPending;

    /** Workers an unreserved pool starts without waiting: one a core (at least 2). */
    static final int SOFT_CAP = Math.max(2, Runtime.getRuntime().availableProcessors());
    /**
     * How long an invocation waits, and a worker has been on its invocation, before an unreserved pool grows past
     * {@link #SOFT_CAP}: 100 ms, or the system property {@code gatehouse.functions.patienceMs}. Long enough that
     * short invocations on a busy machine (a worker waiting for a core, not for I/O) do not grow the pool.
     */
    static final long PATIENCE_NANOS = Long.getLong("gatehouse.functions.patienceMs", 100L) * 1_000_000L;

    WorkerPool(String name, FunctionConfig config, long fingerprint, LocalFunctions owner, FunctionLog log) {
        this.name = name;
        this.config = config;
        this.fingerprint = fingerprint;
        this.owner = owner;
        this.log = log;
    }

    LinkedBlockingDeque<Invocation> queue() {
        return queue;
    }

    synchronized FunctionConfig config() {
        return config;
    }

    synchronized long fingerprint() {
        return fingerprint;
    }

    /** Workers alive (starting, idle or busy). */
    synchronized int size() {
        return (int) workers.stream().filter(w -> w.state() != Worker.State.CLOSED).count();
    }

    FunctionLog log() {
        return log;
    }

    /**
     * Runs one invocation: blocks the calling (virtual) thread until a worker answered or {@code maxWait} passed.
     *
     * @throws FunctionException WAIT_EXPIRED when {@code maxWait} passed first (a claimed invocation runs on);
     *                           THROTTLED when the function's reserved concurrency is in use
     */
    InvokeResult invoke(byte[] payload, Invocation.Meta meta, Duration maxWait) {
        Integer reserved = config().reservedConcurrency();
        int now = inFlight.incrementAndGet();
        if (reserved != null && now > reserved) {
            inFlight.decrementAndGet();
            throw new FunctionException(FunctionException.Kind.THROTTLED, "Rate Exceeded.");
        }
        Invocation inv = new Invocation(requestId(), payload, meta);
        // counted until a worker (or the pool's failure handling) completes it, however long the caller waits
        inv.beforeComplete(inFlight::decrementAndGet);
        queue.offerLast(inv);
        scaleUp();
        try {
            return inv.result.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // never claimed: nobody will complete it, so it stops counting now
            if (queue.remove(inv)) inFlight.decrementAndGet();
            throw new FunctionException(FunctionException.Kind.WAIT_EXPIRED, "no answer from " + name + " within "
                    + maxWait.toMillis() + " ms");
        } catch (InterruptedException e) {
            if (queue.remove(inv)) inFlight.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new FunctionException(FunctionException.Kind.WAIT_EXPIRED, "interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts workers while more invocations wait than workers are free, up to the concurrency. A pool without
     * reserved concurrency starts at once only up to {@link #SOFT_CAP} workers (the cores: short invocations
     * keep that many processes busy, and more would only take turns on the cores, each switch a cost); past that
     * it starts another worker only when the oldest waiting invocation has waited {@link #PATIENCE_NANOS} and a
     * worker has been on its invocation that long too without being runnable (long invocations waiting on I/O or
     * timers: Lambda would run them side by side), checked again on the timer meanwhile. Each worker still serves
     * one invocation at a time.
     */
    void scaleUp() {
        while (true) {
            FunctionConfig cfg;
            long gen;
            int id;
            synchronized (this) {
                if (closed || config == null) return;
                int free = spawning;
                int alive = spawning;
                for (Worker w : workers) {
                    Worker.State s = w.state();
                    if (s == Worker.State.CLOSED) continue;
                    alive++;
                    if (s != Worker.State.BUSY) free++;
                }
                if (queue.size() <= free || alive >= Math.max(1, config.concurrency())) return;
                if (config.reservedConcurrency() == null && alive >= SOFT_CAP) {
                    long now = System.nanoTime();
                    Invocation oldest = queue.peekFirst();
                    long waited = oldest == null ? 0 : now - oldest.queuedNanos;
                    if (waited < PATIENCE_NANOS) {
                        scheduleGrowthCheck(PATIENCE_NANOS - waited);
                        return;
                    }
                    // a long invocation whose process is not on (or waiting for) a core is waiting for I/O: another
                    // worker helps; one that is runnable only competes for the cores (a loaded machine)
                    boolean waitingOnIo = false;
                    for (Worker w : workers) {
                        if (w.busyNanos(now) >= PATIENCE_NANOS && !w.runnable()) {
                            waitingOnIo = true;
                            break;
                        }
                    }
                    if (!waitingOnIo) {
                        scheduleGrowthCheck(PATIENCE_NANOS);
                        return;
                    }
                }
                spawning++;
                cfg = config;
                gen = generation;
                id = ++nextId;
            }
            Worker w = null;
            try {
                w = new Worker(id, gen, cfg, this, owner.vertx(), owner.executor());
                synchronized (this) {
                    workers.add(w);
                }
                w.start(owner.command(cfg), owner.environment(cfg, w.runtimeApi()), owner.store().dir(name),
                        owner.pumps());
                Worker started = w;
                owner.scheduler().schedule(() -> {
                    if (started.initDeadlinePassed()) {
                        log.add("INIT_REPORT Init Duration: " + owner.initLimit().toMillis()
                                + ".00 ms\tPhase: init\tStatus: timeout");
                    }
                }, owner.initLimit().toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                if (w != null) {
                    synchronized (this) {
                        workers.remove(w);
                    }
                }
                // as Lambda answers a runtime it cannot start: Runtime.InvalidEntrypoint
                Invocation waiting = queue.pollFirst();
                if (waiting != null) {
                    String message = "RequestId: " + waiting.requestId + " Error: fork/exec "
                            + String.join(" ", owner.command(cfg)) + ": " + e.getMessage();
                    line(waiting, message);
                    line(waiting, "Runtime.InvalidEntrypoint");
                    waiting.completeError("Runtime.InvalidEntrypoint", message);
                }
            } finally {
                synchronized (this) {
                    spawning--;
                }
            }
        }
    }

    /** Under the pool's monitor: one pending re-check of {@link #scaleUp} on the timer at a time. */
    private void scheduleGrowthCheck(long delayNanos) {
        if (growthCheckPending) return;
        growthCheckPending = true;
        owner.scheduler().schedule(() -> {
            synchronized (this) {
                growthCheckPending = false;
            }
            scaleUp();
        }, Math.max(1, delayNanos / 1000), TimeUnit.MICROSECONDS);
    }

    // ---- called by workers ----------------------------------------------------------------------------------

    void started(Worker worker, Invocation inv) {
        line(inv, "START RequestId: " + inv.requestId + " Version: " + Lambda.VERSION);
        long timeoutMillis = worker.config.timeoutSeconds() * 1000L;
        var timer = owner.scheduler().schedule(() -> timedOut(worker, inv), timeoutMillis, TimeUnit.MILLISECONDS);
        // a finished invocation drops its timer at once (removed from the queue: the scheduler removes on cancel)
        inv.result.whenComplete((r, e) -> timer.cancel(false));
    }

    void finished(Worker worker, Invocation inv, byte[] body, String errorType) {
        if (inv.result.isDone()) return;
        byte[] payload = body;
        if (errorType != null && !looksLikeJsonObject(body)) {
            payload = Lambda.errorDocument(errorType, new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        }
        // END and REPORT are in the function's log before the caller has its answer: a CLI invoke that closes the
        // functions right after must find them on disk (answering first saved a write, but lost those lines)
        end(worker, inv);
        inv.complete(payload, errorType == null ? null : "Unhandled");
    }

    void finishedWithError(Worker worker, Invocation inv, String errorType, String message) {
        end(worker, inv);
        inv.completeError(errorType, message);
    }

    private void timedOut(Worker worker, Invocation inv) {
        if (inv.result.isDone()) return;
        String seconds = Lambda.seconds(worker.config.timeoutSeconds());
        end(worker, inv);
        line(inv, Instant.now() + " " + inv.requestId + " Task timed out after " + seconds + " seconds");
        if (inv.completeError("Sandbox.Timedout", "RequestId: " + inv.requestId + " Error: Task timed out after "
                + seconds + " seconds")) {
            worker.kill();
        }
    }

    void exited(Worker worker, Invocation inv, boolean killedByUs, boolean everPolled, int exitCode) {
        synchronized (this) {
            workers.remove(worker);
        }
        // Java reports a signal as 128 + n; only SIGKILL (the OOM killer, kill -9) is told apart, since runtimes
        // also exit with codes over 128 themselves (Node.js: 129 after an uncaught exception)
        String exit = exitCode == 137 ? "signal: killed" : "exit status " + exitCode;
        if (inv != null && !inv.result.isDone()) {
            String message = "RequestId: " + inv.requestId + " Error: Runtime exited with error: " + exit;
            end(worker, inv);
            line(inv, message);
            line(inv, "Runtime.ExitError");
            inv.completeError("Runtime.ExitError", message);
        } else if (!killedByUs && !everPolled) {
            // died during init: Lambda answers the invocation that started it with the init error
            Invocation waiting = queue.pollFirst();
            if (waiting != null) {
                line(waiting, "START RequestId: " + waiting.requestId + " Version: " + Lambda.VERSION);
                byte[] initError = worker.reportedInitError();
                String message = "RequestId: " + waiting.requestId + " Error: Runtime exited with error: " + exit;
                line(waiting, "END RequestId: " + waiting.requestId);
                line(waiting, report(waiting.requestId, 0, worker.config.memoryMb(), worker.maxMemoryUsedMb(), null));
                if (initError != null) {
                    line(waiting, message);
                    waiting.complete(initError, "Unhandled");
                } else {
                    line(waiting, message);
                    line(waiting, "Runtime.ExitError");
                    waiting.completeError("Runtime.ExitError", message);
                }
            }
        }
        scaleUp();
    }

    void output(Invocation inv, String line) {
        if (inv != null) inv.log(line);
        log.add(line);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /** The function changed on disk: new configuration, every worker retired (busy ones when done). */
    void recycle(FunctionConfig fresh, long newFingerprint) {
        List<Worker> old;
        synchronized (this) {
            config = fresh;
            fingerprint = newFingerprint;
            generation++;
            old = List.copyOf(workers);
        }
        for (Worker w : old) w.retire();
        scaleUp();
    }

    /** Retires workers idle for longer than {@code idle}. */
    void reap(Duration idle) {
        long before = System.nanoTime() - idle.toNanos();
        List<Worker> all;
        synchronized (this) {
            all = List.copyOf(workers);
        }
        for (Worker w : all) w.retireIfIdleSince(before);
    }

    void close() {
        List<Worker> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(workers);
        }
        for (Worker w : all) w.kill();
        Invocation inv;
        while ((inv = queue.pollFirst()) != null) inv.completeError("Runtime.Shutdown", "The function runtime was shut down");
        log.close();
    }

    // ---- log lines --------------------------------------------------------------------------------------------

    private void end(Worker worker, Invocation inv) {
        for (String l : endLines(worker, inv)) line(inv, l);
    }

    private static String[] endLines(Worker worker, Invocation inv) {
        double ms = inv.elapsedMillis();
        return new String[] {"END RequestId: " + inv.requestId,
                report(inv.requestId, ms, worker.config.memoryMb(), worker.maxMemoryUsedMb(), worker.takeInitDuration())};
    }

    /**
     * {@code REPORT RequestId: id\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory
     * Used: 40 MB\t} (plus {@code Init Duration} on a worker's first invocation), as CloudWatch shows it; billed
     * per started millisecond (Lambda's 1 ms granularity).
     */
    static String report(String requestId, double durationMs, int memoryMb, long maxUsedMb, Double initMs) {
        StringBuilder b = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append((long) Math.max(1, Math.ceil(durationMs))).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxUsedMb).append(" MB\t");
        if (initMs != null) b.append("Init Duration: ").append(twoDecimals(initMs)).append(" ms\t");
        return b.toString();
    }

    /** {@code 12.345 -> "12.35"} as {@code %.2f} (half up), without the Formatter's cost on every invocation. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long frac = hundredths % 100;
        return (hundredths / 100) + (frac < 10 ? ".0" : ".") + frac;
    }

    private void line(Invocation inv, String line) {
        inv.log(line);
        log.add(line);
    }

    /**
     * A request id as Lambda's (a random UUID, version 4) from {@link ThreadLocalRandom}: {@code UUID.randomUUID}
     * draws from the shared SecureRandom, a lock and a system call on every invocation, and these ids are not secrets.
     */
    static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE; // IETF variant 10xx
        return new java.util.UUID(msb, lsb).toString();
    }

    static String logStreamName() {
        return STREAM_DAY.format(Instant.now()) + "/[" + Lambda.VERSION + "]"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    private static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            return b == '{';
        }
        return false;
    }

    @Override public String toString() {
        return "WorkerPool{" + name + ", " + size() + " workers, " + queue.size() + " queued}";
    }
}
