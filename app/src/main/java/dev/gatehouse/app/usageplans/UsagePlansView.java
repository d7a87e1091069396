package dev.gatehouse.app.usageplans;

import dev.gatehouse.app.core.MasterDetailPage;
import dev.gatehouse.app.usageplans.UsagePlansViewModel.ApiChoice;
import dev.gatehouse.app.usageplans.UsagePlansViewModel.KeyChoice;
import dev.gatehouse.app.usageplans.UsagePlansViewModel.MethodThrottle;
import dev.gatehouse.app.usageplans.UsagePlansViewModel.StageEntry;
import dev.gatehouse.app.usageplans.UsagePlansViewModel.UsagePoint;
import dev.gatehouse.engine.model.QuotaPeriod;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Usage Plans page: plans on the left; for the selected plan the tabs Details (name, description, API stages,
 * throttle, per-method throttles, quota; Save / Revert), API keys (add, remove) and Usage (a bar chart of each key's
 * requests per day). The view builds, binds and forwards to {@link UsagePlansViewModel}.
 */
public final class UsagePlansView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final UsagePlansViewModel vm;
    private Button create;
    private Button delete;
    private Label notice;
    private TableView<UsagePlansViewModel.PlanRow> table;
    private Label title;
    private TabPane tabs;
    // details
    private TextField name;
    private TextField description;
    private ListView<StageEntry> stageList;
    private ComboBox<ApiChoice> apiPick;
    private ComboBox<String> stagePick;
    private Button addStage;
    private Button removeStage;
    private TextField rate;
    private TextField burst;
    private TableView<MethodThrottle> methodTable;
    private ComboBox<StageEntry> methodStage;
    private ComboBox<String> methodPick;
    private TextField methodRate;
    private TextField methodBurst;
    private Button addMethod;
    private Button removeMethod;
    private CheckBox quota;
    private TextField quotaLimit;
    private ComboBox<QuotaPeriod> period;
    private TextField offset;
    private Label problem;
    private Button save;
    private Button revert;
    // keys
    private ListView<KeyChoice> keyList;
    private ComboBox<KeyChoice> keyPick;
    private Button addKey;
    private Button removeKey;
    private Button setRemaining;
    // usage
    private BarChart<String, Number> chart;
    private Label usageSummary;
    private Button refreshUsage;

    public UsagePlansView(UsagePlansViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        create = new Button("Create usage plan…", new FontIcon(Feather.PLUS));
        create.setId("usagePlanCreate");
        create.getStyleClass().add("accent");
        delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
        delete.setId("usagePlanDelete");
        notice = new Label();
        notice.setId("usagePlansNotice");
        notice.getStyleClass().add("muted");
        table = MasterDetailPage.table("usagePlanTable", vm.plans(), "");
        table.setPlaceholder(wrapped("No usage plans yet: create one to meter and throttle API keys"));
        table.getColumns().add(column("Name", UsagePlansViewModel.PlanRow::name, 90));
        table.getColumns().add(column("API stages", UsagePlansViewModel.PlanRow::stages, 130));
        table.getColumns().add(column("Keys", r -> String.valueOf(r.keys()), 60));
        table.getColumns().add(column("Limits", UsagePlansViewModel.PlanRow::limits, 210));
        title = new Label();
        title.setId("usagePlanTitle");
        title.getStyleClass().add("title-3");

        name = field("usagePlanName", "");
        description = field("usagePlanDescription", "What the plan offers (e.g. Basic tier)");
        stageList = new ListView<>(vm.stages());
        stageList.setId("usagePlanStages");
        stageList.setPlaceholder(new Label("No API stages: the plan admits its keys nowhere yet"));
        stageList.setPrefHeight(72);
        apiPick = new ComboBox<>(vm.apis());
        apiPick.setId("usagePlanApiPick");
        apiPick.setPromptText("API");
        apiPick.setPrefWidth(220);
        stagePick = new ComboBox<>();
        stagePick.setId("usagePlanStagePick");
        stagePick.setPromptText("Stage");
        stagePick.setPrefWidth(140);
        addStage = new Button("Add stage", new FontIcon(Feather.PLUS));
        addStage.setId("usagePlanAddStage");
        removeStage = new Button("Remove", new FontIcon(Feather.X));
        removeStage.setId("usagePlanRemoveStage");
        rate = field("usagePlanRate", "per second");
        burst = field("usagePlanBurst", "requests");
        methodTable = new TableView<>(vm.methodThrottles());
        methodTable.setId("usagePlanMethodThrottles");
        methodTable.setPlaceholder(wrapped("No per-method throttles: every method shares the plan's throttle"));
        methodTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        methodTable.getColumns().add(column("API stage", (MethodThrottle m) -> m.stage().toString(), 100));
        methodTable.getColumns().add(column("Method", MethodThrottle::method, 100));
        methodTable.getColumns().add(column("Rate (rps)", MethodThrottle::rate, 70));
        methodTable.getColumns().add(column("Burst", MethodThrottle::burst, 60));
        methodTable.setPrefHeight(110);
        methodStage = new ComboBox<>(vm.stages());
        methodStage.setId("usagePlanMethodStage");
        methodStage.setPromptText("API stage");
        methodStage.setPrefWidth(220);
        methodStage.setMaxWidth(Double.MAX_VALUE);
        methodPick = new ComboBox<>();
        methodPick.setId("usagePlanMethodPick");
        methodPick.setEditable(true);
        methodPick.setPromptText("Method"); // not an example path: the chosen API may have no /pets
        methodPick.setPrefWidth(220);
        methodPick.setMaxWidth(Double.MAX_VALUE);
        methodRate = field("usagePlanMethodRate", "per second");
        methodRate.setPrefColumnCount(8);
        methodBurst = field("usagePlanMethodBurst", "requests");
        methodBurst.setPrefColumnCount(7);
        for (TextField f : new TextField[] {methodRate, methodBurst}) f.setMinWidth(Region.USE_PREF_SIZE); // prompts read whole
        addMethod = new Button("Set", new FontIcon(Feather.PLUS));
        addMethod.setTooltip(new javafx.scene.control.Tooltip("Set the rate and burst of the chosen method on the chosen API stage"));
        addMethod.setId("usagePlanSetMethodThrottle");
        removeMethod = new Button("Remove", new FontIcon(Feather.X));
        removeMethod.setId("usagePlanRemoveMethodThrottle");
        quota = new CheckBox("Enable quota");
        quota.setId("usagePlanQuotaEnabled");
        quotaLimit = field("usagePlanQuotaLimit", "requests");
        period = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(QuotaPeriod.values()));
        period.setId("usagePlanQuotaPeriod");
        period.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        offset = field("usagePlanQuotaOffset", "0");
        offset.setPrefColumnCount(4);
        problem = new Label();
        problem.setId("usagePlanProblem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        save = new Button("Save usage plan", new FontIcon(Feather.CHECK));
        save.setId("usagePlanSave");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("usagePlanRevert");

        keyList = new ListView<>(vm.planKeys());
        keyList.setId("usagePlanKeys");
        keyList.setPlaceholder(new Label("No API keys in this plan"));
        keyPick = new ComboBox<>(vm.otherKeys());
        keyPick.setId("usagePlanKeyPick");
        keyPick.setPromptText("API key");
        addKey = new Button("Add API key", new FontIcon(Feather.PLUS));
        addKey.setId("usagePlanAddKey");
        removeKey = new Button("Remove from plan", new FontIcon(Feather.X));
        removeKey.setId("usagePlanRemoveKey");
        setRemaining = new Button("Set remaining quota…", new FontIcon(Feather.ROTATE_CCW));
        setRemaining.setId("usagePlanSetRemaining");
        setRemaining.setTooltip(new javafx.scene.control.Tooltip(
                "Reset or extend what the selected key may still request in this quota period (AWS UpdateUsage)"));

        CategoryAxis days = new CategoryAxis();
        days.setLabel("Day (UTC)");
        NumberAxis requests = new NumberAxis();
        requests.setLabel("Requests");
        requests.setMinorTickVisible(false);
        requests.setTickLabelFormatter(new NumberAxis.DefaultFormatter(requests) {
            @Override public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }
        });
        chart = new BarChart<>(days, requests);
        chart.setId("usagePlanChart");
        chart.setAnimated(false);
        chart.setTitle("Requests per API key and day");
        usageSummary = new Label();
        usageSummary.setId("usagePlanUsageSummary");
        usageSummary.setWrapText(true);
        refreshUsage = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refreshUsage.setId("usagePlanRefreshUsage");
    }

    /** A placeholder that wraps rather than ending in "…" when its table is narrow. */
    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setPadding(new Insets(0, 12, 0, 12));
        return l;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double minWidth) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setMinWidth(minWidth);
        return column;
    }

    private void layoutParts() {
        setId("usagePlansPage");
        for (Button b : new Button[] {save, revert, addStage, removeStage, addKey, removeKey, setRemaining, addMethod, removeMethod}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        HBox stagePickRow = row(apiPick, stagePick, addStage, removeStage);
        HBox throttleRow = row(new Label("Rate"), rate, new Label("Burst"), burst);
        // the method throttle takes two rows: at 1360x860 one row cut the stage to "A..." and the burst to "burs"
        HBox methodPickRow = row(methodStage, methodPick);
        HBox.setHgrow(methodStage, Priority.ALWAYS);
        HBox.setHgrow(methodPick, Priority.ALWAYS);
        Region methodSpacer = new Region();
        HBox.setHgrow(methodSpacer, Priority.ALWAYS);
        HBox methodRow = row(new Label("Rate"), methodRate, new Label("Burst"), methodBurst, methodSpacer, addMethod, removeMethod);
        methodRow.setId("usagePlanMethodThrottleRow");
        HBox quotaRow = row(quota, quotaLimit, new Label("per"), period, new Label("offset"), offset);
        rate.setPrefColumnCount(8);
        burst.setPrefColumnCount(8);
        quotaLimit.setPrefColumnCount(8);
        form.addRow(0, row(new Label("Name")), name);
        form.addRow(1, row(new Label("Description")), description);
        form.addRow(2, row(new Label("Throttle per key")), throttleRow);
        form.addRow(3, row(new Label("Quota per key")), quotaRow);
        GridPane.setHgrow(name, Priority.ALWAYS);
        Region formSpacer = new Region();
        HBox.setHgrow(formSpacer, Priority.ALWAYS);
        HBox actions = row(problem, formSpacer, revert, save);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinWidth(0);
        VBox details = new VBox(8, form,
                hint("Blank rate and burst: no throttle of the plan's own (over it: 429 Too Many Requests). WEEK offset: "
                        + "0 = Sunday … 6 = Saturday; MONTH offset: days after the 1st. Over quota: 429 Limit Exceeded."),
                section("API stages"), stageList, stagePickRow,
                section("Per-method throttling"), methodTable, methodPickRow, methodRow);
        details.setPadding(new Insets(10, 4, 10, 0));
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // Save stays in sight however long the form is
        VBox detailsScroll = new VBox(6, scroll, actions);
        detailsScroll.setId("usagePlanDetails");

        VBox keys = new VBox(8, keyList, row(keyPick, addKey, removeKey), row(setRemaining),
                hint("Keys are added and removed at once (Edit → Undo reverts). A key in this plan reaches the plan's API stages. "
                        + "Set remaining quota resets or extends how many more requests the selected key may make in this "
                        + "quota period; it takes effect at once and is recorded in the audit trail (not undoable)."));
        VBox.setVgrow(keyList, Priority.ALWAYS);
        keys.setPadding(new Insets(10, 0, 0, 0));

        Region usageSpacer = new Region();
        HBox.setHgrow(usageSpacer, Priority.ALWAYS);
        HBox usageTop = row(usageSummary, usageSpacer, refreshUsage);
        VBox usagePane = new VBox(8, usageTop, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        usagePane.setPadding(new Insets(10, 0, 0, 0));

        tabs = new TabPane(tab("tab-plan-details", "Details", detailsScroll), tab("tab-plan-keys", "API keys", keys),
                tab("tab-plan-usage", "Usage", usagePane));
        tabs.setId("usagePlanTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox right = new VBox(8, title, tabs);
        right.setId("usagePlanRight");
        right.setPadding(new Insets(0, 0, 0, 12));
        SplitPane.setResizableWithParent(table, false);
        MasterDetailPage.titled("Usage Plans").notice(notice).actions(delete, create)
                .split(table, right, Orientation.HORIZONTAL, 0.45).fill(this);
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        // labels and check boxes keep their words; the text fields give way
        for (javafx.scene.Node n : nodes) if (n instanceof javafx.scene.control.Labeled l && !l.isWrapText()) l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private void bind() {
        title.textProperty().bind(vm.selectedProperty().map(r -> "Usage plan " + r.name() + " (" + r.id() + ")")
                .orElse("No usage plan selected"));
        notice.textProperty().bind(vm.noticeProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        rate.textProperty().bindBidirectional(vm.rateProperty());
        burst.textProperty().bindBidirectional(vm.burstProperty());
        quota.selectedProperty().bindBidirectional(vm.quotaEnabledProperty());
        quotaLimit.textProperty().bindBidirectional(vm.quotaLimitProperty());
        period.valueProperty().bindBidirectional(vm.periodProperty());
        offset.textProperty().bindBidirectional(vm.offsetProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {quotaLimit, period, offset}) n.disableProperty().bind(quota.selectedProperty().not());
        problem.textProperty().bind(vm.problemProperty());
        save.disableProperty().bind(vm.problemProperty().isNotEmpty().or(vm.selectedProperty().isNull())
                .or(vm.changedProperty().not()));
        revert.disableProperty().bind(vm.changedProperty().not());
        tabs.disableProperty().bind(vm.selectedProperty().isNull());
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        addStage.disableProperty().bind(stagePick.valueProperty().isNull());
        removeStage.disableProperty().bind(stageList.getSelectionModel().selectedItemProperty().isNull());
        addMethod.disableProperty().bind(methodStage.valueProperty().isNull());
        removeMethod.disableProperty().bind(methodTable.getSelectionModel().selectedItemProperty().isNull());
        addKey.disableProperty().bind(keyPick.valueProperty().isNull());
        removeKey.disableProperty().bind(keyList.getSelectionModel().selectedItemProperty().isNull());
        setRemaining.disableProperty().bind(keyList.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.quotaEnabledProperty().not()));
        usageSummary.textProperty().bind(vm.usageSummaryProperty());
        vm.usage().addListener((ListChangeListener<UsagePoint>) c -> showUsage());
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) table.getSelectionModel().select(row);
        });
    }

    private void wireEvents() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        create.setOnAction(e -> vm.createAsking());
        delete.setOnAction(e -> vm.delete());
        save.setOnAction(e -> vm.save());
        revert.setOnAction(e -> vm.revert());
        apiPick.valueProperty().addListener((obs, old, api) -> {
            stagePick.getItems().setAll(api == null ? java.util.List.of() : api.stages());
            if (!stagePick.getItems().isEmpty()) stagePick.setValue(stagePick.getItems().getFirst());
        });
        addStage.setOnAction(e -> vm.addStage(apiPick.getValue(), stagePick.getValue()));
        removeStage.setOnAction(e -> vm.removeStage(stageList.getSelectionModel().getSelectedItem()));
        methodStage.valueProperty().addListener((obs, old, stage) -> methodPick.getItems().setAll(stage == null ? java.util.List.of()
                : vm.apis().stream().filter(a -> a.id().equals(stage.apiId())).findFirst().map(ApiChoice::methods).orElse(java.util.List.of())));
        addMethod.setOnAction(e -> vm.putMethodThrottle(methodStage.getValue(),
                methodPick.getEditor().getText(), methodRate.getText(), methodBurst.getText()));
        removeMethod.setOnAction(e -> vm.removeMethodThrottle(methodTable.getSelectionModel().getSelectedItem()));
        addKey.setOnAction(e -> vm.addKey(keyPick.getValue()));
        removeKey.setOnAction(e -> vm.removeKey(keyList.getSelectionModel().getSelectedItem()));
        setRemaining.setOnAction(e -> vm.setRemainingAsking(keyList.getSelectionModel().getSelectedItem()));
        refreshUsage.setOnAction(e -> vm.refreshUsage());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && "tab-plan-usage".equals(tab.getId())) vm.refreshUsage();
        });
    }

    /** One series per key, one bar per day: built from the view-model's points. */
    private void showUsage() {
        Map<String, XYChart.Series<String, Number>> byKey = new LinkedHashMap<>();
        for (UsagePoint p : vm.usage()) {
            XYChart.Series<String, Number> series = byKey.computeIfAbsent(p.keyId(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(p.keyName());
                return s;
            });
            series.getData().add(new XYChart.Data<>(DAY.format(p.day()), p.used()));
        }
        chart.getData().setAll(byKey.values());
    }
}
