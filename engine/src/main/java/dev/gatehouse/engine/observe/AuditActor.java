package dev.gatehouse.engine.observe;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is making an administrative change, for the {@link AuditTrail}: {@code source:identity}, e.g.
 * {@code cli:alice}, {@code console:alice}, {@code control-plane:AKIDEXAMPLE}. Each entry point names itself once
 * ({@link #setProcessDefault}); the control plane binds each request's signer around its edit ({@link #callAs}).
 * Workspace edits are applied on the caller's thread, so the binding is what the audit listener sees.
 */
public final class AuditActor {

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();
    private static volatile String processDefault = "engine:" + System.getProperty("user.name", "unknown");

    private AuditActor() { }

    /** Names this process's actor ({@code source} such as {@code cli}, with the OS user). */
    public static void setProcessDefault(String source) {
        processDefault = source + ":" + System.getProperty("user.name", "unknown");
    }

    /** The actor of edits made on this thread now. */
    public static String current() {
        String bound = BOUND.get();
        return bound != null ? bound : processDefault;
    }

    /** Runs {@code work} with {@code actor} as the actor of its edits on this thread. */
    public static <T> T callAs(String actor, Supplier<T> work) {
        Objects.requireNonNull(actor, "actor");
        String before = BOUND.get();
        BOUND.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) BOUND.remove();
            else BOUND.set(before);
        }
    }
}
