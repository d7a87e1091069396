package dev.gatehouse.app.observe;

import dev.gatehouse.app.session.Observations.MetricPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Dashboard page: a stage's (or method's) AWS metrics as tiles for the range and line charts per bucket,
 * refreshed every second while the page shows. Built in code: createParts → layoutParts → bind → wireEvents.
 */
public final class DashboardView extends VBox {
    private static final String CSS = DashboardView.class.getResource("observe.css").toExternalForm();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    private final DashboardViewModel vm;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private ComboBox<String> stage;
    private ComboBox<String> method;
    private ComboBox<TimeRange> range;
    private Label message;
    private LineChart<Number, Number> requestsChart;
    private LineChart<Number, Number> latencyChart;
    private LineChart<Number, Number> cacheChart;
    private GridPane tiles;
    private VBox nothingDeployed;
    private Button deploy;
    private Button openStages;
    private Runnable onDeploy = () -> { };
    private Runnable onOpenStages = () -> { };

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    /** What "Deploy API…" does when the API has no deployed stage (the console opens its Deploy dialog). */
    public void setOnDeploy(Runnable action) {
        onDeploy = action == null ? () -> { } : action;
    }

    /** What "Open Stages" does when the API has no deployed stage (the console shows the Stages page). */
    public void setOnOpenStages(Runnable action) {
        onOpenStages = action == null ? () -> { } : action;
    }

    private void createParts() {
        stage = new ComboBox<>(vm.stages());
        stage.setId("dashboardStage");
        stage.setPromptText("Stage");
        method = new ComboBox<>(vm.methods());
        method.setId("dashboardMethod");
        method.setPrefWidth(220);
        range = new ComboBox<>();
        range.getItems().setAll(TimeRange.values());
        range.setId("dashboardRange");
        message = new Label();
        message.setId("dashboardMessage");
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        deploy = new Button("Deploy API…", new FontIcon(Feather.UPLOAD_CLOUD));
        deploy.setId("dashboardDeploy");
        deploy.getStyleClass().add("accent");
        openStages = new Button("Open Stages", new FontIcon(Feather.SEND));
        openStages.setId("dashboardOpenStages");
        requestsChart = chart("dashboardRequestsChart", "Requests per bucket", "count");
        latencyChart = chart("dashboardLatencyChart", "Latency (ms)", "ms");
        cacheChart = chart("dashboardCacheChart", "Cache hit ratio (%)", "%");
        NumberAxis percent = (NumberAxis) cacheChart.getYAxis();
        percent.setAutoRanging(false);
        percent.setLowerBound(0);
        percent.setUpperBound(100);
        percent.setTickUnit(25);
        tiles = new GridPane();
        tiles.setId("dashboardTiles");
        tiles.setHgap(10);
        tiles.setVgap(10);
    }

