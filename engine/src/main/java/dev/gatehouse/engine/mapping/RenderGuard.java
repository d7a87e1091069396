package dev.gatehouse.engine.mapping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.util.introspection.Info;

/**
 * The budget of one render: its deadline and counters. Installed for the rendering thread by
 * {@link CompiledTemplate#render} (the uberspector and the {@link Events} handler are engine-wide and reach the
 * current render through {@link #current()}). As the render's reference-insertion handler it renders a null
 * reference as "" (AWS prints nothing for a missing value), counts the inserted characters and records references
 * for the playground; as its method-exception handler it turns any exception a called method throws into a
 * {@link MappingException} at the call's position (Velocity would otherwise swallow it). Confined to one thread.
 */
final class RenderGuard {

    /**
     * The runtime's own event handler ({@link TemplateCompiler} registers one per Velocity runtime), handing each
     * event to the render running on the calling thread. Registered once instead of a per-render event cartridge:
     * Velocity calls a context's cartridge's synchronized {@code setRuntimeServices} before every reference it
     * inserts, the runtime's not at all. Stateless.
     */
    static final class Events implements ReferenceInsertionEventHandler, MethodExceptionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            RenderGuard guard = CURRENT.get();
            if (guard != null) return guard.inserted(reference, value);
            return value == null ? "" : String.valueOf(value); // not a CompiledTemplate render: no budget to keep
        }

        @Override
        public Object methodException(Context context, Class<?> type, String method, Exception e, Info info) {
            throw failure(type, method, e, info);
        }
    }

    private static final ThreadLocal<RenderGuard> CURRENT = new ThreadLocal<>();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Times the deadline is moved for a render that got too little CPU to have used its time (see {@link #timeIsUp}). */
    static final int MAX_EXTENSIONS = 3;

    private final SandboxLimits limits;
    private long deadlineNanos;
    /** The rendering thread's CPU time when the deadline was last moved; -1 before. */
    private long cpuAtExtension = -1;
    private int extensions;
    private final List<Map.Entry<String, String>> trace;
    private long insertedChars;
    private int ticks;

    RenderGuard(SandboxLimits limits, boolean tracing) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.renderTimeout().toNanos();
        this.trace = tracing ? new ArrayList<>() : null;
    }

    static RenderGuard current() {
        return CURRENT.get();
    }

    void install() {
        CURRENT.set(this);
    }

    void uninstall() {
        CURRENT.set(null); // keeps the thread's entry: remove() made every render's install allocate a new one
    }

    SandboxLimits limits() {
        return limits;
    }

    List<Map.Entry<String, String>> trace() {
        return trace == null ? List.of() : trace;
    }

    /** Fails the render once its time is up. Cheap: called at every step. */
    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0 && timeIsUp()) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Template rendering exceeded the time limit of " + limits.renderTimeout().toMillis() + " ms");
        }
    }

    /** True once the render's time is up. */
    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0 && timeIsUp();
    }

    /**
     * Called once the wall-clock deadline has passed: whether the render really used its time. A render is stopped
     * for spending the limit, but the deadline is wall time, and a machine that stalls the whole process (a loaded
     * host, a long collection) would fail healthy renders of microseconds at whatever step they had reached. So the
     * first time the deadline passes, it moves by one limit and the thread's CPU time is noted; when it passes again,
     * the render is over only if the thread ran for at least half of that extension — else it moves once more, at
     * most {@value #MAX_EXTENSIONS} times. A runaway template on a healthy machine is stopped at twice the limit.
     * Where the thread's CPU time cannot be read (a virtual thread) the wall clock decides, as before.
     */
    private boolean timeIsUp() {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        if (cpu < 0 || extensions >= MAX_EXTENSIONS) return true;
        long limit = limits.renderTimeout().toNanos();
        if (cpuAtExtension >= 0 && cpu - cpuAtExtension >= limit / 2) return true;
        extensions++;
        cpuAtExtension = cpu;
        deadlineNanos = System.nanoTime() + limit;
        return false;
    }

    /** Like {@link #checkDeadline()} but reads the clock only every 1024 calls (tight loops, regex steps). */
    void tick() {
        if ((++ticks & 1023) == 0) checkDeadline();
    }

    void checkString(CharSequence s, String what) {
        if (s != null && s.length() > limits.maxStringChars()) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    what + " produced a string of " + s.length() + " characters; the limit is "
                            + limits.maxStringChars());
        }
    }

    void checkSize(int size, String what) {
        if (size > limits.maxCollectionSize()) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    what + " grew a collection to " + size + " elements; the limit is " + limits.maxCollectionSize());
        }
    }

    /** A reference's value being inserted: "" for null, else its text, counted against the limit. */
    String inserted(String reference, Object value) {
        tick();
        String text = value == null ? "" : String.valueOf(value);
        insertedChars += text.length();
        if (insertedChars > limits.maxInsertedChars()) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Template inserted more than " + limits.maxInsertedChars() + " characters");
        }
        if (trace != null && trace.size() < 500) {
            trace.add(Map.entry(reference, text.length() > 2000 ? text.substring(0, 2000) + " [TRUNCATED]" : text));
        }
        return text;
    }

    /** What a called method's exception becomes: a {@link MappingException} at the call's position. */
    private static MappingException failure(Class<?> type, String method, Exception e, Info info) {
        String name = info == null ? null : info.getTemplateName();
        int line = info == null ? 0 : info.getLine();
        int column = info == null ? 0 : info.getColumn();
        Throwable cause = e;
        while (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MappingException me) return me.withPosition(name, line, column);
        return MappingException.at(MappingException.Kind.TEMPLATE_ERROR, "Method " + method + "() on "
                + type.getSimpleName() + " failed: " + cause, name, line, column);
    }
}
