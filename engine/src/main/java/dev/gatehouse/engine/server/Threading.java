package dev.gatehouse.engine.server;

import java.util.Locale;

/**
 * Which carrier runs a request's virtual thread (DESIGN.md "Threading"; the measured decision is in BENCHMARKS.md,
 * "Threading decision"). Either way the filter chain is the same blocking code on a virtual thread, and the inbound
 * connection's event loop does all socket I/O, backend exchange included:
 * <ul>
 *   <li>{@link #VIRTUAL} (the default): the JDK's scheduler, a ForkJoinPool of carrier threads. A proxied request
 *       crosses between the loop and a carrier four times. Safe for any filter, including those that pin their
 *       carrier (native calls such as SQLite, file I/O, process pipes).</li>
 *   <li>{@link #LOOP}: a virtual thread carried by the inbound connection's own event loop ({@link LoopThreads}):
 *       no crossing to another OS thread; the loop serves other connections while the thread waits for its backend.
 *       <b>For measurement only</b>: a filter that pins its carrier stalls every connection of that loop, so it is
 *       safe only for plans that never block (MOCK, HTTP, HTTP_PROXY, templates, validation). It did not measure
 *       cheaper, so the product does not choose it by itself.</li>
 * </ul>
 * Chosen with the system property {@value #PROPERTY} ({@code virtual} or {@code loop}); falls back to VIRTUAL when the
 * JVM does not allow loop-carried threads.
 */
public enum Threading {
    VIRTUAL, LOOP;

    /** The system property naming the threading. */
    public static final String PROPERTY = "gatehouse.dataplane.threading";

    /** From {@link #PROPERTY}; {@link #VIRTUAL} when unset. IllegalArgumentException names a bad value. */
    public static Threading fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return VIRTUAL;
        try {
            return valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be virtual or loop, not '" + v + "'", e);
        }
    }
}
