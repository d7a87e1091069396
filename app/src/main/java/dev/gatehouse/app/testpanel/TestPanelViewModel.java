package dev.gatehouse.app.testpanel;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The test panel: the request form for the selected method, the target (draft or a deployed stage), the runs
 * made so far (newest first) and the one on display. {@link #test()} runs on the injected {@link TaskRunner}
 * (a test invoke may wait up to the integration timeout, so it is not the workspace's worker); results arrive
 * on the FX thread. A run that cannot be made is still recorded, with its error. Everything the view shows is a
 * property here (status, tone, outcome line, body language, access warning); the view only binds. FX thread only.
 *
 * <p>Fail closed: when the selected method requires an authorizer or IAM (or an API key from an authorizer), which the local engine
 * cannot check yet, {@link #accessWarningProperty()} says that a deployed stage refuses every call (403/401/500)
 * and that the draft's test invoke skips the check, as AWS's TestInvokeMethod does.
 */
public final class TestPanelViewModel {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+?)(\\+?)}");

    private final Workbench workbench;
    private final TaskRunner runner;
    private final StageCaller caller = new StageCaller();

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ObservableList<PathParameter> pathParameters = FXCollections.observableArrayList();
    private final StringProperty queryString = new SimpleStringProperty(this, "queryString", "");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final StringProperty stageVariables = new SimpleStringProperty(this, "stageVariables", "");
    private final ObservableList<TestTarget> targets = FXCollections.observableArrayList(TestTarget.DRAFT);
    private final ObjectProperty<TestTarget> target = new SimpleObjectProperty<>(this, "target", TestTarget.DRAFT);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<TestRun> history = FXCollections.observableArrayList();
    private final ObservableList<TestRun> historyReadOnly = FXCollections.unmodifiableObservableList(history);
    private final ObjectProperty<TestRun> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final BooleanProperty pretty = new SimpleBooleanProperty(this, "pretty", true);
    private final ReadOnlyStringWrapper displayedBody = new ReadOnlyStringWrapper(this, "displayedBody", "");
    private final ObservableList<HeaderRow> responseHeaders = FXCollections.observableArrayList();
    private final ObservableList<HeaderRow> responseHeadersReadOnly = FXCollections.unmodifiableObservableList(responseHeaders);
    private final Map<TestRun, String> prettyBodies = new HashMap<>();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "—");
    private final ReadOnlyObjectWrapper<Tone> statusTone = new ReadOnlyObjectWrapper<>(this, "statusTone", Tone.NONE);
    private final ReadOnlyStringWrapper latencyText = new ReadOnlyStringWrapper(this, "latencyText", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", NO_RUN);
    private final ReadOnlyObjectWrapper<Language> bodyLanguage = new ReadOnlyObjectWrapper<>(this, "bodyLanguage", Language.TEXT);
    private final ObservableList<LogPhase.Line> logLines = FXCollections.observableArrayList();
    private final ObservableList<LogPhase.Line> logLinesReadOnly = FXCollections.unmodifiableObservableList(logLines);
    private final ObservableList<String> methodAccessWarnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper accessWarning = new ReadOnlyStringWrapper(this, "accessWarning", "");
    private final LatestTask targetLookup;
    private final LatestTask warningLookup;

    private String apiId;
    private Resource resource;
    private String httpMethod;
    private int runs;

    private static final String NO_RUN = "Send a request to see the response and the execution log.";

    /** How a status reads: the view maps it to AtlantaFX's semantic colours. */
    public enum Tone { NONE, SUCCESS, WARNING, DANGER }

    /**
     * @param runner runs test invokes and stage calls (they may wait for a backend, so not the workspace worker);
     *               reading stages and warnings goes through the workbench's runner
     */
    public TestPanelViewModel(Workbench workbench, TaskRunner runner) {
        this.workbench = workbench;
        this.runner = runner;
        this.targetLookup = new LatestTask(workbench.tasks());
        this.warningLookup = new LatestTask(workbench.tasks());
        workbench.selectionProperty().addListener((obs, old, sel) -> reload());
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload());
        workbench.revisionProperty().addListener((obs, old, rev) -> {
            reloadTargets();
            reloadWarnings();
        });
        selectedRun.addListener((obs, old, run) -> show(run));
        pretty.addListener((obs, old, p) -> show(selectedRun.get()));
        queryString.addListener((obs, old, q) -> problem.set(""));
        running.addListener((obs, old, now) -> {
            if (now) outcome.set("Sending…");
        });
        target.addListener((obs, old, t) -> updateAccessWarning());
        reload();
    }

    /** A path parameter of the resource and the value typed for it. */
    public static final class PathParameter {
        private final String name;
        private final boolean greedy;
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        PathParameter(String name, boolean greedy) {
            this.name = name;
            this.greedy = greedy;
        }

        public String name() { return name; }

        /** True for {@code {proxy+}}: the value may hold slashes. */
        public boolean greedy() { return greedy; }

        public StringProperty valueProperty() { return value; }
    }

    /** One response header value, for the headers table. */
    public record HeaderRow(String name, String value) {}

    // ---- properties ------------------------------------------------------------------------------------------

    /** "GET /pets/{petId}", or empty when no method is selected. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** True while a method is selected (the form applies to it). */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    /** One per {@code {param}} of the resource path, in path order. */
    public ObservableList<PathParameter> pathParameters() { return pathParameters; }

    /** "type=dog&limit=2" (a leading "?" is ignored). */
    public StringProperty queryStringProperty() { return queryString; }

    /** One "Name: value" per line; a name may repeat. */
    public StringProperty headersProperty() { return headers; }

    public StringProperty bodyProperty() { return body; }

    /** One "name=value" per line; used by draft test invokes. */
    public StringProperty stageVariablesProperty() { return stageVariables; }

    /** The draft first, then the API's stages. */
    public ObservableList<TestTarget> targets() { return targets; }

    public ObjectProperty<TestTarget> targetProperty() { return target; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** Why the form cannot be sent ("Enter a value for petId"), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Runs of this session, newest first. */
    public ObservableList<TestRun> history() { return historyReadOnly; }

    /** The run on display; the newest after each test. */
    public ObjectProperty<TestRun> selectedRunProperty() { return selectedRun; }

    /** Pretty-printed (JSON/XML) or raw body. */
    public BooleanProperty prettyProperty() { return pretty; }

    /** The selected run's body, pretty or raw as chosen. */
    public ReadOnlyStringProperty displayedBodyProperty() { return displayedBody.getReadOnlyProperty(); }

    /** The selected run's response headers. */
    public ObservableList<HeaderRow> responseHeaders() { return responseHeadersReadOnly; }

    /** "200", "Failed", or "—" before the first run. */
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Tone> statusToneProperty() { return statusTone.getReadOnlyProperty(); }

    /** "12 ms", or empty. */
    public ReadOnlyStringProperty latencyTextProperty() { return latencyText.getReadOnlyProperty(); }

    /** One line about the selected run ("Draft, test invoke · GET /pets"), its error, or "Sending…". */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }

    /** How to highlight the displayed body. */
    public ReadOnlyObjectProperty<Language> bodyLanguageProperty() { return bodyLanguage.getReadOnlyProperty(); }

    /** The selected run's execution log, line by line with phases. */
    public ObservableList<LogPhase.Line> logLines() { return logLinesReadOnly; }

    /**
     * Why a deployed stage refuses the selected method, and that the draft's test invoke skips the check (as AWS's
     * does); empty when the method is open to everyone.
     */
    public ReadOnlyStringProperty accessWarningProperty() { return accessWarning.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Sends the form's request to the chosen target. */
    public void test() {
        if (running.get()) return;
        TestRequest request;
        try {
            request = form();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        execute(request);
    }

    /**
     * Fills the form from {@code request} and aims it at the draft, so the user can edit it and Test against the
     * draft. The caller selects {@code request}'s method first ({@link Workbench#select}); false (and nothing
     * changes) when the selected method is another one, so a fill never lands on the wrong method.
     */
    public boolean prefill(PrefilledRequest request) {
        if (!request.apiId().equals(apiId) || resource == null || !request.resourceId().equals(resource.id())
                || !request.httpMethod().equals(httpMethod)) {
            return false;
        }
        for (PathParameter p : pathParameters) p.valueProperty().set(request.pathParameters().getOrDefault(p.name(), ""));
        queryString.set(request.queryString());
        headers.set(request.headers());
        body.set(request.body());
        if (!request.stageVariables().isEmpty()) stageVariables.set(request.stageVariables());
        target.set(TestTarget.DRAFT);
        problem.set("");
        return true;
    }

    /** Sends a recorded run's request again, as it was. */
    public void rerun(TestRun run) {
        if (run != null && !running.get()) execute(run.request());
    }

    /** The form's request as curl (for the chosen target); empty when the form is incomplete. */
    public Optional<String> curlOfForm() {
        try {
            return Optional.of(curl(form()));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** A recorded run's request as curl. */
    public String curlOf(TestRun run) {
        return run.url() != null ? run.request().toCurl(run.url().substring(0, run.url().length() - run.request().pathWithQueryString().length()))
                : curl(run.request());
    }

    public void clearHistory() {
        history.clear();
        prettyBodies.clear();
        selectedRun.set(null);
    }

    /** Releases the HTTP client. */
    public void dispose() {
        caller.close();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private String curl(TestRequest request) {
        String base = request.target().isDraft() ? null : workbench.session()
                .flatMap(s -> s.invokeUrl(request.apiId(), request.target().stageName())).orElse(null);
        return request.toCurl(base == null ? "$INVOKE_URL" : base);
    }

    /** The form as a request; IllegalArgumentException names what is missing or malformed. */
    TestRequest form() {
        if (resource == null || httpMethod == null) throw new IllegalArgumentException("Select a method to test");
        Map<String, PathParameter> byName = new HashMap<>();
        for (PathParameter p : pathParameters) byName.put(p.name(), p);
        Matcher m = PARAM.matcher(resource.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            PathParameter p = byName.get(m.group(1));
            String value = p == null ? "" : p.valueProperty().get().trim();
            if (value.isEmpty()) throw new IllegalArgumentException("Enter a value for the path parameter " + m.group(1));
            m.appendReplacement(path, Matcher.quoteReplacement(p.greedy() ? encodePath(value) : encodeSegment(value)));
        }
        m.appendTail(path);
        String query = queryString.get() == null ? "" : queryString.get().trim();
        if (query.startsWith("?")) query = query.substring(1);
        String pathWithQuery = path + (query.isEmpty() ? "" : "?" + query);
        return new TestRequest(apiId, resource.id(), httpMethod, target.get() == null ? TestTarget.DRAFT : target.get(),
                pathWithQuery, parseHeaders(headers.get()), body.get(), parseVariables(stageVariables.get()));
    }

    static List<Map.Entry<String, String>> parseHeaders(String text) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        int n = 0;
        for (String line : lines(text)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("Header line " + n + " must read Name: value");
            list.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return list;
    }

    static Map<String, String> parseVariables(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines(text)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Stage variable line " + n + " must read name=value");
            map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return map;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R");
    }

    private static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A greedy value keeps its slashes; each segment is encoded. */
    private static String encodePath(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split("/", -1)) parts.add(encodeSegment(part));
        return String.join("/", parts);
    }

    private void execute(TestRequest request) {
        int number = ++runs;
        running.set(true);
        runner.run(() -> perform(number, request), this::finished, e -> finished(failedRun(number, request, null, e)));
    }

    private void finished(Prepared prepared) {
        running.set(false);
        prettyBodies.put(prepared.run(), prepared.prettyBody());
        history.addFirst(prepared.run());
        selectedRun.set(prepared.run());
    }

    /** A run and its pretty body, both computed in the background. */
    private record Prepared(TestRun run, String prettyBody) {}

    /** Runs on the background runner. */
    private Prepared perform(int number, TestRequest request) {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return failedRun(number, request, null, new IllegalStateException("No workspace is open"));
        String url = null;
        try {
            TestRun run;
            if (request.target().isDraft()) {
                TestInvokeResult r = session.testInvoke(request.apiId(), request.resourceId(), request.httpMethod(), request.toInvokeRequest());
                Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                r.headers().forEach((k, v) -> h.put(k, List.of(v)));
                h.putAll(r.multiValueHeaders());
                run = new TestRun(number, Instant.now(), request, r.status(), r.latency(), h, r.body(),
                        LogPhase.classify(r.log()), null, null);
            } else {
                String base = session.invokeUrl(request.apiId(), request.target().stageName()).orElse(null);
                if (base == null) throw new IllegalStateException("The local gateway is not serving, so stage "
                        + request.target().stageName() + " cannot be called; start it, or test the draft");
                url = base + request.pathWithQueryString();
                String traceId = java.util.UUID.randomUUID().toString();
                StageCaller.Answer a = caller.call(base, request, Map.of(WorkspaceSession.TRACE_HEADER, traceId));
                List<LogPhase.Line> log = new ArrayList<>();
                log.add(new LogPhase.Line(LogPhase.START, "HTTP " + request.httpMethod() + " " + url
                        + " → " + a.status() + " in " + a.latencyMillis() + " ms"));
                log.addAll(session.stageExecutionLog(traceId).map(LogPhase::classify).orElse(List.of(
                        new LogPhase.Line(LogPhase.START, "(the stage recorded no execution log for this request)"))));
                run = new TestRun(number, Instant.now(), request, a.status(), a.latencyMillis(), a.headers(), a.body(),
                        log, url, null);
            }
            return new Prepared(run, BodyFormatter.pretty(run.body(), run.header("Content-Type")));
        } catch (Exception e) {
            return failedRun(number, request, url, e);
        }
    }

    private static Prepared failedRun(int number, TestRequest request, String url, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        TestRun run = new TestRun(number, Instant.now(), request, 0, 0, Map.of(), "", List.of(new LogPhase.Line(LogPhase.ERROR, message)), url, message);
        return new Prepared(run, "");
    }

    private void show(TestRun run) {
        responseHeaders.clear();
        if (run == null) {
            displayedBody.set("");
            bodyLanguage.set(Language.TEXT);
            statusText.set("—");
            statusTone.set(Tone.NONE);
            latencyText.set("");
            outcome.set(NO_RUN);
            logLines.clear();
            return;
        }
        String text = pretty.get() ? prettyBodies.getOrDefault(run, run.body()) : run.body();
        BodyFormatter.Kind kind = BodyFormatter.kindOf(text, run.header("Content-Type"));
        bodyLanguage.set(kind == BodyFormatter.Kind.JSON && !text.isBlank() ? Language.JSON
                : kind == BodyFormatter.Kind.XML ? Language.VTL : Language.TEXT);
        displayedBody.set(text);
        new TreeMap<>(run.headers()).forEach((name, values) -> values.forEach(v -> responseHeaders.add(new HeaderRow(name, v))));
        logLines.setAll(run.log());
        if (run.failed()) {
            statusText.set("Failed");
            statusTone.set(Tone.DANGER);
            latencyText.set("");
            outcome.set(run.error());
            return;
        }
        statusText.set(String.valueOf(run.status()));
        statusTone.set(run.status() < 300 ? Tone.SUCCESS : run.status() < 500 ? Tone.WARNING : Tone.DANGER);
        latencyText.set(run.latency() + " ms");
        boolean refused = !run.request().target().isDraft() && (run.status() == 401 || run.status() == 403 || run.status() == 500)
                && !methodAccessWarnings.isEmpty() && run.request().resourceId().equals(resource == null ? null : resource.id())
                && run.request().httpMethod().equals(httpMethod);
        outcome.set((run.request().target().isDraft() ? "Draft, test invoke" : run.request().target() + " over HTTP")
                + " · " + run.request().httpMethod() + " " + run.request().pathWithQueryString()
                + (refused ? " · refused: the method requires a check the local engine cannot run yet (see the warning)" : "")
                // a new MOCK method answers 200 with nothing: say so rather than leave an empty pane to puzzle over
                + (run.body().isEmpty() ? " · empty body" + (run.request().target().isDraft()
                        ? " (a method's integration response template makes its body)" : "") : ""));
    }

    private void reloadWarnings() {
        WorkspaceSession s = workbench.session().orElse(null);
        if (s == null || apiId == null || resource == null || httpMethod == null) {
            warningLookup.cancel();
            methodAccessWarnings.clear();
            updateAccessWarning();
            return;
        }
        String api = apiId;
        String resourceId = resource.id();
        String verb = httpMethod;
        warningLookup.run(BackgroundTask.of(() -> s.accessWarnings(api, resourceId, verb)).onSuccess(found -> {
            methodAccessWarnings.setAll(found);
            updateAccessWarning();
        }).onFailure(e -> {
            methodAccessWarnings.clear();
            updateAccessWarning();
        }));
    }

    private void updateAccessWarning() {
        if (methodAccessWarnings.isEmpty()) {
            accessWarning.set("");
            return;
        }
        boolean draft = target.get() == null || target.get().isDraft();
        // the engine's sentences already say that test invoke skips the check, as AWS's does
        String lead = draft ? "" : "This stage refuses the call. ";
        accessWarning.set(lead + String.join(" ", methodAccessWarnings.stream().map(w -> w.endsWith(".") ? w : w + ".").toList()));
    }

    private void reload() {
        Selection sel = workbench.selectionProperty().get();
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource r = sel == null || api == null || !sel.isMethod() ? null : api.resource(sel.resourceId()).orElse(null);
        String verb = r == null || r.method(sel.httpMethod()) == null ? null : sel.httpMethod();
        String newApi = api == null ? null : api.id();
        boolean sameApi = java.util.Objects.equals(newApi, apiId);
        apiId = newApi;
        resource = verb == null ? null : r;
        httpMethod = verb;
        available.set(verb != null);
        title.set(verb == null ? "" : verb + " " + r.path());
        Map<String, String> previous = new HashMap<>();
        for (PathParameter p : pathParameters) previous.put(p.name(), p.valueProperty().get());
        List<PathParameter> params = new ArrayList<>();
        if (resource != null) {
            Matcher m = PARAM.matcher(resource.path());
            while (m.find()) {
                PathParameter p = new PathParameter(m.group(1), !m.group(2).isEmpty());
                p.valueProperty().set(previous.getOrDefault(p.name(), ""));
                params.add(p);
            }
        }
        pathParameters.setAll(params);
        problem.set("");
        if (!sameApi) reloadTargets();
        reloadWarnings();
    }

    private void reloadTargets() {
        WorkspaceSession s = workbench.session().orElse(null);
        String id = apiId;
        if (s == null || id == null) {
            targetLookup.cancel();
            setTargets(List.of());
            return;
        }
        targetLookup.run(BackgroundTask.of(() -> s.stages(id))
                .onSuccess(stages -> {
                    setTargets(stages.stream().map(Stage::stageName).toList());
                    prefillStageVariables(stages);
                }).onFailure(e -> setTargets(List.of())));
    }

    /** What {@link #prefillStageVariables} last put in the form, so a change of API replaces only that. */
    private String prefilled = "";

    /**
     * A draft test invoke has no stage, so a method whose URI reads {@code ${stageVariables.…}} (the sample
     * PetStore's {@code petstoreHost}) would call nowhere: unless the user typed their own, the form starts with the
     * variables of the API's first stage that has any, commented with where they come from.
     */
    private void prefillStageVariables(List<Stage> stages) {
        String current = stageVariables.get() == null ? "" : stageVariables.get();
        if (!current.isBlank() && !current.equals(prefilled)) return;
        String text = stages.stream().filter(st -> !st.variables().isEmpty()).findFirst()
                .map(st -> "# from stage " + st.stageName() + "\n" + st.variables().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("\n")))
                .orElse("");
        prefilled = text;
        stageVariables.set(text);
    }

    private void setTargets(List<String> stageNames) {
        TestTarget chosen = target.get();
        List<TestTarget> list = new ArrayList<>();
        list.add(TestTarget.DRAFT);
        stageNames.forEach(n -> list.add(TestTarget.stage(n)));
        if (!list.equals(targets)) targets.setAll(list);
        target.set(list.contains(chosen) ? chosen : TestTarget.DRAFT);
    }
}
