package dev.gatehouse.engine.server;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual threads one event loop carries for requests that never block ({@link Threading#AUTO}), kept and
 * reused rather than started per request: a virtual thread's first park allocates a stack chunk the size of its
 * stack (the filter chain's depth, about 4 KB: a quarter of a proxied request's garbage, measured with
 * {@code bench/dataplane-profile.sh}), and a reused thread keeps its chunk. A task queued here runs on an idle
 * worker, or on a new one when every worker is busy or parked on its backend; workers beyond {@link #MAX_IDLE}
 * idle ones end.
 *
 * <p>Confined to one event loop: {@link #execute} is called on the loop thread, and the workers are virtual
 * threads carried by that same loop, so the loop thread and the workers never run at the same time and the queues
 * need no locks. A task must catch its own failures; the interrupt status is cleared after each task so that one
 * request's interruption never reaches the next.
 */
final class LoopWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(LoopWorkers.class);

    /** Idle workers kept: enough for the requests one loop has in flight at once under heavy load. */
    static final int MAX_IDLE = 256;

    private final ThreadFactory threads;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private int started;

    /** @param threads makes virtual threads carried by this loop ({@link LoopThreads}) */
    LoopWorkers(ThreadFactory threads) {
        this.threads = threads;
    }

    /** Runs {@code task} on one of this loop's workers; on the loop thread. Throws what starting a thread throws. */
    void execute(Runnable task) {
        tasks.addLast(task);
        Worker waiting = idle.pollLast(); // the most recently used: its stack chunk is the likeliest still warm
        if (waiting != null) {
            waiting.parked = false;
            LockSupport.unpark(waiting.thread);
        } else {
            Worker w = new Worker();
            w.thread = threads.newThread(w);
            started++;
            w.thread.start();
        }
    }

    /** Workers started so far (diagnostics and tests). */
    int started() {
        return started;
    }

    private final class Worker implements Runnable {
        Thread thread;
        /**
         * true while waiting in {@link #idle}; cleared by {@link #execute} before it unparks this worker (volatile
         * only so that no compiler keeps it in a register across the park: both sides run on the one loop thread)
         */
        volatile boolean parked;

        @Override public void run() {
            while (true) {
                Runnable task = tasks.pollFirst();
                if (task != null) {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        LOG.error("a request task failed outside its own handling", t);
                    }
                    Thread.interrupted();
                    continue;
                }
                if (idle.size() >= MAX_IDLE) return;
                parked = true;
                idle.addLast(this);
                while (parked) LockSupport.park(this); // spurious wake-ups park again until execute picks us
            }
        }
    }
}
