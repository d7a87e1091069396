package dev.gatehouse.app.stages;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.deploy.DeploymentDiff;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stages page: the selected API's stages; for the selected stage its invoke URL, its deployment history
 * (newest first, the current one marked), the diff between any two deployments, one-click rollback, and the
 * {@link #variables() variables} and {@link #canary() canary} editors. Reads and edits go through the workbench's
 * task runner and the engine facade; stage edits are undoable (the workspace's edit history). Reloads after every
 * workspace change. FX thread only.
 */
public final class StagesViewModel {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One stage as the list shows it. */
    public record StageRow(Stage stage, String deployed, String description) {
        public String stageName() { return stage.stageName(); }

        public String deploymentId() { return stage.deploymentId(); }

        /** "10% → abc123", or empty without a canary. */
        public String canary() {
            Stage.CanarySettings c = stage.canarySettings();
            return c == null ? "" : c.percentTraffic() + "% → " + c.deploymentId();
        }
    }

    /** One deployment of the API as the history shows it. */
    public record DeploymentRow(String id, long createdDate, String date, String description, boolean current, boolean canary) {
        @Override public String toString() {
            return id + "  " + date + (description.isEmpty() ? "" : "  " + description);
        }
    }

    private final Workbench workbench;
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObjectProperty<StageRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedStageName = new ReadOnlyStringWrapper(this, "selectedStageName");
    private final StringProperty invokeUrl = new SimpleStringProperty(this, "invokeUrl");
    private final ObservableList<DeploymentRow> deployments = FXCollections.observableArrayList();
    private final ObjectProperty<DeploymentRow> diffFrom = new SimpleObjectProperty<>(this, "diffFrom");
    private final ObjectProperty<DeploymentRow> diffTo = new SimpleObjectProperty<>(this, "diffTo");
    private final ObservableList<DeploymentDiff.Entry> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private final ReadOnlyBooleanWrapper canCompare = new ReadOnlyBooleanWrapper(this, "canCompare");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StageVariablesViewModel variables;
    private final CanaryViewModel canary;
    private final StageSettingsViewModel settings;
    private Map<String, ApiDefinition> snapshots = Map.of();
    private List<DeploymentSnapshot> loadedOrder = List.of(); // oldest first, as the workspace lists them
    private String apiId;
    private String wanted; // a stage to select once it has loaded
    private final LatestTask loading;
    private final LatestTask comparing;

    public StagesViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.loading = new LatestTask(workbench.tasks());
        this.comparing = new LatestTask(workbench.tasks());
        this.variables = new StageVariablesViewModel(workbench);
        this.canary = new CanaryViewModel(workbench);
        this.settings = new StageSettingsViewModel(workbench);
        workbench.revisionProperty().addListener((obs, old, rev) -> reload());
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload());
        selected.addListener((obs, old, row) -> onSelected(old, row));
        diffFrom.addListener((obs, old, d) -> computeDiff());
        diffTo.addListener((obs, old, d) -> computeDiff());
        reload();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObservableList<StageRow> stages() { return stages; }

    public ObjectProperty<StageRow> selectedProperty() { return selected; }

    /** The selected stage's name, or null: the status bar's invoke URL follows it. */
    public ReadOnlyStringProperty selectedStageNameProperty() { return selectedStageName.getReadOnlyProperty(); }

    /** The selected stage's invoke URL; the composition root binds it to the data plane's. Null when not served. */
    public StringProperty invokeUrlProperty() { return invokeUrl; }

    /** The API's deployments, newest first; {@link DeploymentRow#current()} marks the selected stage's. */
    public ObservableList<DeploymentRow> deployments() { return deployments; }

    /** The older side of the diff; by default the deployment before the stage's current one. */
    public ObjectProperty<DeploymentRow> diffFromProperty() { return diffFrom; }

    /** The newer side of the diff; by default the stage's current deployment. */
    public ObjectProperty<DeploymentRow> diffToProperty() { return diffTo; }

    /** What changed from {@link #diffFromProperty()} to {@link #diffToProperty()}. */
    public ObservableList<DeploymentDiff.Entry> diff() { return diff; }

    /**
     * "3 changes, 1 breaking", "No changes", "Only one deployment so far …" (nothing to compare it with), or empty
     * when there is no deployment.
     */
    public ReadOnlyStringProperty diffSummaryProperty() { return diffSummary.getReadOnlyProperty(); }

    /** True when the API has two deployments or more: only then is there a comparison to show. */
    public ReadOnlyBooleanProperty canCompareProperty() { return canCompare.getReadOnlyProperty(); }

    /** The outcome of the last rollback, for a banner ("Stage dev now serves abc123 (Ctrl+Z undoes)"). */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public StageVariablesViewModel variables() { return variables; }

    public CanaryViewModel canary() { return canary; }

    /** The selected stage's throttling and cache settings, and its cache flush. */
    public StageSettingsViewModel settings() { return settings; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Selects the stage named {@code stageName}, now or, for a stage just created, when it has loaded. */
    public void select(String stageName) {
        Optional<StageRow> row = stages.stream().filter(r -> r.stageName().equals(stageName)).findFirst();
        if (row.isPresent()) selected.set(row.get());
        else wanted = stageName;
    }

    /** Points the selected stage at {@code deployment} (one undoable edit); the served plan switches at once. */
    public void rollback(DeploymentRow deployment) {
        StageRow stage = selected.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (stage == null || deployment == null || session == null || deployment.current()) return;
        String api = apiId;
        String name = stage.stageName();
        workbench.tasks().run(() -> {
            session.rollback(api, name, deployment.id());
            return deployment.id();
        }, id -> notice.set("Stage " + name + " now serves deployment " + id + " (Undo reverts the rollback)"),
                e -> showError("Cannot roll back " + name, e));
    }

    /** Changes the selected stage's description (asks for the text; one undoable edit). */
    public void editDescription() {
        StageRow stage = selected.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (stage == null || session == null) return;
        String api = apiId;
        String name = stage.stageName();
        workbench.dialogs().askText("Stage " + name, "Description", stage.stage().description() == null ? "" : stage.stage().description())
                .ifPresent(text -> workbench.tasks().run(() -> {
                    session.updateStage(api, name, "Change description of stage " + name,
                            st -> st.withDescription(text, java.time.Instant.now().getEpochSecond()));
                    return name;
                }, n -> notice.set("Stage " + n + " description saved"), e -> showError("Cannot change stage " + name, e)));
    }

    /**
     * Deletes the selected stage after a confirmation that names what depends on it (its canary, the custom domain
     * mappings that point at it); its deployments stay. One undoable edit.
     */
    public void deleteStage() {
        StageRow stage = selected.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (stage == null || session == null) return;
        String api = apiId;
        String name = stage.stageName();
        workbench.tasks().run(() -> dev.gatehouse.app.session.Dependents.ofStage(session, api, name), dependents -> {
            String message = "Delete stage " + name + "? Its invoke URL stops answering; its deployments stay."
                    + (dependents.isEmpty() ? "" : "\n\nThese go with it:\n  • " + String.join("\n  • ", dependents))
                    + "\n\nYou can undo this with Edit → Undo.";
            if (!workbench.dialogs().confirm("Delete stage", message, "Delete stage")) return;
            workbench.tasks().run(() -> {
                session.deleteStage(api, name, "Delete stage " + name);
                return name;
            }, n -> notice.set("Stage " + n + " deleted (Undo brings it back)"), e -> showError("Cannot delete stage " + name, e));
        }, e -> showError("Cannot delete stage " + name, e));
    }

    /**
     * Promotes the selected stage's canary as AWS's console does: the stage serves the canary's deployment, the
     * canary's variable overrides become stage variables, and the canary is removed. One undoable edit.
     */
    public void promoteCanary() {
        StageRow stage = selected.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (stage == null || session == null || stage.stage().canarySettings() == null) return;
        String api = apiId;
        String name = stage.stageName();
        workbench.tasks().run(() -> {
            session.updateStage(api, name, "Promote canary of stage " + name, st -> {
                Stage.CanarySettings c = st.canarySettings();
                if (c == null) return st;
                long now = java.time.Instant.now().getEpochSecond();
                Map<String, String> vars = new java.util.TreeMap<>(st.variables());
                vars.putAll(c.stageVariableOverrides());
                return st.withDeploymentId(c.deploymentId(), now).withVariables(vars, now).withCanarySettings(null, now);
            });
            return name;
        }, n -> notice.set("Stage " + n + " now serves its canary's deployment (Undo reverts the promotion)"),
                e -> showError("Cannot promote the canary of " + name, e));
    }

    /** True when the selected stage has a canary to promote. */
    public boolean canPromote() {
        return selected.get() != null && selected.get().stage().canarySettings() != null;
    }

    /** Compares {@code older} with {@code newer}. */
    public void compare(DeploymentRow older, DeploymentRow newer) {
        diffFrom.set(older);
        diffTo.set(newer);
    }

    // ---- loading ---------------------------------------------------------------------------------------------

    private record Loaded(String apiId, List<Stage> stages, List<DeploymentSnapshot> deployments) {}

    private void reload() {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (session == null || api == null) {
            loading.cancel();
            apiId = null;
            snapshots = Map.of();
            stages.clear();
            selected.set(null);
            deployments.clear();
            return;
        }
        String id = api.id();
        loading.run(BackgroundTask.of(() -> new Loaded(id, session.stages(id), session.deployments(id)))
                .onSuccess(this::show).onFailure(e -> showError("Cannot read the stages", e)));
    }

    private void show(Loaded loaded) {
        boolean sameApi = loaded.apiId.equals(apiId);
        apiId = loaded.apiId;
        Map<String, ApiDefinition> apis = new HashMap<>();
        Map<String, DeploymentSnapshot> byId = new HashMap<>();
        for (DeploymentSnapshot d : loaded.deployments) {
            apis.put(d.deployment().id(), d.api());
            byId.put(d.deployment().id(), d);
        }
        snapshots = apis;
        loadedOrder = loaded.deployments;
        List<StageRow> rows = loaded.stages.stream().sorted(Comparator.comparing(Stage::stageName)).map(s -> {
            Optional<DeploymentSnapshot> d = Optional.ofNullable(byId.get(s.deploymentId()));
            String when = d.map(x -> x.deployment().createdDate()).map(t -> t <= 0 ? "" : SHORT.format(Instant.ofEpochSecond(t))).orElse("");
            String description = s.description() != null ? s.description()
                    : d.map(x -> x.deployment().description()).orElse(null);
            return new StageRow(s, when, description == null ? "" : description);
        }).toList();
        String keep = sameApi && selected.get() != null ? selected.get().stageName() : null;
        if (wanted != null && rows.stream().anyMatch(r -> r.stageName().equals(wanted))) {
            keep = wanted;
            wanted = null;
        }
        StageRow previous = selected.get();
        stages.setAll(rows);
        String keepName = keep;
        StageRow next = rows.stream().filter(r -> r.stageName().equals(keepName)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.getFirst());
        if (Objects.equals(previous, next)) refreshDetails(previous, next);
        else selected.set(next); // onSelected refreshes
    }

    private void onSelected(StageRow old, StageRow row) {
        selectedStageName.set(row == null ? null : row.stageName());
        refreshDetails(old, row);
    }

    private void refreshDetails(StageRow old, StageRow row) {
        List<DeploymentSnapshot> all = snapshotsNewestFirst();
        deployments.setAll(all.stream().map(d -> row(d, row == null ? null : row.stage())).toList());
        canCompare.set(deployments.size() > 1);
        boolean sameStage = old != null && row != null && old.stageName().equals(row.stageName());
        boolean sameCurrent = sameStage && Objects.equals(old.deploymentId(), row.deploymentId());
        DeploymentRow from = find(diffFrom.get());
        DeploymentRow to = find(diffTo.get());
        if (!sameCurrent || from == null || to == null) {
            // default: what the stage serves now against what it served before (a redeploy or rollback just
            // happened), else against the deployment before it in the history
            to = deployments.stream().filter(DeploymentRow::current).findFirst().orElse(deployments.isEmpty() ? null : deployments.getFirst());
            int at = deployments.indexOf(to);
            DeploymentRow before = sameStage ? find(old.deploymentId()) : null;
            from = before != null ? before : at >= 0 && at + 1 < deployments.size() ? deployments.get(at + 1) : to;
        }
        diffFrom.set(from);
        diffTo.set(to);
        computeDiff();
        if (row == null) {
            variables.clear();
            canary.clear();
            settings.clear();
        } else {
            variables.show(apiId, row.stage(), !sameStage);
            canary.show(apiId, row.stage(), deployments.stream().map(DeploymentRow::id).toList(), !sameStage);
            settings.show(apiId, row.stage(), snapshots.get(row.deploymentId()), !sameStage);
        }
    }

    private List<DeploymentSnapshot> snapshotsNewestFirst() {
        return loadedOrder.reversed();
    }

    private DeploymentRow find(DeploymentRow row) {
        return row == null ? null : find(row.id());
    }

    private DeploymentRow find(String id) {
        return deployments.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    private static DeploymentRow row(DeploymentSnapshot d, Stage stage) {
        long created = d.deployment().createdDate() == null ? 0 : d.deployment().createdDate();
        String id = d.deployment().id();
        boolean current = stage != null && id.equals(stage.deploymentId());
        boolean canary = stage != null && stage.canarySettings() != null && id.equals(stage.canarySettings().deploymentId());
        String description = d.deployment().description();
        return new DeploymentRow(id, created, format(created), description == null ? "" : description, current, canary);
    }

    private void computeDiff() {
        DeploymentRow from = diffFrom.get();
        DeploymentRow to = diffTo.get();
        ApiDefinition a = from == null ? null : snapshots.get(from.id());
        ApiDefinition b = to == null ? null : snapshots.get(to.id());
        if (a == null || b == null || deployments.size() < 2 || from.id().equals(to.id())) {
            // one deployment compared with itself says nothing: say why there is no comparison instead
            comparing.cancel();
            diff.clear();
            diffSummary.set(a == null || b == null ? ""
                    : deployments.size() < 2 ? "Only one deployment so far (" + to.id() + "): nothing to compare it with. "
                            + "Deploy again and this shows what changed between the two."
                    : "Choose two different deployments to compare.");
            return;
        }
        comparing.run(BackgroundTask.of(() -> EngineTools.diff(a, b)).onSuccess(result -> {
            diff.setAll(result.entries());
            int n = result.entries().size();
            int breaking = result.breaking().size();
            diffSummary.set(n == 0 ? "No changes between " + from.id() + " and " + to.id()
                    : n + " change" + (n == 1 ? "" : "s") + " from " + from.id() + " to " + to.id()
                    + (breaking == 0 ? "" : ", " + breaking + " breaking"));
        }).onFailure(e -> showError("Cannot compare the deployments", e)));
    }

    private void showError(String title, Throwable e) {
        if (e instanceof DefinitionException) workbench.dialogs().showError(title, e.getMessage());
        else workbench.dialogs().showError(title, e);
    }

    static String format(long epochSeconds) {
        return epochSeconds <= 0 ? "" : WHEN.format(Instant.ofEpochSecond(epochSeconds));
    }
}
