package dev.gatehouse.app.stages;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;

/** An editable name/value table over a {@link VariableTableModel} (stage variables, canary overrides). */
final class VariableTable extends TableView<VariableRow> {

    VariableTable(VariableTableModel model, String id, String placeholder) {
        super(model.rows());
        setId(id);
        setEditable(true);
        setPlaceholder(new Label(placeholder));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<VariableRow, String> name = new TableColumn<>("Name");
        name.setId(id + "-name");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(220);
        TableColumn<VariableRow, String> value = new TableColumn<>("Value");
        value.setId(id + "-value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        getColumns().add(name);
        getColumns().add(value);
    }

    /** Starts editing the name of {@code row} (a row just added). */
    void editName(VariableRow row) {
        int index = getItems().indexOf(row);
        if (index < 0) return;
        getSelectionModel().select(index);
        layout();
        edit(index, getColumns().getFirst());
    }
}
