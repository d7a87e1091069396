package dev.gatehouse.app.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scaffolding of a console page that lists things and shows the selected one: a header (the page title, a
 * notice beside it, the page's actions at the right at their full width), rows under it (a {@link FilterBar}, a
 * notice), and the master (a table or list) split from the detail. Views build their controls and hand them here,
 * so every such page has the same padding, spacing and header; also the small pieces those pages share (a text
 * column, a table with its placeholder, a list sidebar, a list kept in step with a view model's selection).
 * FX thread only.
 *
 * <pre>{@code
 * MasterDetailPage.titled("Audit").notice(notice).actions(export).below(filters)
 *         .split(table, changes, Orientation.VERTICAL, 0.55).fill(this);
 * }</pre>
 */
public final class MasterDetailPage {
    private final String title;
    private Node notice;
    private final List<Region> actions = new ArrayList<>();
    private final List<Node> below = new ArrayList<>();
    private Node master;
    private Node detail;
    private Orientation orientation = Orientation.HORIZONTAL;
    private double divider = 0.5;

    private MasterDetailPage(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A page headed {@code title} (style class {@code page-title}). */
    public static MasterDetailPage titled(String title) {
        return new MasterDetailPage(title);
    }

    /** A status line beside the title (how many were found, what was saved, why something failed). */
    public MasterDetailPage notice(Node notice) {
        this.notice = notice;
        return this;
    }

    /** The page's buttons, right-aligned in the header; they keep their full width (never "…"). */
    public MasterDetailPage actions(Region... actions) {
        this.actions.addAll(List.of(actions));
        return this;
    }

    /** Rows between the header and the split, in order: a filter bar, a notice. */
    public MasterDetailPage below(Node... rows) {
        this.below.addAll(List.of(rows));
        return this;
    }

    /** The master and the detail, side by side ({@link Orientation#HORIZONTAL}) or one above the other. */
    public MasterDetailPage split(Node master, Node detail, Orientation orientation, double divider) {
        this.master = master;
        this.detail = detail;
        this.orientation = orientation;
        this.divider = divider;
        return this;
    }

    /** The header alone: title, notice, a spacer, the actions. */
    public HBox header() {
        Label heading = new Label(title);
        heading.getStyleClass().add("page-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, heading);
        if (notice != null) header.getChildren().add(notice);
        header.getChildren().add(spacer);
        for (Region a : actions) {
            a.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(a);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** Lays the page out into {@code page} (its children are replaced); the split, when there is one, grows. */
    public void fill(VBox page) {
        page.getChildren().setAll(header());
        page.getChildren().addAll(below);
        if (master != null && detail != null) {
            SplitPane split = new SplitPane(master, detail);
            split.setOrientation(orientation);
            split.setDividerPositions(divider);
            VBox.setVgrow(split, Priority.ALWAYS);
            page.getChildren().add(split);
        }
        page.setSpacing(8);
        page.setPadding(new Insets(12, 16, 12, 16));
    }

    /** A read-only text column of {@code width} showing {@code value} of each row. */
    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A table over {@code items} that says {@code placeholder} when empty; the last column takes the spare width. */
    public static <T> TableView<T> table(String id, ObservableList<T> items, String placeholder) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A master list over {@code items} that says {@code placeholder} when empty. */
    public static <T> ListView<T> list(String id, ObservableList<T> items, String placeholder) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPlaceholder(new Label(placeholder));
        return list;
    }

    /** A master list with its heading above and its buttons below (e.g. "Create function"); the list grows. */
    public static VBox sidebar(Node heading, ListView<?> list, Node... below) {
        VBox box = new VBox(6);
        if (heading != null) box.getChildren().add(heading);
        box.getChildren().add(list);
        box.getChildren().addAll(below);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * Keeps {@code list}'s selection and {@code selected} in step: a click selects in the view model (a cleared list
     * selection does not clear it), and the view model's choice selects in the list, now and later, also after
     * the list's items are replaced (a refresh re-reads them; the list then drops its selection while the view
     * model keeps its choice, which left the chosen row unmarked).
     */
    public static <T> void followSelection(ListView<T> list, Property<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !item.equals(selected.getValue())) selected.setValue(item);
        });
        selected.addListener((obs, old, item) -> list.getSelectionModel().select(item));
        list.getItems().addListener((ListChangeListener<T>) c -> {
            T chosen = selected.getValue();
            if (chosen != null && !chosen.equals(list.getSelectionModel().getSelectedItem())) list.getSelectionModel().select(chosen);
        });
        list.getSelectionModel().select(selected.getValue());
    }
}
