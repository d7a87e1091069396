package dev.gatehouse.engine.server;

import java.util.Locale;

/**
 * Which thread runs a request's filter chain (the measured decision: BENCHMARKS.md, "Quiet machine, 2026-12-03"). The
 * filter chain is the same blocking code whatever the thread, and the inbound connection's event loop does all
 * socket I/O, backend exchange included:
 * <ul>
 *   <li>{@link #AUTO} (the default), from what the request's plan may wait for ({@code RequestHandler#waiting}):
 *       nothing ({@code Waiting.NONE}: MOCK, templates, validation, in-memory keys and throttles, the stage cache,
 *       JWT and IAM checks) — run on the connection's event loop itself, no thread of its own; only the event loop
 *       ({@code ON_EVENT_LOOP}: HTTP and HTTP_PROXY, parked on their backend exchange) — on a virtual thread
 *       carried by that loop, like {@link #LOOP}; anything ({@code BLOCKING}: functions, Lambda authorizers, AWS
 *       services, Redis state, keys fetched from a URL) — on the JDK's scheduler, like {@link #VIRTUAL}. The choice
 *       is made once, in {@code ServerVerticle.dispatch}.</li>
 *   <li>{@link #VIRTUAL}: every request on the JDK's scheduler, a ForkJoinPool of carrier threads. A proxied request
 *       crosses between the loop and a carrier four times. Safe for any filter, including those that pin their
 *       carrier (native calls such as SQLite, file I/O, process pipes).</li>
 *   <li>{@link #LOOP}: every request on a virtual thread carried by the inbound connection's own event loop
 *       ({@link LoopThreads}): no crossing to another OS thread; the loop serves other connections while the thread
 *       waits for its backend. <b>For measurement only</b>: a filter that pins its carrier stalls every connection of
 *       that loop.</li>
 * </ul>
 * Chosen with the system property {@value #PROPERTY} ({@code auto}, {@code virtual} or {@code loop}); AUTO and LOOP
 * fall back to VIRTUAL for the requests that wait when the JVM does not allow loop-carried threads (no
 * {@code --add-opens java.base/java.lang}); AUTO still runs requests that wait for nothing on the loop.
 */
public enum Threading {
    AUTO, VIRTUAL, LOOP;

    /** The system property naming the threading. */
    public static final String PROPERTY = "gatehouse.dataplane.threading";

    /** From {@link #PROPERTY}; {@link #AUTO} when unset. IllegalArgumentException names a bad value. */
    public static Threading fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return AUTO;
        try {
            return valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, virtual or loop, not '" + v + "'", e);
        }
    }
}
