package dev.gatehouse.app.observe;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Observations.MetricPoint;
import dev.gatehouse.app.session.Observations.MetricSeries;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Dashboard: AWS's metrics of one stage of the selected API — or one of its methods — over a time range
 * (Count, 4XXError, 5XXError, Latency and IntegrationLatency p50/p90/p99, CacheHitCount / CacheMissCount as a hit
 * ratio), per bucket for the charts and summed for the tiles. {@link #refresh()} reads the store off the FX thread
 * (the view calls it every second while it shows); the newest answer wins. FX thread only.
 */
public final class DashboardViewModel {
    /** The method choice that means the whole stage. */
    public static final String ALL_METHODS = "All methods";

    private final Workbench workbench;
    private final Clock clock;
    private final LatestTask loading;
    private final LatestTask stagesLoading;
    private final ObservableList<String> stages = FXCollections.observableArrayList();
    private final StringProperty stage = new SimpleStringProperty(this, "stage");
    private final ObservableList<String> methods = FXCollections.observableArrayList(ALL_METHODS);
    private final StringProperty method = new SimpleStringProperty(this, "method", ALL_METHODS);
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range", TimeRange.FIVE_MINUTES);
    private final ObservableList<MetricPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MetricPoint> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<Instant> from = new ReadOnlyObjectWrapper<>(this, "from");
    private final ReadOnlyStringWrapper requests = new ReadOnlyStringWrapper(this, "requests", "0");
    private final ReadOnlyStringWrapper errors4xx = new ReadOnlyStringWrapper(this, "errors4xx", "0");
    private final ReadOnlyStringWrapper errors5xx = new ReadOnlyStringWrapper(this, "errors5xx", "0");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper(this, "latency", "–");
    private final ReadOnlyStringWrapper integrationLatency = new ReadOnlyStringWrapper(this, "integrationLatency", "–");
    private final ReadOnlyStringWrapper cacheHitRatio = new ReadOnlyStringWrapper(this, "cacheHitRatio", "–");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private boolean updatingMethods;
    private final ReadOnlyBooleanWrapper nothingDeployed = new ReadOnlyBooleanWrapper(this, "nothingDeployed");

    public DashboardViewModel(Workbench workbench, TaskRunner runner, Clock clock) {
        this.workbench = workbench;
        this.clock = clock;
        this.loading = new LatestTask(runner);
        this.stagesLoading = new LatestTask(runner);
        workbench.selectedApiProperty().addListener((obs, old, api) -> {
            if (api == null || old == null || !api.id().equals(old.id())) loadStages();
        });
        workbench.revisionProperty().addListener((obs, old, rev) -> loadStages());
        stage.addListener((obs, old, s) -> {
            method.set(ALL_METHODS);
            refresh();
        });
        method.addListener((obs, old, m) -> {
            if (!updatingMethods) refresh();
        });
        range.addListener((obs, old, r) -> refresh());
        loadStages();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The selected API's stages, by name. */
    public ObservableList<String> stages() { return stages; }

    public StringProperty stageProperty() { return stage; }

    /** {@link #ALL_METHODS} and the methods seen in the range ({@code GET /pets}). */
    public ObservableList<String> methods() { return methods; }

    public StringProperty methodProperty() { return method; }

    public ObjectProperty<TimeRange> rangeProperty() { return range; }

    /** The range's buckets with requests, oldest first. */
    public ObservableList<MetricPoint> points() { return points; }

    /** The whole range merged; null before the first refresh. */
    public ReadOnlyObjectProperty<MetricPoint> summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The start of the range shown (the charts' left edge). */
    public ReadOnlyObjectProperty<Instant> fromProperty() { return from.getReadOnlyProperty(); }

    public ReadOnlyStringProperty requestsProperty() { return requests.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errors4xxProperty() { return errors4xx.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errors5xxProperty() { return errors5xx.getReadOnlyProperty(); }

    /** {@code p50 / p90 / p99} of Latency in ms, e.g. {@code 1.4 / 20.8 / 158}. */
    public ReadOnlyStringProperty latencyProperty() { return latency.getReadOnlyProperty(); }

    /** {@code p50 / p90 / p99} of IntegrationLatency in ms ("–" without backend calls). */
    public ReadOnlyStringProperty integrationLatencyProperty() { return integrationLatency.getReadOnlyProperty(); }

    /** CacheHitCount / (CacheHitCount + CacheMissCount), "–" without cache lookups. */
    public ReadOnlyStringProperty cacheHitRatioProperty() { return cacheHitRatio.getReadOnlyProperty(); }

    /** Why nothing shows (no stage, no data plane), or a failure in the product's words; "" when fine. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /**
     * True while the selected API has no deployed stage, so there is nothing to measure: the view then offers
     * Deploy and the Stages page instead of empty charts.
     */
    public ReadOnlyBooleanProperty nothingDeployedProperty() { return nothingDeployed.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Reads the range's metrics again (off the FX thread); the newest answer wins. */
    public void refresh() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        String stageName = stage.get();
        if (api == null || stageName == null || workbench.session().isEmpty()) {
            loading.cancel(); // an answer still on its way for the stage before must not overwrite this
            show(null, null);
            message.set(api == null ? "Select an API."
                    : nothingDeployed.get() ? api.name() + " has no deployed stage yet: deploy it (Deploy → Deploy API…, "
                            + "Ctrl+Shift+E) and its stage's requests show here."
                    : "Choose a stage to see its metrics.");
            return;
        }
        TimeRange r = range.get();
        Instant to = clock.instant().plusSeconds(1);
        Instant start = to.minus(r.length());
        String m = ALL_METHODS.equals(method.get()) ? null : method.get();
        var session = workbench.session().get();
        loading.run(BackgroundTask.of(() -> session.observations().metrics(api.id(), stageName, m, start, to, r.resolutionSeconds()))
                .onSuccess(series -> {
                    message.set(series.points().isEmpty() ? "No requests to " + stageName + " in this range yet: call its "
                            + "invoke URL (status bar) and they show here within a second." : "");
                    from.set(start);
                    show(series, r);
                })
                .onFailure(e -> message.set("Cannot read the metrics: " + e.getMessage())));
    }

    /** Stops reading (the page went away). */
    public void dispose() {
        loading.cancel();
        stagesLoading.cancel();
    }

    /**
     * Lists the API's stages; keeps the chosen one while it is still there, else chooses the first deployed one
     * (a stage is deployed when it has a deployment), so the page opens on something to measure.
     */
    private void loadStages() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (api == null || workbench.session().isEmpty()) {
            stages.clear();
            nothingDeployed.set(false);
            return;
        }
        var session = workbench.session().get();
        stagesLoading.run(BackgroundTask.of(() -> session.stages(api.id()))
                .onSuccess(all -> {
                    List<String> names = all.stream().map(Stage::stageName).toList();
                    List<String> deployed = all.stream().filter(s -> s.deploymentId() != null).map(Stage::stageName).toList();
                    nothingDeployed.set(deployed.isEmpty());
                    String keep = stage.get();
                    if (!Objects.equals(names, List.copyOf(stages))) stages.setAll(names);
                    if (keep == null || !names.contains(keep)) {
                        String first = deployed.isEmpty() ? null : deployed.getFirst();
                        if (Objects.equals(first, keep)) refresh();
                        else stage.set(first);
                    } else {
                        refresh();
                    }
                })
                .onFailure(e -> message.set("Cannot read the stages: " + e.getMessage())));
    }

    private void show(MetricSeries series, TimeRange r) {
        if (series == null) {
            points.clear();
            summary.set(null);
            requests.set("0");
            errors4xx.set("0");
            errors5xx.set("0");
            latency.set("–");
            integrationLatency.set("–");
            cacheHitRatio.set("–");
            return;
        }
        points.setAll(series.points());
        MetricPoint s = series.summary();
        summary.set(s);
        requests.set(String.valueOf(s.count()));
        errors4xx.set(String.valueOf(s.errors4xx()));
        errors5xx.set(String.valueOf(s.errors5xx()));
        latency.set(s.latency().samples() == 0 ? "–" : percentiles(s.latency()));
        integrationLatency.set(s.integrationLatency().samples() == 0 ? "–" : percentiles(s.integrationLatency()));
        double ratio = s.cacheHitRatio();
        cacheHitRatio.set(Double.isNaN(ratio) ? "–" : String.format("%.1f %%", ratio * 100));
        List<String> names = new ArrayList<>();
        names.add(ALL_METHODS);
        names.addAll(series.methods());
        String keep = method.get();
        if (keep != null && !names.contains(keep)) names.add(keep); // a method chosen before its data aged out
        if (!Objects.equals(names, List.copyOf(methods))) {
            // a combo box whose items change under its value can go on showing nothing ("All methods" chosen but not
            // drawn): keep the first item, All methods, in place, change the rest, and choose the method again
            updatingMethods = true;
            try {
                methods.remove(1, methods.size());
                methods.addAll(names.subList(1, names.size()));
                method.set(null); // a value set again is drawn again
                method.set(keep);
            } finally {
                updatingMethods = false;
            }
        }
    }

    static String percentiles(dev.gatehouse.app.session.Observations.Latency l) {
        return String.format("%s / %s / %s", ms(l.p50()), ms(l.p90()), ms(l.p99()));
    }

    private static String ms(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }
}
