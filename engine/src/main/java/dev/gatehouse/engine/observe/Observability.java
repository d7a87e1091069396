package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.workspace.Workspace;
import dev.gatehouse.engine.workspace.WorkspaceEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's request observability, driven by its stages' AWS settings: metrics (always per stage and method
 * in the store; on {@code /metrics} for stages with {@code metricsEnabled}), access logs ({@code accessLogSettings})
 * to {@code .gatehouse/logs/access/}, and the request (execution) log ({@code loggingLevel},
 * {@code dataTraceEnabled}) in {@code .gatehouse/observe.db}.
 *
 * <p>Lifecycle: create with the gateway (cheap: nothing is opened), register {@link #listener()} with the data
 * plane, {@link #start()} when serving begins (opens the store, starts the writer), {@link #close()} at the end
 * (drains what is queued, up to 5 s). Before {@code start} the listener drops nothing and costs nothing but the
 * queue. Thread-safe.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final Path root;
    private final ObserveOptions options;
    private final Clock clock;
    private final ObserveSettings settings = new ObserveSettings();
    private final ObserveQueue queue;
    private final ObservingListener listener;
    private final PrometheusMetrics prometheus = new PrometheusMetrics();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile ObserveDatabase db;
    private volatile ObserveWriter writer;

    public Observability(Path workspaceRoot, ObserveOptions options, Clock clock) {
        this.root = workspaceRoot;
        this.options = options;
        this.clock = clock;
        this.queue = new ObserveQueue(options.queueCapacity());
        this.listener = new ObservingListener(settings, queue);
    }

    /** Follows {@code workspace}'s stages so setting changes apply at once (no deploy needed, as on AWS). */
    public void follow(Workspace workspace) {
        settings.update(workspace.state());
        workspace.addListener(event -> {
            if (event instanceof WorkspaceEvent.StageChanged || event instanceof WorkspaceEvent.ApiChanged) {
                settings.update(workspace.state());
            }
        });
    }

    /** The hand-off queue (tests feed it records directly). */
    ObserveQueue queue() {
        return queue;
    }

    public ObserveSettings settings() {
        return settings;
    }

    /** The data-plane listener: add it to the server's listeners. */
    public GatewayEventListener listener() {
        return listener;
    }

    /**
     * Opens the store and starts the writer (idempotent). When the store cannot be opened, requests are still
     * served and the reason is logged; records then pile up in the queue and are dropped (counted).
     */
    public void start() {
        if (!started.compareAndSet(false, true)) return;
        try {
            db = ObserveDatabase.openWorkspace(root);
        } catch (IllegalStateException e) {
            LOG.warn("{}; metrics and request logs are not kept for this run", e.getMessage());
            return;
        }
        writer = new ObserveWriter(queue, settings, db, prometheus,
                root.resolve(".gatehouse").resolve("logs").resolve("access"), options, clock);
        writer.start();
    }

    /** The metric buckets (null before {@link #start}). */
    public MetricsStore metrics() {
        return db == null ? null : new MetricsStore(db);
    }

    /** The request log (null before {@link #start}). */
    public RequestLogStore requestLog() {
        return db == null ? null : new RequestLogStore(db);
    }

    /** {@code /metrics}: the Prometheus text of the stages with {@code metricsEnabled}, and the writer's own counters. */
    public String prometheusText() {
        StringBuilder b = new StringBuilder(prometheus.scrape());
        b.append("# HELP gatehouse_observe_dropped_total Requests not observed because the writer fell behind\n")
                .append("# TYPE gatehouse_observe_dropped_total counter\n")
                .append("gatehouse_observe_dropped_total ").append(queue.dropped()).append('\n');
        b.append("# HELP gatehouse_observe_queued Requests waiting for the observability writer\n")
                .append("# TYPE gatehouse_observe_queued gauge\n")
                .append("gatehouse_observe_queued ").append(queue.size()).append('\n');
        return b.toString();
    }

    /** Requests dropped because the writer fell behind (the queue was full). */
    public long dropped() {
        return queue.dropped();
    }

    /** Transactions committed by the writer. */
    public long batches() {
        ObserveWriter w = writer;
        return w == null ? 0 : w.batches();
    }

    /**
     * Waits until every request observed before this call is written (tests, the console's refresh); false when
     * {@code timeout} passed first or the writer is not running.
     */
    public boolean flush(Duration timeout) {
        ObserveWriter w = writer;
        if (w == null) return false;
        long target = queue.offered() - queue.dropped();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (w.handled() < target) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Enforces the retention limits now (they are otherwise enforced every minute). */
    public void enforceRetention() {
        ObserveWriter w = writer;
        if (w != null) w.maybeEnforceRetention(true);
    }

    /** Stops the writer after it wrote what is queued (up to 5 s), closes the store. Idempotent. */
    @Override public void close() {
        ObserveWriter w = writer;
        writer = null;
        if (w != null) w.close();
        ObserveDatabase d = db;
        if (d != null) d.close();
        prometheus.close();
    }
}
