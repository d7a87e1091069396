package dev.gatehouse.app.stages;

import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * The stage's Settings tab: default method throttling, the cache cluster with its default TTL and the Flush cache
 * button, per-method overrides (a table and a form), Save and Revert. Builds, binds and forwards to
 * {@link StageSettingsViewModel}.
 */
final class StageSettingsPane extends VBox {
    private final StageSettingsViewModel vm;
    private TextField rate;
    private TextField burst;
    private CheckBox cacheEnabled;
    private ComboBox<String> cacheSize;
    private TextField defaultTtl;
    private Label cacheState;
    private Button flush;
    private TableView<StageSettingsViewModel.Override> table;
    private ComboBox<String> method;
    private TextField methodRate;
    private TextField methodBurst;
    private CheckBox methodCaching;
    private TextField methodTtl;
    private CheckBox methodEncrypted;
    private CheckBox methodRequireAuth;
    private ComboBox<UnauthorizedCacheControlHeaderStrategy> methodStrategy;
    private Button putOverride;
    private Button removeOverride;
    private Label methodProblem;
    private Label warning;
    private Label problem;
    private Button save;
    private Button revert;

    StageSettingsPane(StageSettingsViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        rate = field("stageThrottleRate", "requests per second", 8);
        burst = field("stageThrottleBurst", "requests", 6);
        cacheEnabled = new CheckBox("Enabled");
        cacheEnabled.setId("stageCacheEnabled");
        cacheSize = new ComboBox<>(FXCollections.observableArrayList(StageSettingsViewModel.CACHE_SIZES));
        cacheSize.setId("stageCacheSize");
        defaultTtl = field("stageCacheTtl", "300", 6);
        cacheState = new Label();
        cacheState.setId("stageCacheState");
        cacheState.getStyleClass().add("muted");
        flush = new Button("Flush cache", new FontIcon(Feather.TRASH));
        flush.setId("stageFlushCache");
        table = new TableView<>(vm.overrides());
        table.setId("stageMethodOverrides");
        table.setPlaceholder(new Label("No per-method overrides: every method uses the stage's defaults"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Method", StageSettingsViewModel.Override::method, 110));
        table.getColumns().add(column("Rate", o -> o.rate().isEmpty() ? "stage" : o.rate(), 50));
        table.getColumns().add(column("Burst", o -> o.burst().isEmpty() ? "stage" : o.burst(), 50));
        table.getColumns().add(column("Caching", o -> o.caching() ? "on" : "off", 55));
        table.getColumns().add(column("TTL (s)", StageSettingsViewModel.Override::ttl, 50));
        table.getColumns().add(column("Encrypted", o -> o.encrypted() ? "yes" : "no", 65));
        table.getColumns().add(column("Cache-Control needs auth", o -> (o.requireAuthorization() ? "yes, " : "no, ") + o.strategy(), 160));
        table.setPrefHeight(130);
        method = new ComboBox<>(vm.methods());
        method.setId("stageOverrideMethod");
        method.setEditable(true);
        method.setPromptText("GET /pets");
        methodRate = field("stageOverrideRate", "rate", 6);
        methodBurst = field("stageOverrideBurst", "burst", 5);
        methodCaching = new CheckBox("Caching enabled");
        methodCaching.setId("stageOverrideCaching");
        methodTtl = field("stageOverrideTtl", "300", 5);
        methodEncrypted = new CheckBox("Encrypt cache data");
        methodEncrypted.setId("stageOverrideEncrypted");
        methodRequireAuth = new CheckBox("Require authorization for Cache-Control");
        methodRequireAuth.setId("stageOverrideRequireAuth");
        methodStrategy = new ComboBox<>(FXCollections.observableArrayList(UnauthorizedCacheControlHeaderStrategy.values()));
        methodStrategy.setId("stageOverrideStrategy");
        putOverride = new Button("Set override", new FontIcon(Feather.PLUS));
        putOverride.setId("stageOverridePut");
        removeOverride = new Button("Remove", new FontIcon(Feather.X));
        removeOverride.setId("stageOverrideRemove");
        methodProblem = errorLabel("stageOverrideProblem");
        warning = new Label();
        warning.setId("stageSettingsWarning");
        warning.getStyleClass().add("access-warning");
        warning.setWrapText(true);
        problem = errorLabel("stageSettingsProblem");
        save = new Button("Save settings", new FontIcon(Feather.CHECK));
        save.setId("stageSettingsSave");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("stageSettingsRevert");
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("validation-error");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0);
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double minWidth) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setMinWidth(minWidth);
        return column;
    }

