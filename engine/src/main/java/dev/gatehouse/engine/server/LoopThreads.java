package dev.gatehouse.engine.server;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual threads whose carrier is one event loop: a request's virtual thread runs its filter chain on the loop
 * that owns its connection, parks while the backend answers (the loop serves other connections meanwhile) and
 * resumes on the same loop, so the request never crosses to another OS thread. The JDK builds such threads only
 * through the virtual-thread builder's scheduler constructor (not a public API: it needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}, which the launcher passes); where that is missing,
 * {@link #factory} returns null and the server keeps the default scheduler for every request.
 *
 * <p>Only for plans that never block: a carrier pinned by blocking code (a native call, file I/O, a process pipe)
 * is the event loop itself. Called on the event loop at verticle start; the factories are thread-safe.
 */
final class LoopThreads {

    private static final Logger LOG = LoggerFactory.getLogger(LoopThreads.class);
    private static final Constructor<?> BUILDER = builderConstructor();

    private LoopThreads() { }

    /** Whether this JVM lets us schedule virtual threads on an event loop. */
    static boolean available() {
        return BUILDER != null;
    }

    /** A factory of virtual threads scheduled by {@code loop}, named {@code prefix<n>}; null when unavailable. */
    static Thread.Builder.OfVirtual builder(Executor loop) {
        if (BUILDER == null) return null;
        try {
            return (Thread.Builder.OfVirtual) BUILDER.newInstance(loop);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("event-loop virtual threads unavailable", e);
            return null;
        }
    }

    private static Constructor<?> builderConstructor() {
        try {
            Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> k = c.getDeclaredConstructor(Executor.class);
            k.setAccessible(true);
            return k;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException without --add-opens java.base/java.lang; a JDK without the constructor
            LoggerFactory.getLogger(LoopThreads.class).debug("event-loop virtual threads unavailable: {}", e.toString());
            return null;
        }
    }
}