    private static LineChart<Number, Number> chart(String id, String title, String unit) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(160);
        chart.setLegendVisible(true);
        return chart;
    }

    private void layoutParts() {
        setId("dashboardPage");
        getStylesheets().add(CSS);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("page-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, new Label("Stage"), stage, new Label("Method"), method, range);
        header.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : header.getChildren()) if (n instanceof Region r && !(n instanceof ComboBox)) r.setMinWidth(Region.USE_PREF_SIZE);
        // nothing deployed: say so where the charts would be, with the two ways on (no empty charts to puzzle over)
        Label nothingTitle = new Label();
        nothingTitle.setId("dashboardNothingDeployedTitle");
        nothingTitle.textProperty().bind(vm.messageProperty());
        nothingTitle.setWrapText(true);
        nothingTitle.getStyleClass().add("title-4");
        Label nothingHelp = new Label("The Dashboard shows the requests a deployed stage serves. Deploy the API to a "
                + "stage (a snapshot of its resources and methods, served at the stage's invoke URL), call it, and its "
                + "count, errors and latency show here every second. The Stages page lists the API's stages.");
        nothingHelp.setWrapText(true);
        nothingHelp.getStyleClass().add("muted");
        HBox nothingActions = new HBox(10, deploy, openStages);
        nothingActions.setAlignment(Pos.CENTER);
        nothingDeployed = new VBox(12, nothingTitle, nothingHelp, nothingActions);
        nothingDeployed.setAlignment(Pos.CENTER);
        nothingDeployed.setMaxWidth(560);
        nothingDeployed.setPadding(new Insets(60, 0, 0, 0));
        addTile(0, "Count", "requests", vm.requestsProperty(), "dashboardCount");
        addTile(1, "4XXError", "client errors", vm.errors4xxProperty(), "dashboardErrors4xx");
        addTile(2, "5XXError", "server errors", vm.errors5xxProperty(), "dashboardErrors5xx");
        addTile(3, "Latency", "p50 / p90 / p99 (ms)", vm.latencyProperty(), "dashboardLatency");
        addTile(4, "IntegrationLatency", "p50 / p90 / p99 (ms)", vm.integrationLatencyProperty(), "dashboardIntegration");
        addTile(5, "Cache hit ratio", "of cache lookups", vm.cacheHitRatioProperty(), "dashboardCacheRatio");
        for (int i = 0; i < 6; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(i >= 3 && i <= 4 ? 22 : 14); // the latency tiles hold three numbers
            tiles.getColumnConstraints().add(c);
        }
        HBox lower = new HBox(10, latencyChart, cacheChart);
        HBox.setHgrow(latencyChart, Priority.ALWAYS);
        HBox.setHgrow(cacheChart, Priority.ALWAYS);
        latencyChart.setPrefWidth(2000);
        cacheChart.setPrefWidth(1000);
        VBox.setVgrow(requestsChart, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        setSpacing(10);
        setPadding(new Insets(12, 16, 12, 16));
        VBox centred = new VBox(nothingDeployed);
        centred.setId("dashboardNothingDeployed");
        centred.setAlignment(Pos.TOP_CENTER);
        centred.visibleProperty().bind(vm.nothingDeployedProperty());
        centred.managedProperty().bind(centred.visibleProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {tiles, requestsChart, lower}) {
            n.visibleProperty().bind(vm.nothingDeployedProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        getChildren().addAll(header, message, centred, tiles, requestsChart, lower);
    }

    /** The style class of an error tile's number while it counts errors. */
    static final String COUNTED_ERRORS = "errors";

    private static void markErrors(Label number, String text) {
        if (!counted(text)) number.getStyleClass().remove(COUNTED_ERRORS);
        else if (!number.getStyleClass().contains(COUNTED_ERRORS)) number.getStyleClass().add(COUNTED_ERRORS);
    }

    /** Whether an error tile's text is a count above zero ("0" and the "–" of no data are not). */
    static boolean counted(String text) {
        return text != null && !text.isEmpty() && text.chars().allMatch(Character::isDigit) && !text.chars().allMatch(c -> c == '0');
    }

    private void addTile(int column, String metric, String hint, ObservableStringValue value, String id) {
        Label name = new Label(metric);
        name.getStyleClass().add("tile-name");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("tile-value");
        number.textProperty().bind(value);
        if (id.startsWith("dashboardErrors")) {
            // red only when there are errors: a red 0 reads as an alarm about nothing
            number.textProperty().addListener((o, was, now) -> markErrors(number, now));
            markErrors(number, number.getText());
        }
        Label sub = new Label(hint);
        sub.getStyleClass().add("muted");
        VBox tile = new VBox(2, name, number, sub);
        tile.getStyleClass().add("metric-tile");
        tile.setMinWidth(0);
        tile.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(tile, Priority.ALWAYS);
        tiles.add(tile, column, 0);
    }

    private void bind() {
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty().and(vm.nothingDeployedProperty().not()));
        message.managedProperty().bind(message.visibleProperty());
    }

    private void wireEvents() {
        deploy.setOnAction(e -> onDeploy.run());
        openStages.setOnAction(e -> onOpenStages.run());
        vm.points().addListener((javafx.collections.ListChangeListener<MetricPoint>) c -> redraw());
        vm.fromProperty().addListener((obs, old, f) -> redraw());
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                vm.refresh();
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    /** Every second while the page is in the window: the newest buckets. */
    private void tick() {
        if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) vm.refresh();
    }

    /** Stops the ticker (the console closes). */
    public void dispose() {
        ticker.stop();
        vm.dispose();
    }

    private void redraw() {
        Instant from = vm.fromProperty().get();
        TimeRange r = vm.rangeProperty().get();
        if (from == null || r == null) return;
        long lower = from.getEpochSecond();
        long upper = lower + r.length().toSeconds();
        List<MetricPoint> points = vm.points();
        requestsChart.getData().setAll(List.of(
                series("Count", points, p -> p.count()),
                series("4XXError", points, p -> p.errors4xx()),
                series("5XXError", points, p -> p.errors5xx())));
        latencyChart.getData().setAll(List.of(
                series("p50", points, p -> p.latency().p50()),
                series("p90", points, p -> p.latency().p90()),
                series("p99", points, p -> p.latency().p99()),
                series("Integration p50", points.stream().filter(p -> p.integrationLatency().samples() > 0).toList(),
                        p -> p.integrationLatency().p50())));
        List<MetricPoint> lookups = points.stream().filter(p -> p.cacheHits() + p.cacheMisses() > 0).toList();
        cacheChart.getData().setAll(List.of(series("Hit ratio", lookups, p -> p.cacheHitRatio() * 100)));
        fitValueAxis(requestsChart, 10);
        fitValueAxis(latencyChart, 1);
        for (LineChart<Number, Number> chart : List.of(requestsChart, latencyChart, cacheChart)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(lower);
            x.setUpperBound(upper);
            // the narrow cache chart has room for three labels; the wide ones for seven
            x.setTickUnit(Math.max(1, (upper - lower) / (chart == cacheChart ? 2 : 6)));
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override public String toString(Number n) {
                    Instant t = Instant.ofEpochSecond(n.longValue());
                    return r.resolutionSeconds() == 1 ? CLOCK.format(t) : DAY.format(t);
                }

                @Override public Number fromString(String s) {
                    return 0;
                }
            });
        }
    }

    /**
     * An empty chart (no request in the range, or all zero) gets the value axis 0 to {@code emptyUpper}: JavaFX's
     * auto-ranging of no data drew 0 to 800,000 requests and milliseconds, which reads as a broken chart. With
     * values the axis fits them again.
     */
    private static void fitValueAxis(LineChart<Number, Number> chart, double emptyUpper) {
        NumberAxis y = (NumberAxis) chart.getYAxis();
        boolean empty = chart.getData().stream().flatMap(s -> s.getData().stream())
                .allMatch(d -> d.getYValue().doubleValue() == 0);
        y.setAutoRanging(!empty);
        if (empty) {
            y.setLowerBound(0);
            y.setUpperBound(emptyUpper);
            y.setTickUnit(emptyUpper / 5);
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<MetricPoint> points, ToDoubleFunction<MetricPoint> value) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (MetricPoint p : points) s.getData().add(new XYChart.Data<>(p.epochSecond(), value.applyAsDouble(p)));
        return s;
    }
}
