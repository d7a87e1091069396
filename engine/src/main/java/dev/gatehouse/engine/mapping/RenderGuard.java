package dev.gatehouse.engine.mapping;

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

    private final SandboxLimits limits;
    private final long deadlineNanos;
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
        if (System.nanoTime() - deadlineNanos > 0) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Template rendering exceeded the time limit of " + limits.renderTimeout().toMillis() + " ms");
        }
    }

    /** True once the render's time is up. */
    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
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
