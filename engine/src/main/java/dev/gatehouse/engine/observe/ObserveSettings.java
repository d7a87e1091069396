package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stage's {@link StageObserveSettings}, replaced whole when stages change (no lock: one volatile read per
 * lookup). Request threads read it once per request; the workspace listener that {@link Observability} registers
 * refreshes it, so a changed {@code loggingLevel} applies without a deploy, as on AWS.
 */
public final class ObserveSettings {

    private volatile Map<String, Map<String, StageObserveSettings>> byApi = Map.of();

    /** The settings of a stage, or null for an unknown one. */
    public StageObserveSettings stage(String apiId, String stageName) {
        if (apiId == null || stageName == null) return null;
        Map<String, StageObserveSettings> stages = byApi.get(apiId);
        return stages == null ? null : stages.get(stageName);
    }

    /** Every stage's settings now. */
    public List<StageObserveSettings> all() {
        return byApi.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** Replaces everything with the stages of {@code state}. */
    public void update(WorkspaceState state) {
        Map<String, Map<String, StageObserveSettings>> next = new HashMap<>();
        for (ApiDefinition api : state.apis()) {
            Map<String, StageObserveSettings> stages = new HashMap<>();
            for (Stage stage : state.stages(api.id())) {
                stages.put(stage.stageName(), StageObserveSettings.of(api.id(), api.name(), stage));
            }
            next.put(api.id(), Map.copyOf(stages));
        }
        byApi = Map.copyOf(next);
    }

    /** For tests and the in-process engine: one stage's settings. */
    public void put(StageObserveSettings settings) {
        Map<String, Map<String, StageObserveSettings>> next = new HashMap<>(byApi);
        Map<String, StageObserveSettings> stages = new HashMap<>(next.getOrDefault(settings.apiId(), Map.of()));
        stages.put(settings.stageName(), settings);
        next.put(settings.apiId(), Map.copyOf(stages));
        byApi = Map.copyOf(next);
    }
}
