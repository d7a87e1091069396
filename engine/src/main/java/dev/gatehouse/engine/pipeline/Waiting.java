package dev.gatehouse.engine.pipeline;

/**
 * What handling a request may wait for, which decides where the data-plane server runs it ({@code server.Threading}):
 * on its connection's event loop itself, on a virtual thread that loop carries, or on the JDK's virtual-thread
 * scheduler. Declared per filter ({@link Filter#waiting}) and combined over a request's plan with {@link #and}.
 */
public enum Waiting {

    /**
     * Only the calling thread's own work: no I/O, and no parking for anything another request or the event loop
     * must finish first (a lock held for a moment by another thread, as in Caffeine or a concurrent map, is fine).
     * Such a request runs on its connection's event loop, start to end, without a thread of its own.
     */
    NONE,

    /**
     * Never blocks, but parks for work its connection's event loop completes (an HTTP backend exchange on that
     * loop): runs on a virtual thread carried by the loop, which parks and lets the loop go on.
     */
    ON_EVENT_LOOP,

    /**
     * May block: files, processes, blocking native I/O, the network outside the request's event loop (functions,
     * Lambda authorizers, AWS services, Redis state, a JWKS fetched from a URL). Runs on the JDK's scheduler.
     */
    BLOCKING;

    /** What a request needs when it runs both this and {@code other}: the more demanding of the two. */
    public Waiting and(Waiting other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
