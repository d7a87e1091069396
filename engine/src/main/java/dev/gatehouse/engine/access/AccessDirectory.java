package dev.gatehouse.engine.access;

import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the access filters look up per request, as one immutable snapshot of the workspace: API keys by value,
 * the usage plans each key is in, and every stage's method settings. API keys, usage plans and stage settings
 * take effect on AWS without a redeploy, so this is rebuilt whenever they change (by the gateway, on its plan
 * rebuild thread) rather than compiled into a deployment. Thread-safe (immutable).
 */
public final class AccessDirectory {

    public static final AccessDirectory EMPTY = new AccessDirectory(Map.of(), Map.of(), Map.of());

    /** Every stage by {@code apiId/stageName} (cache and throttle settings). */

    private final Map<String, ApiKey> keysByValue;
    private final Map<String, List<UsagePlan>> plansByKeyId;
    private final Map<String, Stage> stages;

    private AccessDirectory(Map<String, ApiKey> keysByValue, Map<String, List<UsagePlan>> plansByKeyId,
                            Map<String, Stage> stages) {
        this.keysByValue = keysByValue;
        this.plansByKeyId = plansByKeyId;
        this.stages = stages;
    }

    /**
     * @param stages every stage of every API, as {@code apiId → stages}
     */
    public static AccessDirectory of(List<ApiKey> keys, List<UsagePlan> plans, Map<String, List<Stage>> stages) {
        Map<String, ApiKey> byValue = new HashMap<>();
        for (ApiKey key : keys) if (key.value() != null) byValue.put(key.value(), key);
        Map<String, List<UsagePlan>> byKey = new HashMap<>();
        List<UsagePlan> sorted = new ArrayList<>(plans);
        sorted.sort(Comparator.comparing(UsagePlan::id)); // one key in two plans of a stage: the same plan every time
        for (UsagePlan plan : sorted) {
            for (String keyId : plan.keyIds()) byKey.computeIfAbsent(keyId, k -> new ArrayList<>()).add(plan);
        }
        Map<String, Stage> byName = new HashMap<>();
        stages.forEach((apiId, list) -> {
            for (Stage stage : list) byName.put(apiId + "/" + stage.stageName(), stage);
        });
        return new AccessDirectory(Map.copyOf(byValue), Map.copyOf(byKey), Map.copyOf(byName));
    }

    /** A stage as stored now, if it exists. */
    public Optional<Stage> stage(String apiId, String stage) {
        return Optional.ofNullable(stages.get(apiId + "/" + stage));
    }

    /** The key with this value, enabled or not. */
    public Optional<ApiKey> key(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(keysByValue.get(value));
    }

    /** The usage plan that admits {@code key} to the API stage, if any (the lowest plan id when several do). */
    public Optional<UsagePlan> planFor(ApiKey key, String apiId, String stage) {
        for (UsagePlan plan : plansByKeyId.getOrDefault(key.id(), List.of())) {
            for (UsagePlan.ApiStage s : plan.apiStages()) {
                if (apiId.equals(s.apiId()) && stage.equals(s.stage())) return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    /**
     * The stage's setting for one method: the method's own entry ({@code /pets/GET}, also written {@code ~1pets/GET}
     * as in AWS's PATCH paths) else the stage-wide {@code *}{@code /*} entry; null when neither exists.
     */
    public Stage.MethodSetting methodSetting(String apiId, String stage, String resourcePath, String httpMethod) {
        Stage found = stages.get(apiId + "/" + stage);
        if (found == null || found.methodSettings().isEmpty()) return null;
        Map<String, Stage.MethodSetting> settings = found.methodSettings();
        Stage.MethodSetting own = settings.get(resourcePath + "/" + httpMethod);
        if (own == null) own = settings.get(resourcePath.replace("/", "~1") + "/" + httpMethod);
        return own != null ? own : settings.get("*/*");
    }
}
