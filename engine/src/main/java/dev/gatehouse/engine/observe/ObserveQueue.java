package dev.gatehouse.engine.observe;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded hand-off between request threads and the {@link ObserveWriter}: {@link #offer} never blocks; when
 * the queue is full the record is dropped and counted ({@link #dropped}), so a slow disk never slows requests.
 */
public final class ObserveQueue {

    /** Default capacity: several seconds of traffic at the benchmark's rate. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private final BlockingQueue<RequestRecord> queue;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder offered = new LongAdder();

    public ObserveQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Request threads: enqueue or drop (counted); never blocks, never throws. */
    public void offer(RequestRecord record) {
        offered.increment();
        if (!queue.offer(record)) dropped.increment();
    }

    /** Writer thread: waits up to {@code maxWaitMillis} for the first record, then takes up to {@code max}. */
    int drain(List<RequestRecord> into, int max, long maxWaitMillis) throws InterruptedException {
        RequestRecord first = queue.poll(maxWaitMillis, TimeUnit.MILLISECONDS);
        if (first == null) return 0;
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    /** Records dropped because the queue was full since start. */
    public long dropped() {
        return dropped.sum();
    }

    /** Records offered since start (dropped ones included). */
    public long offered() {
        return offered.sum();
    }

    public int size() {
        return queue.size();
    }
}
