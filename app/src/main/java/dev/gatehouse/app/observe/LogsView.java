package dev.gatehouse.app.observe;

import static dev.gatehouse.app.core.MasterDetailPage.column;

import dev.gatehouse.app.core.DialogService;
import dev.gatehouse.app.core.FilterBar;
import dev.gatehouse.app.core.MasterDetailPage;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Logs page: filters, the request table, and below it the selected request's trace and the side-by-side Replay
 * pane; "Replay in test panel" opens the request's method on the Resources page with its test panel filled in.
 * Built in code: createParts → layoutParts → bind → wireEvents.
 */
public final class LogsView extends VBox {
    private static final String CSS = LogsView.class.getResource("observe.css").toExternalForm();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LogsViewModel vm;
    private final DialogService dialogs;
    private ComboBox<String> stage;
    private ComboBox<TimeRange> range;
    private ComboBox<String> status;
    private ComboBox<String> method;
    private TextField path;
    private TextField requestId;
    private TextField apiKey;
    private TextField minLatency;
    private Button search;
    private Button logStage;
    private Button replay;
    private Button replayInTestPanel;
    private MenuButton export;
    private Label notice;
    private TableView<LoggedRequest> table;
    private TextArea trace;
    private TabPane details;
    private Tab replayTab;

    public LogsView(LogsViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        stage = new ComboBox<>(vm.stages());
        stage.setId("logsStage");
        range = new ComboBox<>();
        range.getItems().setAll(TimeRange.values());
        range.setId("logsRange");
        status = new ComboBox<>();
        status.getItems().setAll(LogsViewModel.ANY, "2xx", "3xx", "4xx", "5xx");
        status.setEditable(true);
        status.setId("logsStatus");
        status.setPrefWidth(90);
        method = new ComboBox<>();
        method.getItems().setAll(LogsViewModel.ANY, "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        method.setId("logsMethod");
        path = FilterBar.field("logsPath", "Path glob, e.g. /pets/*", 12);
        requestId = FilterBar.field("logsRequestId", "Request id", 16);
        apiKey = FilterBar.field("logsApiKey", "API key or key id", 10);
        minLatency = FilterBar.field("logsMinLatency", "Min ms", 5);
        search = new Button("Search", new FontIcon(Feather.SEARCH));
        search.setId("logsSearch");
        search.setDefaultButton(true);
        logStage = new Button("Log this stage", new FontIcon(Feather.FILE_TEXT));
        logStage.setId("logsLogStage");
        logStage.setTooltip(new Tooltip("Turn on INFO execution logging with full request/response data for the chosen stage"));
        replay = new Button("Replay side by side", new FontIcon(Feather.REPEAT));
        replay.setId("logsReplay");
        replay.setTooltip(new Tooltip("Send the request again, edited or not, and compare the two responses"));
        replayInTestPanel = new Button("Replay in test panel", new FontIcon(Feather.PLAY_CIRCLE));
        replayInTestPanel.setId("logsReplayInTestPanel");
        replayInTestPanel.setTooltip(new Tooltip("Open the request's method on the Resources page with its test panel filled in, to edit and test against the draft"));
        MenuItem jsonl = new MenuItem("JSON lines…");
        jsonl.setId("logsExportJsonl");
        jsonl.setOnAction(e -> dialogs.chooseFileToSave("Export logs as JSON lines", "requests.jsonl", "JSON lines", List.of("*.jsonl"))
                .ifPresent(vm::exportJsonLines));
        MenuItem har = new MenuItem("HAR 1.2…");
        har.setId("logsExportHar");
        har.setOnAction(e -> dialogs.chooseFileToSave("Export logs as HAR", "requests.har", "HTTP Archive", List.of("*.har"))
                .ifPresent(vm::exportHar));
        export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD), jsonl, har);
        export.setId("logsExport");
        notice = new Label();
        notice.setId("logsNotice");
        notice.getStyleClass().add("muted");
        notice.setWrapText(true);
        table = MasterDetailPage.table("logsTable", vm.results(), "No logged requests");
        table.getColumns().add(column("Time", e -> TIME.format(Instant.ofEpochMilli(e.epochMillis())), 150));
        table.getColumns().add(column("Stage", LoggedRequest::stage, 70));
        table.getColumns().add(column("Method", LoggedRequest::httpMethod, 70));
        table.getColumns().add(column("Path", LoggedRequest::path, 200));
        table.getColumns().add(column("Status", e -> String.valueOf(e.status()), 60));
        table.getColumns().add(column("Latency", e -> String.format("%.1f ms", e.latencyMs()), 80));
        table.getColumns().add(column("API key", e -> e.apiKey() == null ? "" : e.apiKey(), 90));
        table.getColumns().add(column("Request id", LoggedRequest::requestId, 260));
        trace = new TextArea();
        trace.setId("logTrace");
        trace.setEditable(false);
        trace.setPromptText("Select a request above to see its headers, bodies and execution log.");
        details = new TabPane();
        details.setId("logsDetails");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab traceTab = new Tab("Trace", trace);
        traceTab.setId("tab-trace");
        replayTab = new Tab("Replay", new ReplayPane(vm.replay()));
        replayTab.setId("tab-replay");
        details.getTabs().addAll(traceTab, replayTab);
    }

    private void layoutParts() {
        setId("logsPage");
        getStylesheets().add(CSS);
        search.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane filters = FilterBar.create().labelled("Stage", stage).add(range).labelled("Status", status)
                .labelled("Method", method).add(path, requestId, apiKey, minLatency, search).build();
        MasterDetailPage.titled("Logs").actions(logStage, replayInTestPanel, replay, export).below(filters, notice)
                .split(table, details, Orientation.VERTICAL, 0.42).fill(this);
    }

    private void bind() {
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        path.textProperty().bindBidirectional(vm.pathGlobProperty());
        requestId.textProperty().bindBidirectional(vm.requestIdProperty());
        apiKey.textProperty().bindBidirectional(vm.apiKeyProperty());
        minLatency.textProperty().bindBidirectional(vm.minLatencyProperty());
        notice.textProperty().bind(vm.noticeProperty());
        trace.textProperty().bind(vm.traceProperty());
        replay.disableProperty().bind(vm.messageProperty().isNull());
        replayInTestPanel.disableProperty().bind(vm.messageProperty().isNull());
    }

    private void wireEvents() {
        search.setOnAction(e -> vm.search());
        logStage.setOnAction(e -> vm.logStage());
        replay.setOnAction(e -> {
            if (vm.replaySelected()) details.getSelectionModel().select(replayTab);
        });
        replayInTestPanel.setOnAction(e -> vm.openSelectedInTestPanel());
        MenuItem inTestPanel = new MenuItem("Replay in test panel");
        inTestPanel.setOnAction(e -> vm.openSelectedInTestPanel());
        inTestPanel.disableProperty().bind(vm.messageProperty().isNull());
        MenuItem sideBySide = new MenuItem("Replay side by side");
        sideBySide.setOnAction(e -> replay.fire());
        sideBySide.disableProperty().bind(vm.messageProperty().isNull());
        table.setContextMenu(new javafx.scene.control.ContextMenu(inTestPanel, sideBySide));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) table.getSelectionModel().select(row);
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) vm.search();
        });
    }
}
