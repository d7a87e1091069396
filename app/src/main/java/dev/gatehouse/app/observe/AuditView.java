package dev.gatehouse.app.observe;

import dev.gatehouse.app.core.DialogService;
import dev.gatehouse.app.session.Observations.AuditEntry;
import dev.gatehouse.app.session.Observations.Change;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Audit page: the administrative actions, filters, and the selected action's before/after diff. Built in
 * code: createParts → layoutParts → bind → wireEvents.
 */
public final class AuditView extends VBox {
    private static final String CSS = AuditView.class.getResource("observe.css").toExternalForm();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AuditViewModel vm;
    private final DialogService dialogs;
    private ComboBox<String> source;
    private TextField text;
    private Button export;
    private Label notice;
    private TableView<AuditEntry> table;
    private TableView<Change> changes;

    public AuditView(AuditViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        source = new ComboBox<>(vm.sources());
        source.setId("auditSource");
        text = new TextField();
        text.setId("auditFilter");
        text.setPromptText("Filter: actor, event or resource");
        text.setPrefColumnCount(24);
        export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        export.setId("auditExport");
        notice = new Label();
        notice.setId("auditNotice");
        notice.getStyleClass().add("muted");
        table = new TableView<>(vm.entries());
        table.setId("auditTable");
        table.setPlaceholder(new Label("No administrative actions yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("When", e -> TIME.format(e.time()), 150));
        table.getColumns().add(column("Who", AuditEntry::actor, 170));
        table.getColumns().add(column("What", AuditEntry::eventName, 160));
        table.getColumns().add(column("Resource", AuditEntry::resource, 260));
        table.getColumns().add(column("Changes", e -> String.valueOf(e.changes().size()), 70));
        changes = new TableView<>(vm.changes());
        changes.setId("auditChanges");
        changes.setPlaceholder(new Label("Select an action to see what it changed"));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Change, String> where = new TableColumn<>("Where (JSON Pointer)");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        where.setPrefWidth(240);
        changes.getColumns().addAll(List.of(where, valueColumn("Before", Change::before, "before"),
                valueColumn("After", Change::after, "after")));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<Change, String> valueColumn(String title, Function<Change, String> value, String style) {
        TableColumn<Change, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(300);
        c.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove(style);
                if (empty) {
                    setText(null);
                    return;
                }
                setText(v == null ? "(none)" : v);
                getStyleClass().add(style);
            }
        });
        return c;
    }

    private void layoutParts() {
        setId("auditPage");
        getStylesheets().add(CSS);
        Label title = new Label("Audit");
        title.getStyleClass().add("page-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, notice, spacer, source, text, export);
        header.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(table, changes);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        setSpacing(10);
        setPadding(new Insets(12, 16, 12, 16));
        getChildren().addAll(header, split);
    }

    private void bind() {
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        text.textProperty().bindBidirectional(vm.textProperty());
        notice.textProperty().bind(vm.noticeProperty());
    }

    private void wireEvents() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        export.setOnAction(e -> dialogs.chooseFileToSave("Export the audit trail", "audit.jsonl", "JSON lines", List.of("*.jsonl"))
                .ifPresent(vm::export));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) vm.reload();
        });
    }
}
