package dev.gatehouse.app.observe;

import static dev.gatehouse.app.core.MasterDetailPage.column;

import dev.gatehouse.app.core.DialogService;
import dev.gatehouse.app.core.FilterBar;
import dev.gatehouse.app.core.MasterDetailPage;
import dev.gatehouse.app.session.Observations.AuditEntry;
import dev.gatehouse.app.session.Observations.Change;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
        text = FilterBar.field("auditFilter", "Filter: actor, event or resource", 24);
        export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        export.setId("auditExport");
        notice = new Label();
        notice.setId("auditNotice");
        notice.getStyleClass().add("muted");
        table = MasterDetailPage.table("auditTable", vm.entries(), "No administrative actions yet");
        table.getColumns().add(column("When", e -> TIME.format(e.time()), 150));
        table.getColumns().add(column("Who", AuditEntry::actor, 170));
        table.getColumns().add(column("What", AuditEntry::eventName, 160));
        table.getColumns().add(column("Resource", AuditEntry::resource, 260));
        table.getColumns().add(column("Changes", e -> String.valueOf(e.changes().size()), 70));
        changes = MasterDetailPage.table("auditChanges", vm.changes(), "Select an action to see what it changed");
        changes.getColumns().addAll(List.of(column("Where (JSON Pointer)", Change::path, 240), valueColumn("Before", Change::before, "before"),
                valueColumn("After", Change::after, "after")));
    }

    private static TableColumn<Change, String> valueColumn(String title, Function<Change, String> value, String style) {
        TableColumn<Change, String> c = column(title, value, 300);
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
        MasterDetailPage.titled("Audit").notice(notice).actions(export)
                .below(FilterBar.create().labelled("Source", source).add(text).build())
                .split(table, changes, Orientation.VERTICAL, 0.55).fill(this);
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
