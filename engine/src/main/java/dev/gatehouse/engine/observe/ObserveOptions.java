package dev.gatehouse.engine.observe;

import java.time.Duration;

/**
 * Limits of the observability store and writer.
 *
 * @param secondsKept      how long 1-second metric buckets are kept (default 1 hour)
 * @param minutesKept      how long 1-minute metric buckets are kept (default 7 days)
 * @param requestLogKept   how long request-log entries are kept (default 7 days)
 * @param requestLogMaxRows at most this many request-log entries (the oldest go first)
 * @param batchInterval    the writer's longest wait between transactions (default 100 ms)
 * @param queueCapacity    requests waiting for the writer before new ones are dropped (counted)
 * @param accessLogMaxBytes an access-log file is rotated past this size
 * @param accessLogFilesKept rotated files kept per stage ({@code .1} newest)
 */
public record ObserveOptions(Duration secondsKept, Duration minutesKept, Duration requestLogKept,
                             long requestLogMaxRows, Duration batchInterval, int queueCapacity,
                             long accessLogMaxBytes, int accessLogFilesKept) {

    public static final ObserveOptions DEFAULTS = new ObserveOptions(Duration.ofHours(1), Duration.ofDays(7),
            Duration.ofDays(7), 1_000_000, Duration.ofMillis(100), ObserveQueue.DEFAULT_CAPACITY,
            10L * 1024 * 1024, 5);

    public ObserveOptions withRetention(Duration seconds, Duration minutes, Duration requestLog, long maxRows) {
        return new ObserveOptions(seconds, minutes, requestLog, maxRows, batchInterval, queueCapacity,
                accessLogMaxBytes, accessLogFilesKept);
    }

    public ObserveOptions withAccessLogRotation(long maxBytes, int filesKept) {
        return new ObserveOptions(secondsKept, minutesKept, requestLogKept, requestLogMaxRows, batchInterval,
                queueCapacity, maxBytes, filesKept);
    }

    public ObserveOptions withQueueCapacity(int capacity) {
        return new ObserveOptions(secondsKept, minutesKept, requestLogKept, requestLogMaxRows, batchInterval,
                capacity, accessLogMaxBytes, accessLogFilesKept);
    }
}
