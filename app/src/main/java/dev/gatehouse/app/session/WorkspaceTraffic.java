package dev.gatehouse.app.session;

import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The workspace's API keys and usage plans, their usage, and the stage caches of the console's own engine: what
 * the API Keys and Usage Plans pages and the stage settings need. Reached through
 * {@link WorkspaceSession#traffic()}; implemented on the engine's {@code Gateway} by {@link EngineTraffic}.
 *
 * <p>Threading: every method touches the disk or the engine, so callers use their TaskRunner, never the FX thread.
 * Thread-safe. Edits are undoable (the session's edit history, on the revision the screens showed). Failures:
 * {@link dev.gatehouse.engine.model.DefinitionException} with AWS's message (a value shorter than 20 characters, a
 * value another key has, an unknown plan), an unchecked I/O exception when the disk refuses.
 */
public interface WorkspaceTraffic {

    /** AWS's shortest accepted API key value (CreateApiKey: "API Key value should be at least 20 characters"). */
    int MIN_KEY_LENGTH = 20;

    /** Every API key with its value (the value lives outside git-tracked files), by name. */
    List<ApiKey> apiKeys();

    /**
     * Creates an API key as one undoable edit: {@code value} imported, or 40 generated letters and digits (AWS's
     * length) when null.
     */
    ApiKey createApiKey(String name, String description, String value, boolean enabled);

    /** Changes a key (its name, description, enabled) as one undoable edit named {@code description}. */
    void updateApiKey(String keyId, String description, UnaryOperator<ApiKey> change);

    /** Deletes a key and takes it out of the plans holding it, as one undoable edit. */
    void deleteApiKey(String keyId);

    /** Every usage plan, by name. */
    List<UsagePlan> usagePlans();

    /** Creates or replaces a usage plan as one undoable edit named {@code description}; its stages and keys must exist. */
    void putUsagePlan(UsagePlan plan, String description);

    /** Deletes a usage plan as one undoable edit. */
    void deleteUsagePlan(String planId);

    /** AWS GetUsage: per key, {@code [used, remaining]} per day from {@code start} to {@code end}. */
    UsageReport usage(String planId, String keyId, LocalDate start, LocalDate end);

    /**
     * AWS UpdateUsage ({@code replace /remaining}) on the console's engine: {@code keyId} may make {@code remaining}
     * more requests in the plan's current quota period (more than the limit is allowed, for this period only);
     * recorded in the audit trail, not an undoable edit (usage is runtime data, not the definition). Returns the
     * key's usage today. Fails with AWS's message for an unknown plan, a key not in it or a plan without quota.
     */
    UsageReport updateUsage(String planId, String keyId, long remaining);

    /** AWS FlushStageCache on the console's engine (the stage cache lives in the engine that serves the stage). */
    void flushStageCache(String apiId, String stageName);

    /** Responses the console's engine holds in the stage's cache now. */
    long cachedResponses(String apiId, String stageName);
}
