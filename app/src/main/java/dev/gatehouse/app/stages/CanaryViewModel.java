package dev.gatehouse.app.stages;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected stage's canary release: the share of traffic (0–100 %) sent to another deployment, with stage
 * variable overrides. {@link #save} and {@link #remove} are undoable stage edits; the served plan switches at
 * once. FX thread only.
 */
public final class CanaryViewModel {
    private final Workbench workbench;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final StringProperty percent = new SimpleStringProperty(this, "percent", "10");
    private final ObjectProperty<String> deploymentId = new SimpleObjectProperty<>(this, "deploymentId");
    private final ObservableList<String> deploymentIds = FXCollections.observableArrayList();
    private final BooleanProperty useStageCache = new SimpleBooleanProperty(this, "useStageCache");
    private final VariableTableModel overrides = new VariableTableModel();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper stageName = new ReadOnlyStringWrapper(this, "stageName");
    private String apiId;

    CanaryViewModel(Workbench workbench) {
        this.workbench = workbench;
        percent.addListener((obs, old, v) -> check());
        deploymentId.addListener((obs, old, v) -> check());
        overrides.errorProperty().addListener((obs, old, v) -> check());
    }

    /** True when the stored stage has canary settings. */
    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }

    /** Percent of requests for the canary, as typed ("10", "2.5"). */
    public StringProperty percentProperty() { return percent; }

    /** The deployment the canary serves. */
    public ObjectProperty<String> deploymentIdProperty() { return deploymentId; }

    /** The API's deployments, newest first: the canary's choices. */
    public ObservableList<String> deploymentIds() { return deploymentIds; }

    public BooleanProperty useStageCacheProperty() { return useStageCache; }

    /** Stage variables the canary sees instead of the stage's. */
    public VariableTableModel overrides() { return overrides; }

    /** Why the settings cannot be saved, or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stageNameProperty() { return stageName.getReadOnlyProperty(); }

    void show(String api, Stage stage, List<String> deployments, boolean force) {
        boolean same = api.equals(apiId) && stage.stageName().equals(stageName.get());
        apiId = api;
        stageName.set(stage.stageName());
        deploymentIds.setAll(deployments);
        Stage.CanarySettings c = stage.canarySettings();
        active.set(c != null);
        if (!force && same && overrides.dirtyProperty().get()) return;
        if (c != null) {
            percent.set(trim(c.percentTraffic()));
            deploymentId.set(c.deploymentId());
            useStageCache.set(Boolean.TRUE.equals(c.useStageCache()));
            overrides.load(c.stageVariableOverrides());
        } else {
            percent.set("10");
            // a canary usually tries the newest deployment the stage does not serve yet
            deploymentId.set(deployments.stream().filter(id -> !id.equals(stage.deploymentId())).findFirst()
                    .orElse(deployments.isEmpty() ? null : deployments.getFirst()));
            useStageCache.set(false);
            overrides.load(Map.of());
        }
        check();
    }

    void clear() {
        apiId = null;
        stageName.set(null);
        active.set(false);
        deploymentIds.clear();
        overrides.load(Map.of());
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Creates or updates the stage's canary (one undoable edit). */
    public void save() {
        check();
        String name = stageName.get();
        if (name == null || !error.get().isEmpty()) return;
        Map<String, String> vars = overrides.validated().orElseThrow();
        Stage.CanarySettings settings = new Stage.CanarySettings(Double.parseDouble(percent.get().trim()),
                deploymentId.get(), vars, useStageCache.get());
        String api = apiId;
        edit(api, name, "Set canary of stage " + name, s -> s.withCanarySettings(settings, Instant.now().getEpochSecond()));
    }

    /** Removes the stage's canary: all traffic to the stage's deployment again (one undoable edit). */
    public void remove() {
        String name = stageName.get();
        if (name == null || !active.get()) return;
        edit(apiId, name, "Remove canary of stage " + name, s -> s.withCanarySettings(null, Instant.now().getEpochSecond()));
    }

    private void edit(String api, String name, String description, UnaryOperator<Stage> change) {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        workbench.tasks().run(() -> {
            session.updateStage(api, name, description, change);
            return null;
        }, done -> overrides.load(overrides.validated().orElse(Map.of())), e -> {
            if (e instanceof DefinitionException) workbench.dialogs().showError("Cannot change the canary of " + name, e.getMessage());
            else workbench.dialogs().showError("Cannot change the canary of " + name, e);
        });
    }

    private void check() {
        error.set(problem());
    }

    private String problem() {
        double p;
        try {
            p = Double.parseDouble(percent.get() == null ? "" : percent.get().trim());
        } catch (NumberFormatException e) {
            return "Canary traffic percentage must be a number between 0.0 and 100.0";
        }
        if (p < 0 || p > 100 || Double.isNaN(p)) return "Canary traffic percentage must be between 0.0 and 100.0";
        if (deploymentId.get() == null) return "Choose the deployment the canary serves";
        return overrides.errorProperty().get();
    }

    private static String trim(Double d) {
        if (d == null) return "0";
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
