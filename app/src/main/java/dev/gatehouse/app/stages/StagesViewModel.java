package dev.gatehouse.app.stages;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stages page (read-only until deploy lands in the console): the selected API's stages with the deployment
 * each points at, and the selected stage's variables. Reads go through the workbench's task runner and are
 * redone after every workspace change. FX thread only.
 */
public final class StagesViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** One stage as the table shows it. */
    public record StageRow(String stageName, String deploymentId, String deployed, String description, Map<String, String> variables) {}

    private final Workbench workbench;
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObjectProperty<StageRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Map.Entry<String, String>> variables = FXCollections.observableArrayList();

    public StagesViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.revisionProperty().addListener((obs, old, rev) -> reload());
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload());
        selected.addListener((obs, old, row) -> variables.setAll(row == null ? List.of()
                : row.variables().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()));
        reload();
    }

    public ObservableList<StageRow> stages() { return stages; }

    public ObjectProperty<StageRow> selectedProperty() { return selected; }

    /** Name → value of the selected stage's variables. */
    public ObservableList<Map.Entry<String, String>> variables() { return variables; }

    private void reload() {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (session == null || api == null) {
            stages.clear();
            selected.set(null);
            return;
        }
        String apiId = api.id();
        workbench.tasks().run(() -> rows(session.stages(apiId), session.deployments(apiId)), rows -> {
            String keep = selected.get() == null ? null : selected.get().stageName();
            stages.setAll(rows);
            selected.set(rows.stream().filter(r -> r.stageName().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.getFirst()));
        }, e -> workbench.dialogs().showError("Cannot read the stages", e));
    }

    static List<StageRow> rows(List<Stage> stages, List<DeploymentSnapshot> deployments) {
        Map<String, DeploymentSnapshot> byId = deployments.stream()
                .collect(Collectors.toMap(d -> d.deployment().id(), Function.identity(), (a, b) -> a));
        return stages.stream().sorted(java.util.Comparator.comparing(Stage::stageName)).map(s -> {
            Optional<DeploymentSnapshot> d = Optional.ofNullable(byId.get(s.deploymentId()));
            String when = d.map(x -> x.deployment().createdDate()).map(t -> WHEN.format(Instant.ofEpochSecond(t))).orElse("");
            String description = s.description() != null ? s.description()
                    : d.map(x -> x.deployment().description()).orElse("");
            return new StageRow(s.stageName(), s.deploymentId(), when, description == null ? "" : description, s.variables());
        }).toList();
    }
}
