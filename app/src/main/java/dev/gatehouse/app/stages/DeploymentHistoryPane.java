package dev.gatehouse.app.stages;

import dev.gatehouse.app.stages.StagesViewModel.DeploymentRow;
import dev.gatehouse.engine.deploy.DeploymentDiff;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The history tab: the API's deployments (the stage's current one marked), rollback to the selected one, and the
 * diff between any two deployments with breaking changes marked and the selected change's before/after text.
 */
final class DeploymentHistoryPane extends SplitPane {
    private final StagesViewModel vm;
    private TableView<DeploymentRow> history;
    private Button rollback;
    private Button compare;
    private ComboBox<DeploymentRow> from;
    private ComboBox<DeploymentRow> to;
    private Label summary;
    private TableView<DeploymentDiff.Entry> diff;
    private TextArea before;
    private TextArea after;
    private HBox pickers;
    private HBox texts;

    DeploymentHistoryPane(StagesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        history = new TableView<>(vm.deployments());
        history.setId("deploymentTable");
        history.setPlaceholder(new Label("No deployments yet"));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DeploymentRow, String> mark = column("", r -> r.current() ? "current" : r.canary() ? "canary" : "");
        mark.setPrefWidth(80);
        mark.setMaxWidth(90);
        history.getColumns().add(mark);
        history.getColumns().add(column("Deployment", DeploymentRow::id));
        history.getColumns().add(column("Created", DeploymentRow::date));
        history.getColumns().add(column("Description", DeploymentRow::description));
        history.setRowFactory(t -> new TableRow<>() {
            @Override protected void updateItem(DeploymentRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), !empty && row != null && row.current());
            }
        });
        rollback = new Button("Roll back to selected", new FontIcon(Feather.ROTATE_CCW));
        rollback.setId("rollbackButton");
        rollback.setTooltip(new Tooltip("Point the stage at the selected deployment (Undo reverts it)"));
        compare = new Button("Compare with current", new FontIcon(Feather.GIT_PULL_REQUEST));
        compare.setId("compareWithCurrent");
        from = new ComboBox<>(vm.deployments());
        from.setId("diffFrom");
        to = new ComboBox<>(vm.deployments());
        to.setId("diffTo");
        summary = new Label();
        summary.setId("diffSummary");
        summary.getStyleClass().add("muted");
        diff = new TableView<>(vm.diff());
        diff.setId("diffTable");
        diff.setPlaceholder(new Label("No differences"));
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DeploymentDiff.Entry, String> kind = column("Change", e -> switch (e.kind()) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case CHANGED -> "Changed";
        });
        kind.setPrefWidth(80);
        kind.setMaxWidth(90);
        TableColumn<DeploymentDiff.Entry, String> breaking = column("", e -> e.breaking() ? "Breaking" : "");
        breaking.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("breaking");
                if (!empty && text != null && !text.isEmpty()) getStyleClass().add("breaking");
            }
        });
        breaking.setPrefWidth(80);
        breaking.setMaxWidth(90);
        TableColumn<DeploymentDiff.Entry, String> subject = column("Where", DeploymentDiff.Entry::subject);
        subject.setPrefWidth(180);
        subject.setMaxWidth(240);
        diff.getColumns().add(kind);
        diff.getColumns().add(breaking);
        diff.getColumns().add(subject);
        diff.getColumns().add(column("What", DeploymentDiff.Entry::detail));
        before = new TextArea();
        before.setId("diffBefore");
        before.setEditable(false);
        before.setPromptText("Before");
        after = new TextArea();
        after.setId("diffAfter");
        after.setEditable(false);
        after.setPromptText("After");
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void layoutParts() {
        setId("deploymentHistoryPane");
        setOrientation(Orientation.VERTICAL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox historyButtons = new HBox(8, compare, spacer, rollback);
        historyButtons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox top = new VBox(8, history, historyButtons);

        Label diffHeading = new Label("Compare");
        diffHeading.getStyleClass().add("section-title");
        diffHeading.setMinWidth(Region.USE_PREF_SIZE);
        pickers = new HBox(8, diffHeading, from, new FontIcon(Feather.ARROW_RIGHT), to);
        pickers.setAlignment(Pos.CENTER_LEFT);
        // the picked deployments ("id  date  description") share the row and grow with it; the summary has a row of
        // its own, where it wraps (a wrapping label beside them was cut to one line at 1360 px)
        for (javafx.scene.control.ComboBox<?> c : java.util.List.of(from, to)) {
            c.setPrefWidth(260);
            c.setMinWidth(160);
            c.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        before.setPrefRowCount(5);
        after.setPrefRowCount(5);
        texts = new HBox(8, before, after);
        HBox.setHgrow(before, Priority.ALWAYS);
        HBox.setHgrow(after, Priority.ALWAYS);
        VBox.setVgrow(diff, Priority.ALWAYS);
        VBox bottom = new VBox(8, pickers, summary, diff, texts);
        bottom.setId("diffPane");
        getItems().addAll(top, bottom);
        setDividerPositions(0.36);
    }

    private void bind() {
        from.valueProperty().bindBidirectional(vm.diffFromProperty());
        to.valueProperty().bindBidirectional(vm.diffToProperty());
        summary.textProperty().bind(vm.diffSummaryProperty());
        // a single deployment has nothing to be compared with: only the summary, which says so, stays
        for (javafx.scene.Node n : java.util.List.of(pickers, diff, texts)) {
            n.visibleProperty().bind(vm.canCompareProperty());
            n.managedProperty().bind(vm.canCompareProperty());
        }
        rollback.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            DeploymentRow row = history.getSelectionModel().getSelectedItem();
            return row == null || row.current() || vm.selectedProperty().get() == null;
        }, history.getSelectionModel().selectedItemProperty(), vm.selectedProperty()));
        compare.disableProperty().bind(rollback.disableProperty());
        diff.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            before.setText(entry == null || entry.before() == null ? "" : entry.before());
            after.setText(entry == null || entry.after() == null ? "" : entry.after());
        });
        vm.diff().addListener((javafx.collections.ListChangeListener<DeploymentDiff.Entry>) c -> {
            if (!vm.diff().isEmpty()) diff.getSelectionModel().selectFirst();
            else {
                before.clear();
                after.clear();
            }
        });
    }

    private void wireEvents() {
        rollback.setOnAction(e -> vm.rollback(history.getSelectionModel().getSelectedItem()));
        compare.setOnAction(e -> vm.deployments().stream().filter(DeploymentRow::current).findFirst()
                .ifPresent(current -> vm.compare(history.getSelectionModel().getSelectedItem(), current)));
    }
}
