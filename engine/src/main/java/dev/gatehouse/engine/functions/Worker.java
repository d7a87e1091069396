package dev.gatehouse.engine.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One worker process of a pool and its Runtime API endpoint. Life: STARTING (process launched, not yet polling)
 * → IDLE (parked in {@code /next}) ⇄ BUSY (serving one invocation) → CLOSED (retired, killed or exited).
 *
 * <p>Its monitor guards the state and the current invocation; it is never held while calling out (the pool, an
 * invocation's completion, the process). Lock order where both are needed: pool, then worker.
 */
final class Worker {

    enum State { STARTING, IDLE, BUSY, CLOSED }

    private static final long POLL_MILLIS = 200;

    final int id;
    final long generation;
    final FunctionConfig config;
    private final WorkerPool pool;
    private final RuntimeApiEndpoint endpoint;
    private final long launchedNanos = System.nanoTime();
    private Process process;
    private State state = State.STARTING;
    private Invocation current;
    private boolean retireAfterCurrent;
    private boolean killedByUs;
    private boolean everPolled;
    private Double initDurationMs;
    private long idleSinceNanos = System.nanoTime();
    private volatile byte[] initError;
    private volatile long lastOutputNanos;
    /**
     * Gatehouse's own bootstraps end each invocation's output with this line on stdout and stderr (Node.js: only
     * on the streams it wrote, the count in {@link RuntimeApiEndpoint#OUTPUT_MARKERS}).
     */
    static final String OUTPUT_DONE = "\u001eGATEHOUSE-OUTPUT-DONE ";
    /** How many of this worker's two streams have shown the current invocation's marker (guarded by this). */
    private int outputDone;
    private String outputDoneFor;

    Worker(int id, long generation, FunctionConfig config, WorkerPool pool, io.vertx.core.Vertx vertx,
           ExecutorService executor) throws IOException {
        this.id = id;
        this.generation = generation;
        this.config = config;
        this.pool = pool;
        this.endpoint = new RuntimeApiEndpoint(this, vertx, executor);
    }

    String runtimeApi() {
        return endpoint.address();
    }

    /** Launches the process; its output goes to the pool line by line; its exit is reported to the pool. */
    void start(List<String> command, Map<String, String> environment, Path dir, ExecutorService pumps)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            endpoint.close();
            throw e;
        }
        synchronized (this) {
            process = p;
        }
        // platform threads: a virtual thread blocked reading a pipe pins its carrier and makes the scheduler
        // compensate with another one on every read, which costs more than the read
        pumps.execute(() -> pump(p.getInputStream()));
        pumps.execute(() -> pump(p.getErrorStream()));
        p.onExit().thenRun(this::exited);
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized State state() {
        return state;
    }

    /** How long it has been serving its current invocation at {@code now}; 0 when it serves none. */
    synchronized long busyNanos(long now) {
        return current == null || current.startNanos() == 0 ? 0 : now - current.startNanos();
    }

    /**
     * True while its process is running or waiting for a core (state {@code R} in {@code /proc/PID/stat}); false
     * when it sleeps (I/O, timers) or where that cannot be read (then the pool treats it as waiting on I/O, as it
     * did before it could tell). Reads a file: for the pool's occasional growth check only.
     */
    boolean runnable() {
        long pid = pid();
        if (pid < 0) return false;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int close = stat.lastIndexOf(')'); // the command name in parentheses may itself hold spaces or ')'
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'R';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    synchronized long idleSinceNanos() {
        return idleSinceNanos;
    }

    // ---- Runtime API (called on the endpoint's threads) -------------------------------------------------

    /** What {@link #nextIfQueued} answers when no invocation waits (the runtime must wait in {@link #next}). */
    static final Invocation NONE_QUEUED = new Invocation("", new byte[0], null);

    /** Parks until an invocation is assigned to this worker; null once the worker is closed. */
    Invocation next() throws InterruptedException {
        if (!polling()) return null;
        while (true) {
            Invocation inv = pool.queue().pollFirst(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (inv == null) {
                synchronized (this) {
                    if (state == State.CLOSED) return null;
                }
                continue;
            }
            Invocation claimed = claim(inv);
            if (claimed != NONE_QUEUED) return claimed;
        }
    }

    /**
     * The invocation at the head of the queue, claimed for this worker, without waiting: {@link #NONE_QUEUED}
     * when none waits, null once the worker is closed. For the event loop ({@code /next} answered at once).
     */
    Invocation nextIfQueued() {
        if (!polling()) return null;
        while (true) {
            Invocation inv = pool.queue().pollFirst();
            if (inv == null) return NONE_QUEUED;
            Invocation claimed = claim(inv);
            if (claimed != NONE_QUEUED) return claimed;
        }
    }

    /** The runtime asks for an event: IDLE from now; false when closed or still serving one (protocol error). */
    private synchronized boolean polling() {
        if (state == State.CLOSED) return false;
        if (!everPolled) {
            everPolled = true;
            initDurationMs = (System.nanoTime() - launchedNanos) / 1_000_000.0;
        }
        if (current != null) return false;   // a runtime that polls again without answering: protocol error
        state = State.IDLE;
        idleSinceNanos = System.nanoTime();
        return true;
    }

    /** {@code inv} for this worker, null if the worker closed meanwhile, NONE_QUEUED if another took it first. */
    private Invocation claim(Invocation inv) {
        synchronized (this) {
            if (state == State.CLOSED) {
                pool.queue().offerFirst(inv);
                return null;
            }
            if (!inv.claim(this, config.timeoutSeconds() * 1000L)) return NONE_QUEUED;
            current = inv;
            state = State.BUSY;
        }
        pool.started(this, inv);
        return inv;
    }

    /** {@code /response}: false when {@code requestId} is not this worker's current invocation. */
    boolean respond(String requestId, byte[] body, int outputMarkers) {
        awaitOutput(requestId, outputMarkers);
        Invocation inv = finish(requestId);
        if (inv == null) return false;
        pool.finished(this, inv, body, null);
        return true;
    }

    /** {@code /error}: the body is the runtime's error document ({@code errorMessage}, {@code errorType}). */
    boolean error(String requestId, byte[] body, String errorTypeHeader, int outputMarkers) {
        awaitOutput(requestId, outputMarkers);
        Invocation inv = finish(requestId);
        if (inv == null) return false;
        pool.finished(this, inv, body, errorTypeHeader == null ? "Unhandled" : errorTypeHeader);
        return true;
    }

    /** A response over the payload limit: the invocation fails as Lambda reports it. */
    void tooLarge(String requestId, int size) {
        Invocation inv = finish(requestId);
        if (inv == null) return;
        pool.finishedWithError(this, inv, "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum "
                + "allowed payload size (" + RuntimeApiEndpoint.MAX_RESPONSE_BYTES + " bytes).");
    }

    /** {@code /init/error}: kept to answer the invocation this worker was started for. */
    void initError(byte[] body, String errorType) {
        initError = body.length > 0 ? body : Lambda.errorDocument(errorType == null ? "Runtime.Unknown" : errorType,
                "Init error").getBytes(StandardCharsets.UTF_8);
    }

    byte[] reportedInitError() {
        return initError;
    }

    /**
     * Output a runtime wrote before it posted its answer is already in the pipe (Node.js and Python write pipes
     * synchronously), and the output threads wake on it at once; while they are still reading (a line within the
     * last 2 ms), wait for them to go quiet, at most 20 ms, so the lines land in this invocation's log. (The
     * process streams cannot be asked: {@code available()} blocks while a reader waits in {@code read()}.)
     */
    /** True when {@code /response} or {@code /error} with these markers may wait for the output (blocking). */
    boolean awaitsOutput(int markers) {
        FunctionRuntime runtime = config.runtime();
        if (runtime == FunctionRuntime.NODEJS || runtime == FunctionRuntime.PYTHON) return markers != 0;
        return System.nanoTime() - lastOutputNanos < 2_000_000;
    }

    private void awaitOutput(String requestId, int markers) {
        FunctionRuntime runtime = config.runtime();
        if (runtime == FunctionRuntime.NODEJS || runtime == FunctionRuntime.PYTHON) {
            // our bootstraps mark the end of the output on the streams they wrote (both when they do not say how
            // many): wait for the markers (bounded, in case a handler closed its streams)
            int expected = markers < 0 ? 2 : markers;
            if (expected == 0) return;
            long deadline = System.nanoTime() + 500_000_000L;
            synchronized (this) {
                try {
                    while (!(requestId.equals(outputDoneFor) && outputDone >= expected)) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) break;
                        wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return;
        }
        try {
            for (int i = 0; i < 20 && System.nanoTime() - lastOutputNanos < 2_000_000; i++) Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void outputDone(String requestId) {
        if (!requestId.equals(outputDoneFor)) {
            outputDoneFor = requestId;
            outputDone = 0;
        }
        outputDone++;
        notifyAll();
    }

    private Invocation finish(String requestId) {
        boolean retire;
        Invocation inv;
        synchronized (this) {
            inv = current;
            if (inv == null || !inv.requestId.equals(requestId)) return null;
            current = null;
            retire = retireAfterCurrent;
            if (state != State.CLOSED) state = retire ? State.CLOSED : State.STARTING; // polls again shortly
            if (retire) killedByUs = true;
        }
        if (retire) destroy();
        return inv;
    }

    // ---- pool side ----------------------------------------------------------------------------------------

    /** Closes an idle worker now, a busy one once its invocation finished. */
    void retire() {
        boolean now;
        synchronized (this) {
            if (state == State.CLOSED) return;
            now = current == null;
            if (now) {
                state = State.CLOSED;
                killedByUs = true;
            } else {
                retireAfterCurrent = true;
            }
        }
        if (now) destroy();
    }

    /** Closes the worker if it has been idle since before {@code idleSinceNanos}; true if it did. */
    boolean retireIfIdleSince(long before) {
        synchronized (this) {
            if (state != State.IDLE || idleSinceNanos > before) return false;
            state = State.CLOSED;
            killedByUs = true;
        }
        destroy();
        return true;
    }

    /**
     * Lambda's init phase limit passed and the runtime has not asked for an event yet: the worker is killed as a
     * failed start (not a retirement), so the invocation waiting for it fails and the next one starts afresh.
     * True if it was still starting.
     */
    boolean initDeadlinePassed() {
        synchronized (this) {
            if (everPolled || state == State.CLOSED) return false;
            state = State.CLOSED;
        }
        destroy();
        return true;
    }

    /** Kills the process whatever it is doing (timeout); the current invocation must already be completed. */
    void kill() {
        synchronized (this) {
            state = State.CLOSED;
            killedByUs = true;
            current = null;
        }
        destroy();
    }

    private void destroy() {
        Process p;
        synchronized (this) {
            p = process;
        }
        endpoint.close();
        closeStatusFile();
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private void exited() {
        Invocation inv;
        boolean byUs;
        boolean polled;
        synchronized (this) {
            inv = current;
            current = null;
            byUs = killedByUs;
            polled = everPolled;
            state = State.CLOSED;
        }
        endpoint.close();
        closeStatusFile();
        int code = process.exitValue();
        pool.exited(this, inv, byUs, polled, code);
    }

    /** Init duration, reported once (on the REPORT of the first invocation this worker served). */
    synchronized Double takeInitDuration() {
        Double d = initDurationMs;
        initDurationMs = null;
        return d;
    }

    /**
     * Lambda's "Max Memory Used": the process's peak resident set ({@code VmHWM} in {@code /proc/PID/status}), in
     * MB rounded up; 0 where that cannot be read (not Linux, the process gone). The file is kept open and read
     * from its start each time (one system call an invocation).
     */
    long maxMemoryUsedMb() {
        try {
            java.nio.channels.FileChannel status = statusFile();
            if (status == null) return 0;
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096);
            int n = status.read(buf, 0);
            return n <= 0 ? 0 : vmHwmMb(buf.array(), n);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The {@code VmHWM:   1234 kB} line of a {@code /proc/PID/status} text, in MB rounded up (0 if absent). */
    static long vmHwmMb(byte[] text, int length) {
        byte[] key = "VmHWM:".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length <= length; i++) {
            if (i > 0 && text[i - 1] != '\n') continue;
            for (int k = 0; k < key.length; k++) if (text[i + k] != key[k]) continue outer;
            long kb = 0;
            for (int j = i + key.length; j < length && text[j] != '\n'; j++) {
                if (text[j] >= '0' && text[j] <= '9') kb = kb * 10 + (text[j] - '0');
            }
            return (kb + 1023) / 1024;
        }
        return 0;
    }

    private java.nio.channels.FileChannel statusChannel;

    private synchronized java.nio.channels.FileChannel statusFile() throws IOException {
        if (statusChannel == null && process != null && state != State.CLOSED) {
            statusChannel = java.nio.channels.FileChannel.open(Path.of("/proc/" + process.pid() + "/status"));
        }
        return statusChannel;
    }

    private void closeStatusFile() {
        java.nio.channels.FileChannel c;
        synchronized (this) {
            c = statusChannel;
            statusChannel = null;
        }
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    private void pump(InputStream in) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lastOutputNanos = System.nanoTime();
                int marker = line.indexOf(OUTPUT_DONE);
                if (marker >= 0) {
                    String before = line.substring(0, marker);
                    outputDone(line.substring(marker + OUTPUT_DONE.length()).trim());
                    if (before.isEmpty()) continue;
                    line = before;
                }
                Invocation inv;
                synchronized (this) {
                    inv = current;
                }
                pool.output(inv, line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override public String toString() {
        return "Worker{" + config.name() + "#" + id + ", pid " + pid() + ", " + state() + "}";
    }
}
