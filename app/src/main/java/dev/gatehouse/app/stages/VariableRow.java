package dev.gatehouse.app.stages;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable name/value line of a stage-variable table (stage variables, canary overrides). FX thread only. */
public final class VariableRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    public VariableRow(String name, String value) {
        this.name.set(name == null ? "" : name);
        this.value.set(value == null ? "" : value);
    }

    public StringProperty nameProperty() { return name; }

    public StringProperty valueProperty() { return value; }

    public String name() { return name.get().trim(); }

    public String value() { return value.get(); }
}
