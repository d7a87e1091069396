package dev.gatehouse.app.stages;

import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * An editable table of stage variables (a stage's variables, or a canary's overrides), checked on every change
 * with AWS's rules ({@link DefinitionValidator#checkStageVariables}) plus unique names. FX thread only.
 */
public final class VariableTableModel {
    private final ObservableList<VariableRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.nameProperty(), r.valueProperty()});
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private Map<String, String> original = Map.of();
    private boolean loading;

    public VariableTableModel() {
        rows.addListener((ListChangeListener<VariableRow>) c -> {
            if (!loading) check();
        });
    }

    /** The rows as edited; add and remove through {@link #add} and {@link #remove}. */
    public ObservableList<VariableRow> rows() { return rows; }

    /** AWS's message for the first invalid row, or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** True when the rows differ from what was loaded. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** Replaces the rows with {@code variables} (sorted by name); the table is clean afterwards. */
    public void load(Map<String, String> variables) {
        loading = true;
        try {
            original = new TreeMap<>(variables);
            rows.setAll(original.entrySet().stream().map(e -> new VariableRow(e.getKey(), e.getValue())).toList());
        } finally {
            loading = false;
        }
        check();
    }

    /** Appends an empty row and returns it. */
    public VariableRow add() {
        VariableRow row = new VariableRow("", "");
        rows.add(row);
        return row;
    }

    public void remove(VariableRow row) {
        rows.remove(row);
    }

    /** Back to what was loaded. */
    public void revert() {
        load(original);
    }

    /** The rows as a map when they are valid; else empty (and {@link #errorProperty()} says why). */
    public Optional<Map<String, String>> validated() {
        check();
        return error.get().isEmpty() ? Optional.of(current()) : Optional.empty();
    }

    private Map<String, String> current() {
        Map<String, String> map = new LinkedHashMap<>();
        for (VariableRow r : rows) map.put(r.name(), r.value());
        return map;
    }

    private void check() {
        error.set(problem(rows).orElse(""));
        Map<String, String> now = new TreeMap<>();
        for (VariableRow r : rows) now.put(r.name(), r.value());
        dirty.set(now.size() != rows.size() || !now.equals(original));
    }

    static Optional<String> problem(List<VariableRow> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (VariableRow r : list) {
            if (map.put(r.name(), r.value()) != null) return Optional.of("Duplicate stage variable name " + r.name());
        }
        try {
            DefinitionValidator.checkStageVariables(map);
            return Optional.empty();
        } catch (DefinitionException e) {
            return Optional.of(e.getMessage());
        }
    }
}
