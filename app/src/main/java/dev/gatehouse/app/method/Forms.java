package dev.gatehouse.app.method;

import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders the phase editors share: sections, read-only tables, flag columns, add bars. */
final class Forms {
    private Forms() {}

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** A compact table whose rows are records; edits happen through the flag column and the add bar. */
    static <T> TableView<T> table(String id, String placeholder) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(140);
        table.setMinHeight(90);
        table.getStyleClass().addAll("dense", "bordered");
        return table;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    /** A check box column; toggling it calls {@code onToggle(row, newValue)} (an undoable edit). */
    static <T> TableColumn<T, Boolean> flagColumn(String title, Function<T, Boolean> value, BiConsumer<T, Boolean> onToggle) {
        TableColumn<T, Boolean> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
        column.setMaxWidth(90);
        column.setMinWidth(80);
        column.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> {
                    T row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null) onToggle.accept(row, box.isSelected());
                });
                setAlignment(Pos.CENTER);
            }

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(item);
                    setGraphic(box);
                }
            }
        });
        return column;
    }

    static Button iconButton(String id, Feather icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return button;
    }

    /** A row of inputs with an Add button and a problem label under it. */
    static VBox addBar(Label problem, Button add, Node... inputs) {
        HBox row = new HBox(6);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(inputs);
        row.getChildren().add(add);
        for (Node n : inputs) {
            if (n instanceof javafx.scene.control.TextField) HBox.setHgrow(n, Priority.ALWAYS);
            else if (n instanceof javafx.scene.layout.Region r) r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        return new VBox(4, row, problem);
    }

    static Button addButton(String id) {
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId(id);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return add;
    }
}
