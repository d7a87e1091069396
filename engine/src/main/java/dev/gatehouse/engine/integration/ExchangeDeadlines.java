package dev.gatehouse.engine.integration;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of one event loop's backend exchanges, kept in deadline order with a single timer armed for the
 * earliest. An exchange joins when it starts and leaves when it ends, both in constant time when its timeout is not
 * shorter than those already waiting (integrations mostly share AWS's default 29 s), instead of scheduling and
 * cancelling a timer of its own: those two took ~1.7% of a proxied request's CPU samples (Netty's scheduled-task
 * heap), measured with {@code bench/dataplane-profile.sh}. The timer, a task scheduled on the Netty loop, fires
 * rarely — at the earliest deadline, by which the exchange that set it has usually ended — expires what is due and
 * re-arms for the next.
 *
 * <p>Confined to one event loop: every method is called on it, and the timer fires on it.
 */
final class ExchangeDeadlines {

    /** One exchange waiting for its deadline; {@link #expire} runs on the loop when it passes. */
    abstract static class Entry {
        private long deadline;
        private Entry previous;
        private Entry next;
        private boolean waiting;

        /** The deadline passed before the exchange left; on the event loop. */
        abstract void expire();
    }

    private final Vertx vertx;
    /** the loop the timer fires on; from {@link #vertx}'s current context at first use when not given */
    private EventExecutor loop;
    private final Runnable fire = this::fire;
    private Entry first;
    private Entry last;
    private ScheduledFuture<?> timer;
    private long timerDeadline;

    /** Deadlines of {@code loop}, the backend client's Netty event loop. */
    ExchangeDeadlines(EventLoop loop) {
        this.vertx = null;
        this.loop = loop;
    }

    /** Deadlines of the event loop of the Vert.x context that first adds an entry. */
    ExchangeDeadlines(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts {@code entry}'s wait: {@link Entry#expire} runs once {@code timeoutMillis} from now pass first. */
    void add(Entry entry, long timeoutMillis) {
        if (entry.waiting) remove(entry);
        entry.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeoutMillis));
        entry.waiting = true;
        Entry after = last;
        while (after != null && after.deadline - entry.deadline > 0) after = after.previous;
        entry.previous = after;
        entry.next = after == null ? first : after.next;
        if (entry.next != null) entry.next.previous = entry;
        else last = entry;
        if (after != null) after.next = entry;
        else first = entry;
        if (first == entry) arm();
    }

    /** Ends {@code entry}'s wait; nothing when it is not waiting (it expired, or left already). */
    void remove(Entry entry) {
        if (!entry.waiting) return;
        entry.waiting = false;
        if (entry.previous != null) entry.previous.next = entry.next;
        else first = entry.next;
        if (entry.next != null) entry.next.previous = entry.previous;
        else last = entry.previous;
        entry.previous = null;
        entry.next = null;
        // the timer stays armed for the old first deadline: when it fires it re-arms for whoever is first then
    }

    /** Exchanges waiting now (tests). */
    int size() {
        int n = 0;
        for (Entry e = first; e != null; e = e.next) n++;
        return n;
    }

    /** Cancels the timer; the exchanges still waiting never expire (the client is closing). */
    void close() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }

    /** Makes sure a timer fires by the first deadline. */
    private void arm() {
        if (first == null) return;
        if (timer != null) {
            if (timerDeadline - first.deadline <= 0) return; // the armed timer fires in time
            timer.cancel(false);
        }
        if (loop == null) loop = ((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop();
        timerDeadline = first.deadline;
        long delay = Math.max(1, TimeUnit.NANOSECONDS.toMillis(timerDeadline - System.nanoTime() + 999_999));
        timer = loop.schedule(fire, delay, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        timer = null;
        long now = System.nanoTime();
        while (first != null && first.deadline - now <= 0) {
            Entry due = first;
            remove(due);
            due.expire();
        }
        arm();
    }
}
