package dev.gatehouse.app.session;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** {@link WorkspaceTraffic} on the engine's {@link Gateway}; edits go through the session's {@code apply}. */
final class EngineTraffic implements WorkspaceTraffic {
    /** AWS generates 40 letters and digits. */
    private static final int GENERATED_LENGTH = 40;

    private final Gateway gateway;
    private final Consumer<Edit> apply;

    EngineTraffic(Gateway gateway, Consumer<Edit> apply) {
        this.gateway = gateway;
        this.apply = apply;
    }

    @Override public List<ApiKey> apiKeys() {
        return gateway.workspace().state().apiKeys();
    }

    @Override public ApiKey createApiKey(String name, String description, String value, boolean enabled) {
        if (name == null || name.isBlank()) throw DefinitionException.badRequest("An API key needs a name");
        if (value != null && value.length() < MIN_KEY_LENGTH) {
            throw DefinitionException.badRequest("API Key value should be at least 20 characters");
        }
        long now = Instant.now().getEpochSecond();
        ApiKey key = new ApiKey(Ids.apiId(), value != null ? value : Ids.random(GENERATED_LENGTH), name.trim(), null,
                blankToNull(description), enabled, now, now, List.of(), Map.of());
        apply.accept(Edit.putApiKey(key).describedAs("Create API key " + key.name()));
        return key;
    }

    @Override public void updateApiKey(String keyId, String description, UnaryOperator<ApiKey> change) {
        ApiKey before = key(keyId);
        ApiKey after = change.apply(before);
        ApiKey stamped = new ApiKey(after.id(), after.value(), after.name(), after.customerId(), blankToNull(after.description()),
                after.enabled(), after.createdDate(), Instant.now().getEpochSecond(), after.stageKeys(), after.tags());
        apply.accept(Edit.putApiKey(stamped).describedAs(description));
    }

    @Override public void deleteApiKey(String keyId) {
        ApiKey key = key(keyId);
        apply.accept(Edit.deleteApiKey(keyId).describedAs("Delete API key " + key.name()));
    }

    @Override public List<UsagePlan> usagePlans() {
        return gateway.workspace().state().usagePlans();
    }

    @Override public void putUsagePlan(UsagePlan plan, String description) {
        apply.accept(Edit.putUsagePlan(plan).describedAs(description));
    }

    @Override public void deleteUsagePlan(String planId) {
        UsagePlan plan = gateway.workspace().state().usagePlan(planId)
                .orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
        apply.accept(Edit.deleteUsagePlan(planId).describedAs("Delete usage plan " + plan.name()));
    }

    @Override public UsageReport usage(String planId, String keyId, LocalDate start, LocalDate end) {
        return gateway.usage(planId, keyId, start, end);
    }

    @Override public UsageReport updateUsage(String planId, String keyId, long remaining) {
        return gateway.updateUsage(planId, keyId, remaining);
    }

    @Override public void flushStageCache(String apiId, String stageName) {
        gateway.flushStageCache(apiId, stageName);
    }

    @Override public long cachedResponses(String apiId, String stageName) {
        return gateway.cachedResponses(apiId, stageName);
    }

    private ApiKey key(String keyId) {
        return gateway.workspace().state().apiKey(keyId)
                .orElseThrow(() -> DefinitionException.notFound("Invalid API Key identifier specified"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
