package dev.gatehouse.engine.functions;

import dev.gatehouse.engine.pipeline.RequestIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local Lambda of one workspace: invokes {@code functions/NAME} by name on warm worker pools (one per
 * function, created on first use), follows code and configuration changes on disk (polled; workers recycled),
 * retires idle workers and keeps each function's log. Nothing starts until the first invocation, so opening it
 * costs nothing for commands that never invoke.
 *
 * <p>{@link #invoke} blocks the calling thread (on the data plane: the request's virtual thread) until the
 * function answered; every other method is quick. Thread-safe. {@link #close} kills every worker it started (by
 * their process handles) and nothing else.
 */
public final class LocalFunctions implements AutoCloseable {

    /** How long a worker may stay idle before it is retired. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** How often the function folders are checked for changes. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofMillis(500);
    /** How long a worker may take to ask for its first event (Lambda's init phase limit is 10 s). */
    public static final Duration DEFAULT_INIT_LIMIT = Duration.ofSeconds(10);

    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR",
            "PYENV_ROOT", "PYENV_VERSION", "NVM_DIR", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private final FunctionStore store;
    private final Path logDir;
    private final Duration idleTimeout;
    private final Duration reloadInterval;
    private final Duration initLimit;
    private final Map<String, WorkerPool> pools = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private ExecutorService executor;
    /** Platform threads reading the workers' stdout and stderr (two a worker, reused as workers come and go). */
    private ExecutorService pumps;
    private ScheduledExecutorService scheduler;
    /** The Runtime API's event loop (one for every worker's endpoint). */
    private io.vertx.core.Vertx vertx;
    private Path runtimesDir;
    private boolean closed;

    public LocalFunctions(Path workspaceRoot, Duration idleTimeout, Duration reloadInterval) {
        this(workspaceRoot, idleTimeout, reloadInterval, DEFAULT_INIT_LIMIT);
    }

    /** @param initLimit a worker that has not asked for an event this long after its start is killed */
    public LocalFunctions(Path workspaceRoot, Duration idleTimeout, Duration reloadInterval, Duration initLimit) {
        this.store = new FunctionStore(workspaceRoot);
        this.logDir = workspaceRoot.resolve(".gatehouse").resolve("functions");
        this.idleTimeout = idleTimeout;
        this.reloadInterval = reloadInterval;
        this.initLimit = initLimit;
    }

    /** The functions of the workspace at {@code workspaceRoot}, with the default timings. */
    public static LocalFunctions open(Path workspaceRoot) {
        return new LocalFunctions(workspaceRoot, DEFAULT_IDLE_TIMEOUT, DEFAULT_RELOAD_INTERVAL);
    }

    public FunctionStore store() {
        return store;
    }

    /**
     * Invokes {@code name} with {@code payload} (JSON) and waits for its answer, at most the function's timeout
     * plus a cold start's allowance, or {@code maxWait} when that is shorter. A function error is a result
     * ({@link InvokeResult#failed()}), not an exception.
     *
     * @param invokedArn the ARN the caller used (passed to the function); null for the function's own
     * @throws FunctionException NOT_FOUND when there is no such function, WAIT_EXPIRED when the wait ended
     */
    public InvokeResult invoke(String name, byte[] payload, String invokedArn, Duration maxWait) {
        WorkerPool pool = pool(name);
        FunctionConfig cfg = pool.config();
        if (cfg == null) throw notFound(name);
        Duration cap = Duration.ofSeconds(cfg.timeoutSeconds()).plus(initLimit).plusSeconds(1);
        Duration wait = maxWait == null || maxWait.compareTo(cap) > 0 ? cap : maxWait;
        String arn = invokedArn != null ? invokedArn : Lambda.arn(Lambda.DEFAULT_REGION, name);
        Invocation.Meta meta = new Invocation.Meta(arn,
                RequestIds.traceId(Instant.now().getEpochSecond()) + ";Parent=" + Long.toHexString(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + ";Sampled=0",
                null, null);
        return pool.invoke(payload, meta, wait);
    }

    /** The function's recent log lines: this process's if it ran the function, else what is on disk. */
    public List<String> logs(String name) {
        WorkerPool pool = pools.get(name);
        if (pool != null) return pool.log().recent();
        try {
            return FunctionLog.readFile(logDir, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live workers of the function (0 when it never ran here). */
    public int workers(String name) {
        WorkerPool pool = pools.get(name);
        return pool == null ? 0 : pool.size();
    }

    private WorkerPool pool(String name) {
        WorkerPool existing = pools.get(name);
        if (existing != null) return existing;
        synchronized (lock) {
            if (closed) throw new IllegalStateException("the function runtime is closed");
            existing = pools.get(name);
            if (existing != null) return existing;
            FunctionConfig cfg = store.read(name).orElseThrow(() -> notFound(name));
            startBackgroundWork();
            WorkerPool pool = new WorkerPool(name, cfg, store.fingerprint(name), this,
                    new FunctionLog(logDir.resolve(name + ".log")));
            pools.put(name, pool);
            return pool;
        }
    }

    private static FunctionException notFound(String name) {
        return new FunctionException(FunctionException.Kind.NOT_FOUND,
                "Function not found: " + Lambda.arn(Lambda.DEFAULT_REGION, name));
    }

    /** Under {@link #lock}: the threads and the extracted bootstraps, the first time a function is used. */
    private void startBackgroundWork() {
        if (executor != null) return;
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gatehouse-function-", 0).factory());
        vertx = io.vertx.core.Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        pumps = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("gatehouse-function-output-", 0).factory());
        var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon()
                .name("gatehouse-functions-timer").unstarted(r));
        timer.setRemoveOnCancelPolicy(true);
        scheduler = timer;
        scheduler.scheduleWithFixedDelay(this::housekeeping, reloadInterval.toMillis(), reloadInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        runtimesDir = extractRuntimes();
    }

    /** Hot reload, idle shrink and the function logs' flush; on the timer thread. */
    private void housekeeping() {
        for (WorkerPool pool : pools.values()) {
            try {
                long now = store.fingerprint(pool.name);
                if (now != pool.fingerprint()) {
                    FunctionConfig fresh;
                    try {
                        fresh = store.read(pool.name).orElse(null);
                    } catch (IllegalArgumentException broken) {
                        pool.log().add("Gatehouse: " + broken.getMessage() + "; workers keep the previous configuration");
                        fresh = pool.config();
                    }
                    pool.recycle(fresh, now);
                }
                pool.reap(idleTimeout);
                pool.log().flush();
            } catch (RuntimeException e) {
                pool.log().add("Gatehouse: housekeeping failed: " + e);
            }
        }
    }

    Duration initLimit() {
        return initLimit;
    }

    ExecutorService executor() {
        return executor;
    }

    io.vertx.core.Vertx vertx() {
        return vertx;
    }

    ExecutorService pumps() {
        return pumps;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The worker's command line for its runtime. */
    List<String> command(FunctionConfig cfg) {
        return switch (cfg.runtime()) {
            case NODEJS -> List.of("node", runtimesDir.resolve("nodejs/bootstrap.js").toString());
            case PYTHON -> List.of("python3", runtimesDir.resolve("python/bootstrap.py").toString());
            case PROVIDED -> List.of(store.dir(cfg.name()).resolve("bootstrap").toString());
            case JAVA -> JavaRuntime.command(store.dir(cfg.name()), cfg.memoryMb(), cfg.handler());
        };
    }

    /**
     * Lambda's reserved variables (docs: "Defined runtime environment variables") over the function's own, plus
     * the few of ours a runtime needs to start here ({@code PATH}, {@code HOME}, locale, AWS credentials).
     */
    Map<String, String> environment(FunctionConfig cfg, String runtimeApi) {
        Map<String, String> env = new HashMap<>();
        for (String k : PASSED_THROUGH) {
            String v = System.getenv(k);
            if (v != null) env.put(k, v);
        }
        env.putAll(cfg.environment());
        String region = Lambda.DEFAULT_REGION;
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", cfg.handler());
        env.put("AWS_LAMBDA_FUNCTION_NAME", cfg.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(cfg.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", Lambda.VERSION);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + cfg.runtime().id());
        env.put("LAMBDA_TASK_ROOT", store.dir(cfg.name()).toAbsolutePath().toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimesDir.resolve(cfg.runtime().id()).toString());
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + cfg.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", WorkerPool.logStreamName());
        if (cfg.runtime() == FunctionRuntime.PYTHON) env.put("PYTHONUNBUFFERED", "1");
        env.putIfAbsent("LANG", "en_US.UTF-8");
        return env;
    }

    /** Copies the bootstraps from the classpath into a temporary folder of this instance. */
    private static Path extractRuntimes() {
        try {
            Path dir = Files.createTempDirectory("gatehouse-runtimes");
            for (String file : List.of("nodejs/bootstrap.js", "python/bootstrap.py")) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = LocalFunctions.class.getResourceAsStream("runtimes/" + file)) {
                    if (in == null) throw new IllegalStateException("runtime bootstrap runtimes/" + file + " is not on the classpath");
                    Files.copy(in, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills every worker, stops the timer and removes the extracted bootstraps. Idempotent. */
    @Override public void close() {
        ExecutorService ex;
        ExecutorService out;
        io.vertx.core.Vertx loop;
        ScheduledExecutorService sch;
        Path rt;
        List<WorkerPool> all;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            ex = executor;
            out = pumps;
            loop = vertx;
            sch = scheduler;
            rt = runtimesDir;
            all = new ArrayList<>(pools.values());
        }
        if (sch != null) sch.shutdownNow();
        for (WorkerPool p : all) p.close();
        if (ex != null) {
            ex.shutdownNow();
            out.shutdown();
            try {
                // the output pumps of killed workers end with their pipes; wait, so no log is written after close
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                ex.awaitTermination(2, TimeUnit.SECONDS);
                out.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loop != null) {
            try {
                loop.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // a close that did not finish in time leaves only Vert.x's idle threads
            }
        }
        if (rt != null) deleteTree(rt);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** The function named by an ARN or a plain name ({@code arn:aws:lambda:r:acct:function:NAME[:qualifier]}). */
    public static Optional<String> functionName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) return Optional.empty();
        String s = nameOrArn;
        int fn = s.indexOf(":function:");
        if (fn >= 0) s = s.substring(fn + ":function:".length());
        int q = s.indexOf(':');
        if (q >= 0) s = s.substring(0, q);
        return FunctionConfig.NAME.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
