package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.model.LoggingLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The off-request-path half of observability, on one daemon thread of its own: takes what the
 * {@link ObserveQueue} holds every {@value #FOLD_EVERY_MILLIS} ms and folds it in (Prometheus meters, the 1-second
 * and 1-minute metric buckets, the access-log lines, the request-log entries encoded into their stage's block),
 * and once per {@code batchInterval} writes the buckets and the request-log blocks in <em>one</em> SQLite
 * transaction and flushes the access logs. An execution log goes into the block as the events the request path
 * captured ({@link ExecutionTrace}, stored by {@link StoredTrace}; its text is written when it is read), without the
 * headers and bodies where the stage's {@code dataTraceEnabled} is off. Every minute it enforces the retention
 * limits. A failing write is logged and the
 * batch lost (never retried in a loop); requests are never affected.
 */
final class ObserveWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObserveWriter.class);
    private static final int MAX_BATCH = 8192;
    private static final long RETENTION_EVERY_MILLIS = 60_000;
    /**
     * How long records wait in the queue at most before the writer takes them. Records held for the whole batch
     * interval (100 ms: ~2,500 at 25k rps) were live at every young collection and made up most of what each one
     * copied: mean pause 4.9 ms; folded every 10 ms, 2.3 ms (bench/dataplane.sh GC line, BENCHMARKS.md).
     */
    private static final long FOLD_EVERY_MILLIS = 10;
    /**
     * Request-log entries encoded since the last commit at most (their blocks' bytes, ~150 B an entry with data
     * trace): beyond, the batch is committed at once. The entries are encoded at each fold, so what waits for the
     * commit is bytes, not the traces with the request's headers and bodies: those were live at every young
     * collection while 256 of them waited (the former limit, which at 25k logged requests a second committed ten
     * times as often as the interval: each commit writes the buckets too).
     */
    static final int MAX_ENCODED_LOGS = 8192;
    /** Entries in one request-log block at most: what a search decodes to reach one of them. */
    static final int MAX_BLOCK_ENTRIES = 1024;

    private final ObserveQueue queue;
    private final ObserveSettings settings;
    private final ObserveDatabase db;
    private final MetricsStore metrics;
    private final PrometheusMetrics prometheus;
    private final AccessLogFiles accessLogs;
    private final ObserveOptions options;
    private final Clock clock;
    private final Map<String, AccessLogFormat> formats = new HashMap<>();
    /** The access-log format used last (a batch is mostly one stage's) and the line it renders into. */
    private AccessLogFormat format;
    private final StringBuilder line = new StringBuilder(256);
    /** Buckets still open (or recently written) by key; writer thread only. */
    private final Map<MetricsStore.Key, MetricBucket> open = new HashMap<>();
    /** Buckets changed since the last commit; writer thread only. */
    private final Map<MetricsStore.Key, MetricBucket> touched = new HashMap<>();
    /** The fold's request-log entries, encoded at the fold's end; writer thread only. */
    private final List<RequestLogStore.Pending> logged = new ArrayList<>();
    /** Request-log blocks being filled, by API and stage; writer thread only. */
    private final Map<String, OpenBlock> openBlocks = new HashMap<>();
    /** The block the last entry went to (a batch is mostly one stage's). */
    private OpenBlock lastBlock;
    /** Blocks full or closed, waiting for the next commit; writer thread only. */
    private final List<RequestLogStore.Encoded> encoded = new ArrayList<>();
    /** Entries encoded since the last commit. */
    private int encodedLogs;
    /** Records folded since the last commit; writer thread only. */
    private long folded;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRetention;

    ObserveWriter(ObserveQueue queue, ObserveSettings settings, ObserveDatabase db, PrometheusMetrics prometheus,
                  Path accessLogDir, ObserveOptions options, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.db = db;
        this.metrics = new MetricsStore(db);
        this.prometheus = prometheus;
        this.accessLogs = new AccessLogFiles(accessLogDir, options.accessLogMaxBytes(), options.accessLogFilesKept());
        this.options = options;
        this.clock = clock;
        this.lastRetention = clock.millis();
        this.thread = Thread.ofPlatform().daemon().name("gatehouse-observe-writer").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Records taken from the queue and handled (written or lost to a failed write). */
    long handled() {
        return handled.get();
    }

    long batches() {
        return batches.get();
    }

    long writeFailures() {
        return writeFailures.get();
    }

    private void loop() {
        List<RequestRecord> batch = new ArrayList<>(1024);
        long interval = options.batchInterval().toMillis();
        long fold = Math.min(FOLD_EVERY_MILLIS, interval);
        long lastCommit = System.nanoTime();
        while (running || queue.size() > 0) {
            long started = System.nanoTime();
            batch.clear();
            try {
                queue.drain(batch, MAX_BATCH, folded > 0 ? fold : interval); // idle: no need to wake every fold
            } catch (InterruptedException e) {
                if (!running) continue;
            }
            if (!batch.isEmpty()) fold(batch);
            long now = System.nanoTime();
            if (folded > 0 && (now - lastCommit >= interval * 1_000_000L || commitDue() || !running)) {
                commit();
                lastCommit = now;
            }
            maybeEnforceRetention(false);
            long spent = (System.nanoTime() - started) / 1_000_000;
            if (running && !batch.isEmpty() && spent < fold) {
                try {
                    Thread.sleep(fold - spent); // a fold per FOLD_EVERY_MILLIS however busy, not one per record
                } catch (InterruptedException ignored) {
                    // closing: drain what is left
                }
            }
        }
        if (folded > 0) commit();
    }

    /** Handles one batch at once: {@link #fold} then {@link #commit}. Writer thread (or a test owning the writer). */
    void write(List<RequestRecord> batch) {
        fold(batch);
        commit();
    }

    /** Whether what waits for the commit is enough to commit before the interval ends. */
    boolean commitDue() {
        return encodedLogs >= MAX_ENCODED_LOGS;
    }

    /**
     * Takes {@code batch} into the pending state: Prometheus meters, the touched buckets, the request-log entries
     * (encoded into their blocks) and the access-log lines (appended, flushed at the commit). Writer thread, or a
     * benchmark owning the writer ({@code ObserveBenchmarks}' served mode).
     */
    void fold(List<RequestRecord> batch) {
        foldRecords(batch);
        encode(logged);
        logged.clear();
    }

    private void foldRecords(List<RequestRecord> batch) {
        folded += batch.size();
        LastBuckets last = null;
        for (RequestRecord r : batch) {
            if (r.apiId() == null || r.stage() == null) continue; // matched no stage: nothing is the owner
            StageObserveSettings stage = settings.stage(r.apiId(), r.stage());
            boolean caching = stage != null && stage.cachingEnabled(r.resourcePath(), r.httpMethod());
            prometheus.record(r, stage, caching);
            long second = Math.floorDiv(r.requestTimeMillis(), 1000);
            if (last == null || !last.sameBuckets(r, second)) {
                // a batch mostly holds one method's requests of one second: look its four buckets up once
                last = new LastBuckets(r, second);
                last.stageSecond = bucket(touched, new MetricsStore.Key(MetricsStore.SECOND, r.apiId(), r.stage(), "", second));
                last.stageMinute = bucket(touched, new MetricsStore.Key(MetricsStore.MINUTE, r.apiId(), r.stage(), "",
                        second - Math.floorMod(second, 60)));
                if (r.resourcePath() != null) {
                    String method = r.methodKey();
                    last.methodSecond = bucket(touched, new MetricsStore.Key(MetricsStore.SECOND, r.apiId(), r.stage(), method, second));
                    last.methodMinute = bucket(touched, new MetricsStore.Key(MetricsStore.MINUTE, r.apiId(), r.stage(), method,
                            second - Math.floorMod(second, 60)));
                }
            }
            last.stageSecond.add(r, caching);
            last.stageMinute.add(r, caching);
            if (last.methodSecond != null) {
                last.methodSecond.add(r, caching);
                last.methodMinute.add(r, caching);
            }
            if (stage != null) {
                LoggingLevel level = stage.loggingLevel(r.resourcePath(), r.httpMethod());
                boolean error = r.failed() || r.status() >= 400;
                if ((r.executionLog() != null || r.executionTrace() != null)
                        && (level == LoggingLevel.INFO || level == LoggingLevel.ERROR && error)) {
                    boolean data = stage.dataTrace(r.resourcePath(), r.httpMethod());
                    if (r.executionLog() == null) {
                        // the request path captured the events: the block encoder writes the stored log straight
                        // from them, without the header and body lines when the stage keeps no data
                        logged.add(new RequestLogStore.Pending(r, level.name(), null, r.executionTrace(), data));
                    } else {
                        logged.add(new RequestLogStore.Pending(r, level.name(), data ? r.executionLog()
                                : ExecutionLogText.withoutData(ExecutionLogText.expand(r.executionLog()))));
                    }
                }
                if (stage.accessLogFormat() != null) {
                    try {
                        if (format == null || !format.format().equals(stage.accessLogFormat())) {
                            format = formats.computeIfAbsent(stage.accessLogFormat(), AccessLogFormat::compile);
                        }
                        line.setLength(0);
                        format.appendTo(line, r);
                        accessLogs.append(r.apiId(), r.stage(), line);
                    } catch (IOException e) {
                        LOG.warn("access log of {}/{} could not be written: {}", r.apiId(), r.stage(), e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Writes what was folded since the last commit: buckets and request log in one SQLite transaction, then the
     * access-log lines flushed. A failing transaction loses what it held (logged, counted), never retried. Writer thread only.
     */
    void commit() {
        try {
            for (OpenBlock b : openBlocks.values()) finish(b);
            db.inTransaction(c -> {
                MetricsStore.write(c, touched);
                RequestLogStore.insertEncoded(c, encoded);
            });
            batches.incrementAndGet();
        } catch (IllegalStateException e) {
            writeFailures.incrementAndGet();
            LOG.warn("observability batch of {} requests lost: {}", folded, e.getMessage());
        }
        try {
            accessLogs.flush();
        } catch (IOException e) {
            LOG.warn("access logs could not be flushed: {}", e.getMessage());
        }
        handled.addAndGet(folded);
        folded = 0;
        touched.clear();
        logged.clear();
        encoded.clear();
        encodedLogs = 0;
        if (openBlocks.size() > 16) { // stages no longer logging: their encoders go
            openBlocks.clear();
            lastBlock = null;
        }
        evictOldBuckets();
    }

    /** A stage's request-log block being filled: its encoder, reused from block to block. */
    private static final class OpenBlock {
        final String api;
        final String stage;
        final RequestLogBlock.Encoder encoder = new RequestLogBlock.Encoder();
        boolean started;

        OpenBlock(String api, String stage) {
            this.api = api;
            this.stage = stage;
        }
    }

    /**
     * Encodes a fold's logged entries into their stages' open blocks at once, so the traces (and the request
     * headers and bodies they hold) are garbage after this fold rather than live until the commit; the commit
     * stores the blocks' bytes. A block's time base is the smallest time of the entries it starts with; an entry
     * older than its block's base, or a full block, starts the next block.
     */
    private void encode(List<RequestLogStore.Pending> entries) {
        for (int i = 0; i < entries.size(); i++) {
            RequestLogStore.Pending p = entries.get(i);
            RequestRecord r = p.record();
            OpenBlock b = lastBlock;
            if (b == null || !b.api.equals(r.apiId()) || !b.stage.equals(r.stage())) {
                b = openBlocks.computeIfAbsent(r.apiId() + "/" + r.stage(), k -> new OpenBlock(r.apiId(), r.stage()));
                lastBlock = b;
            }
            RequestLogBlock.Encoder e = b.encoder;
            if (b.started && (r.requestTimeMillis() < e.minTs || e.count >= MAX_BLOCK_ENTRIES)) finish(b);
            if (!b.started) {
                long base = r.requestTimeMillis();
                for (int j = i + 1; j < entries.size(); j++) { // the fold's oldest entry of this stage
                    RequestRecord o = entries.get(j).record();
                    if (o.requestTimeMillis() < base && b.api.equals(o.apiId()) && b.stage.equals(o.stage())) {
                        base = o.requestTimeMillis();
                    }
                }
                e.start(0, base);
                b.started = true;
            }
            e.add(e.count, r.requestTimeMillis(), r.requestId(), r.httpMethod(), r.resourcePath(), r.path(),
                    r.status(), r.latencyMicros(), r.integrationMicros(), r.apiKeyId(),
                    RequestLogStore.maskApiKey(r.apiKey()), r.sourceIp(), p.level(), p.log(), p.trace(), p.data());
            encodedLogs++;
        }
    }

    /** Closes {@code b}'s block, if started, into the blocks the next commit stores. */
    private void finish(OpenBlock b) {
        if (!b.started) return;
        RequestLogBlock.Encoder e = b.encoder;
        if (e.count > 0) encoded.add(new RequestLogStore.Encoded(b.api, b.stage, e.count, e.minTs, e.maxTs, e.ids(), e.data()));
        b.started = false;
    }

    /** The buckets of the batch's last record: its API, stage, method and second. */
    private static final class LastBuckets {
        final String apiId;
        final String stage;
        final String resourcePath;
        final String httpMethod;
        final long second;
        MetricBucket stageSecond;
        MetricBucket stageMinute;
        MetricBucket methodSecond;
        MetricBucket methodMinute;

        LastBuckets(RequestRecord r, long second) {
            this.apiId = r.apiId();
            this.stage = r.stage();
            this.resourcePath = r.resourcePath();
            this.httpMethod = r.httpMethod();
            this.second = second;
        }

        boolean sameBuckets(RequestRecord r, long second) {
            return second == this.second && apiId.equals(r.apiId()) && stage.equals(r.stage())
                    && java.util.Objects.equals(resourcePath, r.resourcePath())
                    && java.util.Objects.equals(httpMethod, r.httpMethod());
        }
    }

    private MetricBucket bucket(Map<MetricsStore.Key, MetricBucket> touched, MetricsStore.Key key) {
        MetricBucket b = open.get(key);
        if (b == null) {
            b = metrics.load(key); // a bucket written before (late request, or an earlier run in the same second)
            if (b == null) b = MetricBucket.withHistograms(histogram(), histogram());
            open.put(key, b);
        }
        touched.put(key, b);
        return b;
    }

    /**
     * Histograms of evicted buckets, emptied, for new ones: an HdrHistogram grows its arrays as values arrive, so a
     * fresh one per bucket (four new buckets a second) was the writer's largest allocation. Writer thread only.
     */
    private final java.util.ArrayDeque<org.HdrHistogram.Histogram> spare = new java.util.ArrayDeque<>();
    private static final int MAX_SPARE = 64;

    private org.HdrHistogram.Histogram histogram() {
        org.HdrHistogram.Histogram h = spare.poll();
        return h != null ? h : MetricBucket.newHistogram();
    }

    private void recycle(org.HdrHistogram.Histogram h) {
        if (spare.size() >= MAX_SPARE) return;
        h.reset();
        spare.push(h);
    }

    private void evictOldBuckets() {
        long nowSecond = clock.millis() / 1000;
        Iterator<MetricsStore.Key> it = open.keySet().iterator();
        while (it.hasNext()) {
            MetricsStore.Key k = it.next();
            long age = nowSecond - k.ts();
            if (k.resolution() == MetricsStore.SECOND ? age > 10 : age > 180) {
                MetricBucket gone = open.get(k);
                it.remove();
                recycle(gone.latency);
                recycle(gone.integration);
            }
        }
    }

    /** Drops what the retention limits no longer keep; every minute, or now when {@code force}. */
    void maybeEnforceRetention(boolean force) {
        long now = clock.millis();
        if (!force && now - lastRetention < RETENTION_EVERY_MILLIS) return;
        lastRetention = now;
        try {
            db.inTransaction(c -> {
                MetricsStore.enforceRetention(c, (now - options.secondsKept().toMillis()) / 1000,
                        (now - options.minutesKept().toMillis()) / 1000);
                RequestLogStore.enforceRetention(c, now - options.requestLogKept().toMillis(), options.requestLogMaxRows());
            });
        } catch (IllegalStateException e) {
            LOG.warn("observability retention could not be enforced: {}", e.getMessage());
        }
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accessLogs.close();
    }
}