    private void layoutParts() {
        setId("stageSettingsPane");
        GridPane defaults = new GridPane();
        defaults.setHgap(10);
        defaults.setVgap(8);
        defaults.addRow(0, row(new Label("Default throttling")), row(new Label("Rate"), rate, new Label("Burst"), burst));
        defaults.addRow(1, row(new Label("Stage cache")), row(cacheEnabled, new Label("Size (GB)"), cacheSize));
        defaults.addRow(2, row(new Label("Default TTL (s)")), row(defaultTtl, flush, cacheState));
        for (Button b : new Button[] {flush, putOverride, removeOverride, save, revert}) b.setMinWidth(Region.USE_PREF_SIZE);
        Label overridesHeading = new Label("Per-method overrides");
        overridesHeading.getStyleClass().add("section-title");
        HBox formRow1 = row(method, new Label("Rate"), methodRate, new Label("Burst"), methodBurst);
        HBox formRow2 = row(methodCaching, new Label("TTL (s)"), methodTtl, methodEncrypted);
        HBox formRowAuth = row(methodRequireAuth, methodStrategy);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox formRow3 = row(methodProblem, spacer, removeOverride, putOverride);
        HBox.setHgrow(methodProblem, Priority.ALWAYS);
        Label hint = new Label("Blank rate and burst: no stage throttle. TTL 0 to 3600 seconds (0 = not cached). "
                + "Changes apply to the served stage at once, without a deploy.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Region actionSpacer = new Region();
        HBox.setHgrow(actionSpacer, Priority.ALWAYS);
        HBox actions = row(problem, actionSpacer, revert, save);
        HBox.setHgrow(problem, Priority.ALWAYS);
        VBox content = new VBox(8, defaults, hint, overridesHeading, table, formRow1, formRow2, formRowAuth, formRow3, warning);
        content.setPadding(new javafx.geometry.Insets(0, 6, 6, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // Save stays in sight however small the window
        setSpacing(6);
        getChildren().addAll(scroll, actions);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        // labels and check boxes keep their words; the text fields give way
        for (javafx.scene.Node n : nodes) if (n instanceof javafx.scene.control.Labeled l && !l.isWrapText()) l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void bind() {
        rate.textProperty().bindBidirectional(vm.rateProperty());
        burst.textProperty().bindBidirectional(vm.burstProperty());
        cacheEnabled.selectedProperty().bindBidirectional(vm.cacheEnabledProperty());
        cacheSize.valueProperty().bindBidirectional(vm.cacheSizeProperty());
        cacheSize.disableProperty().bind(vm.cacheEnabledProperty().not());
        defaultTtl.textProperty().bindBidirectional(vm.defaultTtlProperty());
        cacheState.textProperty().bind(vm.cacheStateProperty());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        methodRate.textProperty().bindBidirectional(vm.methodRateProperty());
        methodBurst.textProperty().bindBidirectional(vm.methodBurstProperty());
        methodCaching.selectedProperty().bindBidirectional(vm.methodCachingProperty());
        methodTtl.textProperty().bindBidirectional(vm.methodTtlProperty());
        methodEncrypted.selectedProperty().bindBidirectional(vm.methodEncryptedProperty());
        methodRequireAuth.selectedProperty().bindBidirectional(vm.methodRequireAuthProperty());
        methodStrategy.valueProperty().bindBidirectional(vm.methodStrategyProperty());
        methodStrategy.disableProperty().bind(vm.methodRequireAuthProperty().not());
        methodProblem.textProperty().bind(vm.methodProblemProperty());
        putOverride.disableProperty().bind(vm.methodProblemProperty().isNotEmpty());
        removeOverride.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        warning.textProperty().bind(vm.warningProperty());
        warning.managedProperty().bind(vm.warningProperty().isNotEmpty());
        problem.textProperty().bind(vm.problemProperty());
        save.disableProperty().bind(vm.problemProperty().isNotEmpty().or(vm.stageNameProperty().isNull()));
    }

    private void wireEvents() {
        // choosing a method loads its override (or the stage's defaults) into the form
        method.getSelectionModel().selectedItemProperty().addListener((obs, old, m) -> {
            if (m != null && vm.methods().contains(m)) vm.editMethod(m);
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, o) -> {
            if (o != null) vm.editMethod(o.method());
        });
        putOverride.setOnAction(e -> vm.putOverride());
        removeOverride.setOnAction(e -> vm.removeOverride(table.getSelectionModel().getSelectedItem()));
        save.setOnAction(e -> vm.save());
        revert.setOnAction(e -> vm.revert());
        flush.setOnAction(e -> vm.flushCache());
    }
}
