package dev.gatehouse.engine.integration;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.LoggerFactory;

/**
 * Hands a task to an event loop from a virtual thread that this very loop carries (the server's loop-carried request
 * threads) without waking the loop up. Netty's {@code execute} from any thread other than the loop's own writes to
 * the loop's wake-up event fd whenever the loop has selected since the last wake-up, and the loop reads it back at
 * its next select: two system calls that wake no one, since the loop is the carrier running the caller. A task queued
 * with {@code lazyExecute} instead is run before the loop next blocks: the loop thread is busy running the caller,
 * and it runs its queued tasks (or selects without blocking while any are queued) before it waits again.
 * Measured with {@code ProxyCpuRunner -Dbench.syscalls=true} (one loop, 8 connections): the event loop wrote and read
 * its own event fd 0.35–0.39 times each per proxied request, 5.0–5.3 system calls per request in all; 4.3–4.4 without.
 *
 * <p>Whether the caller is carried by the loop is told by its carrier thread (JDK-internal
 * {@code Thread.currentCarrierThread}, reachable with {@code --add-opens java.base/java.lang=ALL-UNNAMED}, which
 * loop-carried threads need anyway); without it every call is a plain {@code execute}. Any thread.
 */
public final class LoopTasks {

    private static final MethodHandle CARRIER = carrierHandle();

    private LoopTasks() { }

    /** Runs {@code task} on {@code loop}: without a wake-up when the caller is a virtual thread {@code loop} carries. */
    public static void execute(EventLoop loop, Runnable task) {
        if (carriedBy(loop) && loop instanceof SingleThreadEventExecutor single) single.lazyExecute(task);
        else loop.execute(task);
    }

    /** Whether the calling thread is a virtual thread whose carrier is {@code loop}'s thread. */
    public static boolean carriedBy(EventLoop loop) {
        Thread current = Thread.currentThread();
        if (CARRIER == null || !current.isVirtual()) return false;
        try {
            return loop.inEventLoop((Thread) CARRIER.invokeExact());
        } catch (Throwable unexpected) {
            return false;
        }
    }

    private static MethodHandle carrierHandle() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            return lookup.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // IllegalAccessException without --add-opens java.base/java.lang
            LoggerFactory.getLogger(LoopTasks.class).debug("carrier thread unavailable: {}", e.toString());
            return null;
        }
    }
}
