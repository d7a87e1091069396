package dev.gatehouse.app.stages;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Stage;
import java.time.Instant;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected stage's variables as an editable table: checked on every change with AWS's rules, saved as one
 * undoable edit ("Set variables of stage dev"), the served plan switching at once. Unsaved rows register with the
 * workbench's unsaved-changes guard. FX thread only.
 */
public final class StageVariablesViewModel {
    private final Workbench workbench;
    private final VariableTableModel table = new VariableTableModel();
    private final ReadOnlyStringWrapper stageName = new ReadOnlyStringWrapper(this, "stageName");
    private final BooleanBinding canSave;
    private String apiId;

    StageVariablesViewModel(Workbench workbench) {
        this.workbench = workbench;
        canSave = Bindings.createBooleanBinding(() -> stageName.get() != null && table.dirtyProperty().get()
                && table.errorProperty().get().isEmpty(), stageName, table.dirtyProperty(), table.errorProperty());
        table.dirtyProperty().addListener((obs, old, dirty) -> workbench.setUnsaved(this, dirty));
    }

    /** The rows, their error and dirty state. */
    public VariableTableModel table() { return table; }

    /** The stage being edited, or null. */
    public ReadOnlyStringProperty stageNameProperty() { return stageName.getReadOnlyProperty(); }

    /** True when there are valid unsaved changes. */
    public BooleanBinding canSaveProperty() { return canSave; }

    /** Shows {@code stage}'s variables; keeps unsaved rows when the same stage merely reloaded, unless {@code force}. */
    void show(String api, Stage stage, boolean force) {
        boolean same = stage.stageName().equals(stageName.get()) && stage.stageName() != null && api.equals(apiId);
        apiId = api;
        stageName.set(stage.stageName());
        if (force || !same || !table.dirtyProperty().get()) table.load(stage.variables());
    }

    void clear() {
        apiId = null;
        stageName.set(null);
        table.load(Map.of());
    }

    // ---- commands --------------------------------------------------------------------------------------------

    public VariableRow add() { return table.add(); }

    public void remove(VariableRow row) { table.remove(row); }

    public void revert() { table.revert(); }

    /** Stores the rows as the stage's variables (one undoable edit); AWS's message shows when a row is invalid. */
    public void save() {
        WorkspaceSession session = workbench.session().orElse(null);
        String name = stageName.get();
        if (session == null || name == null) return;
        Map<String, String> variables = table.validated().orElse(null);
        if (variables == null) return;
        String api = apiId;
        workbench.tasks().run(() -> {
                    session.updateStage(api, name, "Set variables of stage " + name,
                            s -> s.withVariables(variables, Instant.now().getEpochSecond()));
                    return null;
                }, done -> table.load(variables),
                e -> {
                    if (e instanceof DefinitionException) workbench.dialogs().showError("Cannot save the variables of " + name, e.getMessage());
                    else workbench.dialogs().showError("Cannot save the variables of " + name, e);
                });
    }
}
