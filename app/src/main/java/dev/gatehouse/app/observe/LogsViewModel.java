package dev.gatehouse.app.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Observations;
import dev.gatehouse.app.session.Observations.LogFilter;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.testpanel.PrefilledRequest;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
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
 * The Logs page: searches the request log of the selected API (stage, time range, status class or code, method,
 * path glob, request id, API key, minimum latency), shows the selected request's full trace, opens it in
 * {@link ReplayViewModel}, and exports what the search found as JSON lines or HAR 1.2. Reads run off the FX thread
 * on the injected runner; the newest search wins. FX thread only.
 */
public final class LogsViewModel {
    public static final String ANY = "Any";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workbench workbench;
    private final Clock clock;
    private final TaskRunner runner;
    private final LatestTask searching;
    private final LatestTask tracing;
    private final LatestTask stagesLoading;
    private final ReplayViewModel replay;
    private final ObservableList<String> stages = FXCollections.observableArrayList(ANY);
    private final StringProperty stage = new SimpleStringProperty(this, "stage", ANY);
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range", TimeRange.HOUR);
    private final StringProperty status = new SimpleStringProperty(this, "status", ANY);
    private final StringProperty method = new SimpleStringProperty(this, "method", ANY);
    private final StringProperty pathGlob = new SimpleStringProperty(this, "pathGlob", "");
    private final StringProperty requestId = new SimpleStringProperty(this, "requestId", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty minLatency = new SimpleStringProperty(this, "minLatency", "");
    private final ObservableList<LoggedRequest> results = FXCollections.observableArrayList();
    private final ObjectProperty<LoggedRequest> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<LoggedMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyStringWrapper trace = new ReadOnlyStringWrapper(this, "trace", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Consumer<PrefilledRequest> testPanelOpener;

    /**
     * @param runner reads the store and writes exports
     * @param sender sends replays (they may wait on a backend for up to 40 s, so not on {@code runner})
     */
    public LogsViewModel(Workbench workbench, TaskRunner runner, TaskRunner sender, Clock clock) {
        this.workbench = workbench;
        this.clock = clock;
        this.runner = runner;
        this.searching = new LatestTask(runner);
        this.tracing = new LatestTask(runner);
        this.stagesLoading = new LatestTask(runner);
        this.replay = new ReplayViewModel(workbench, sender);
        workbench.selectedApiProperty().addListener((obs, old, api) -> {
            loadStages();
            search();
        });
        workbench.revisionProperty().addListener((obs, old, rev) -> loadStages());
        selected.addListener((obs, old, entry) -> loadTrace(entry));
        loadStages();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** {@link #ANY} and the API's stages. */
    public ObservableList<String> stages() { return stages; }

    public StringProperty stageProperty() { return stage; }

    public ObjectProperty<TimeRange> rangeProperty() { return range; }

    /** {@link #ANY}, a class ({@code 5xx}) or a code ({@code 404}). */
    public StringProperty statusProperty() { return status; }

    /** {@link #ANY} or an HTTP method. */
    public StringProperty methodProperty() { return method; }

    public StringProperty pathGlobProperty() { return pathGlob; }

    public StringProperty requestIdProperty() { return requestId; }

    public StringProperty apiKeyProperty() { return apiKey; }

    /** Milliseconds, blank for any. */
    public StringProperty minLatencyProperty() { return minLatency; }

    /** What the last search found, newest first. */
    public ObservableList<LoggedRequest> results() { return results; }

    public ObjectProperty<LoggedRequest> selectedProperty() { return selected; }

    /** The selected request's messages, once loaded; null otherwise. */
    public ReadOnlyObjectProperty<LoggedMessage> messageProperty() { return message.getReadOnlyProperty(); }

    /** The selected request's full trace: request and response headers and bodies, then AWS's execution log. */
    public ReadOnlyStringProperty traceProperty() { return trace.getReadOnlyProperty(); }

    /** How many were found, what was exported, or a failure in the product's words. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public ReplayViewModel replay() { return replay; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Searches with the current filters (off the FX thread). */
    public void search() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        WorkspaceSession session = workbench.session().orElse(null);
        if (api == null || session == null) {
            results.clear();
            notice.set("Select an API.");
            return;
        }
        LogFilter filter;
        try {
            filter = filter(api.id());
        } catch (IllegalArgumentException e) {
            notice.set(e.getMessage());
            return;
        }
        String keep = selected.get() == null ? null : selected.get().requestId();
        searching.run(BackgroundTask.of(() -> session.observations().requests(filter))
                .onSuccess(found -> {
                    results.setAll(found);
                    notice.set(found.isEmpty() ? "No logged requests match. Only stages with execution logging "
                            + "(INFO or ERROR) are kept: turn it on with \"Log this stage\"." : found.size()
                            + (found.size() == 1 ? " request" : " requests"));
                    found.stream().filter(e -> e.requestId().equals(keep)).findFirst().ifPresent(selected::set);
                })
                .onFailure(e -> notice.set("Cannot search the request log: " + e.getMessage())));
    }

    /** The search as the filters say; IllegalArgumentException naming the filter when one is malformed. */
    LogFilter filter(String apiId) {
        Double min = null;
        if (!minLatency.get().isBlank()) {
            try {
                min = Double.parseDouble(minLatency.get().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Min latency must be a number of milliseconds, not '" + minLatency.get().trim() + "'");
            }
        }
        String s = any(status.get());
        if (s != null && !s.toLowerCase(java.util.Locale.ROOT).matches("[1-5]xx|[1-5][0-9][0-9]")) {
            throw new IllegalArgumentException("Status must be a class such as 5xx or a code such as 404, not '" + s + "'");
        }
        Instant to = clock.instant().plusSeconds(1);
        return new LogFilter(apiId, any(stage.get()), to.minus(range.get().length()), to, s, any(method.get()),
                blankNull(pathGlob.get()), blankNull(requestId.get()), blankNull(apiKey.get()), min, 500);
    }

    /** Turns on INFO execution logging with full request/response data for the chosen stage (an undoable edit). */
    public void logStage() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        String name = any(stage.get());
        List<String> named = stages.stream().filter(n -> !ANY.equals(n)).toList();
        if (name == null && named.size() == 1) { // "Any" of one stage: that stage is meant
            name = named.getFirst();
            stage.set(name);
        }
        if (api == null || name == null) {
            notice.set(named.isEmpty() ? "This API has no stage to log yet: deploy it first (Deploy → Deploy API…)."
                    : "Choose the stage to log in the Stage filter.");
            return;
        }
        String logged = name;
        String description = "Log stage " + name + " (INFO, full request/response data)";
        workbench.change(description, s -> {
            s.updateStage(api.id(), logged, description, st -> withInfoLogging(st, clock.instant().getEpochSecond()) /* AWS dates: epoch seconds */);
            return null;
        }, done -> notice.set("Stage " + logged + " now logs every request (INFO, with data)."));
    }

    /** The stage with {@code *}{@code /*} logging INFO and data trace on, its other settings kept. */
    static Stage withInfoLogging(Stage st, long now) {
        Map<String, Stage.MethodSetting> settings = new TreeMap<>(st.methodSettings());
        Stage.MethodSetting all = settings.get("*/*");
        settings.put("*/*", all == null
                ? new Stage.MethodSetting(false, LoggingLevel.INFO, true, 5000, 10000.0, false, 300, false, true,
                        dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER)
                : new Stage.MethodSetting(all.metricsEnabled(), LoggingLevel.INFO, true, all.throttlingBurstLimit(),
                        all.throttlingRateLimit(), all.cachingEnabled(), all.cacheTtlInSeconds(), all.cacheDataEncrypted(),
                        all.requireAuthorizationForCacheControl(), all.unauthorizedCacheControlHeaderStrategy()));
        return st.withMethodSettings(settings, now);
    }

    /** Opens the selected request in the Replay pane; false when none is selected or its trace has not loaded. */
    public boolean replaySelected() {
        LoggedRequest entry = selected.get();
        LoggedMessage m = message.get();
        if (entry == null || m == null) return false;
        replay.open(entry, m);
        return true;
    }

    /**
     * Where "Replay in test panel" hands the selected request: the console selects its method on the Resources
     * page and fills the test panel ({@link TestPanelHandoff}). Called on the FX thread.
     */
    public void setTestPanelOpener(Consumer<PrefilledRequest> opener) {
        this.testPanelOpener = opener;
    }

    /**
     * Opens the selected request in the Resources page's test panel (its method selected, the form filled from the
     * log record, the logged stage's variables read off the FX thread), to edit and Test against the draft; false
     * when none is selected, its trace has not loaded, or no opener is set. Why it cannot open shows as the notice.
     */
    public boolean openSelectedInTestPanel() {
        LoggedRequest entry = selected.get();
        LoggedMessage m = message.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (entry == null || m == null || session == null || testPanelOpener == null) return false;
        Consumer<PrefilledRequest> opener = testPanelOpener;
        runner.run(() -> {
            ApiDefinition api = session.api(entry.apiId()).orElseThrow(
                    () -> new IllegalArgumentException("The API " + entry.apiId() + " no longer exists"));
            Map<String, String> variables = session.stages(api.id()).stream().filter(s -> s.stageName().equals(entry.stage()))
                    .findFirst().map(Stage::variables).orElse(Map.of());
            return TestPanelHandoff.of(api, entry, m, variables);
        }, opener::accept, e -> notice.set(e instanceof IllegalArgumentException ? e.getMessage()
                : "Cannot open the request in the test panel: " + e.getMessage()));
        return true;
    }

    /** Writes what the search found, one JSON object a line (the request log's fields). */
    public void exportJsonLines(Path file) {
        List<LoggedRequest> rows = List.copyOf(results);
        BackgroundTask.ofRunnable(() -> Files.writeString(file, jsonLines(rows), StandardCharsets.UTF_8))
                .onSuccess(v -> notice.set("Exported " + rows.size() + " requests to " + file.getFileName() + " (JSON lines)"))
                .onFailure(e -> notice.set("Cannot write " + file + ": " + e.getMessage()))
                .runWith(runner);
    }

    /** Writes what the search found as a HAR 1.2 archive (exact messages for the requests still kept in memory). */
    public void exportHar(Path file) {
        List<LoggedRequest> rows = List.copyOf(results);
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        BackgroundTask.ofRunnable(() -> Files.writeString(file, har(session, rows), StandardCharsets.UTF_8))
                .onSuccess(v -> notice.set("Exported " + rows.size() + " requests to " + file.getFileName() + " (HAR 1.2)"))
                .onFailure(e -> notice.set("Cannot write " + file + ": " + e.getMessage()))
                .runWith(runner);
    }

    static String jsonLines(List<LoggedRequest> rows) throws IOException {
        StringBuilder b = new StringBuilder();
        for (LoggedRequest r : rows) b.append(JSON.writeValueAsString(r)).append('\n');
        return b.toString();
    }

    static String har(WorkspaceSession session, List<LoggedRequest> rows) {
        Observations o = session.observations();
        List<HarExport.Item> items = new ArrayList<>();
        String origin = "http://127.0.0.1";
        for (LoggedRequest r : rows) {
            items.add(new HarExport.Item(r, LoggedMessage.of(r, o.exchange(r.requestId()))));
            String url = session.invokeUrl(r.apiId(), r.stage()).orElse(null);
            if (url != null) {
                URI u = URI.create(url);
                origin = u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
            }
        }
        String version = LogsViewModel.class.getPackage().getImplementationVersion();
        return HarExport.of(items, origin, version == null ? "dev" : version);
    }

    /** Forgets pending reads (the console closes). */
    public void dispose() {
        searching.cancel();
        tracing.cancel();
        stagesLoading.cancel();
    }

    private void loadTrace(LoggedRequest entry) {
        message.set(null);
        if (entry == null) {
            trace.set("");
            return;
        }
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        tracing.run(BackgroundTask.of(() -> LoggedMessage.of(entry, session.observations().exchange(entry.requestId())))
                .onSuccess(m -> {
                    message.set(m);
                    trace.set(m.traceText(entry));
                })
                .onFailure(e -> trace.set("Cannot read the request: " + e.getMessage())));
    }

    private void loadStages() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        WorkspaceSession session = workbench.session().orElse(null);
        if (api == null || session == null) return;
        stagesLoading.run(BackgroundTask.of(() -> session.stages(api.id()).stream().map(Stage::stageName).toList())
                .onSuccess(names -> {
                    List<String> all = new ArrayList<>();
                    all.add(ANY);
                    all.addAll(names);
                    String keep = stage.get();
                    stages.setAll(all);
                    stage.set(all.contains(keep) ? keep : ANY);
                })
                .onFailure(e -> notice.set("Cannot read the stages: " + e.getMessage())));
    }

    private static String any(String v) {
        return v == null || v.isBlank() || v.equals(ANY) ? null : v.trim();
    }

    private static String blankNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
