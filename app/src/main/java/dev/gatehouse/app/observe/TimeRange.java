package dev.gatehouse.app.observe;

import java.time.Duration;

/**
 * The Dashboard's and Logs' time ranges, each with the bucket size the store keeps for it: 1-second buckets
 * are kept an hour, 1-minute buckets a week (issue 14).
 */
public enum TimeRange {
    FIVE_MINUTES("Last 5 minutes", Duration.ofMinutes(5), 1),
    HOUR("Last hour", Duration.ofHours(1), 1),
    DAY("Last day", Duration.ofDays(1), 60),
    WEEK("Last week", Duration.ofDays(7), 60);

    private final String label;
    private final Duration length;
    private final int resolutionSeconds;

    TimeRange(String label, Duration length, int resolutionSeconds) {
        this.label = label;
        this.length = length;
        this.resolutionSeconds = resolutionSeconds;
    }

    public Duration length() {
        return length;
    }

    /** The bucket size in seconds: 1 or 60. */
    public int resolutionSeconds() {
        return resolutionSeconds;
    }

    @Override public String toString() {
        return label;
    }
}
