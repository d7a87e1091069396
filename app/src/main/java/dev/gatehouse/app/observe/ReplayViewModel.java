package dev.gatehouse.app.observe;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Replay of a logged request (the Logs page's test panel): the request opens editable — method, raw path with
 * query, headers one {@code Name: value} a line, body — and is sent to the draft ({@link #DRAFT}: AWS's
 * TestInvokeMethod in-process) or to a deployed stage over real HTTP on the local data plane, exactly as written
 * ({@link RawHttpClient}). The answer shows beside the original response, row by row with differences marked
 * ({@link ResponseDiff}). Unedited, {@link #request()} is the original byte for byte. FX thread only; sending runs
 * on the injected runner.
 */
public final class ReplayViewModel {
    /** The target that means the API's draft (test invoke). */
    public static final String DRAFT = "Draft (test invoke)";
    private static final String STAGE_PREFIX = "Stage ";

    private final Workbench workbench;
    private final LatestTask sending;
    private final LatestTask loadingTargets;
    private final StringProperty method = new SimpleStringProperty(this, "method", "");
    private final StringProperty pathWithQuery = new SimpleStringProperty(this, "pathWithQuery", "");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObservableList<String> targets = FXCollections.observableArrayList(DRAFT);
    private final StringProperty target = new SimpleStringProperty(this, "target", DRAFT);
    private final ObservableList<ResponseDiff.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper sendingNow = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyObjectWrapper<LoggedRequest> original = new ReadOnlyObjectWrapper<>(this, "original");
    private LoggedMessage originalMessage;
    /** The original body's bytes and its text as shown: an unedited text sends the bytes (they may not be UTF-8). */
    private String originalBodyText = "";

    public ReplayViewModel(Workbench workbench, TaskRunner runner) {
        this.workbench = workbench;
        this.sending = new LatestTask(runner);
        this.loadingTargets = new LatestTask(runner);
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public StringProperty methodProperty() { return method; }

    /** The raw request target, e.g. {@code /prod/pets/1?x=1}. */
    public StringProperty pathWithQueryProperty() { return pathWithQuery; }

    /** One {@code Name: value} a line, in the order they are sent. */
    public StringProperty headersProperty() { return headers; }

    public StringProperty bodyProperty() { return body; }

    /** {@link #DRAFT} and {@code Stage <name>} for each stage of the API. */
    public ObservableList<String> targets() { return targets; }

    public StringProperty targetProperty() { return target; }

    /** The original response against the replayed one, row by row; empty before a send. */
    public ObservableList<ResponseDiff.Row> rows() { return rows; }

    /** "Same response" / "3 differences" / why the send failed. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty sendingProperty() { return sendingNow.getReadOnlyProperty(); }

    /** The logged request being replayed; null before one is opened. */
    public ReadOnlyObjectProperty<LoggedRequest> originalProperty() { return original.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Opens a logged request: fills the editor with it as it arrived and lists the targets. */
    public void open(LoggedRequest entry, LoggedMessage message) {
        original.set(entry);
        originalMessage = message;
        method.set(message.method());
        pathWithQuery.set(message.pathWithQuery());
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, String> e : message.requestHeaders()) h.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        headers.set(h.toString());
        originalBodyText = new String(message.requestBody(), StandardCharsets.UTF_8);
        body.set(originalBodyText);
        rows.clear();
        summary.set(message.exact() ? "" : "This request is no longer kept in memory: it opens as its execution log "
                + "shows it (credentials masked, long values cut).");
        target.set(DRAFT);
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        loadingTargets.run(BackgroundTask.of(() -> session.stages(entry.apiId()).stream().map(Stage::stageName).toList())
                .onSuccess(names -> {
                    List<String> all = new ArrayList<>();
                    all.add(DRAFT);
                    names.forEach(n -> all.add(STAGE_PREFIX + n));
                    targets.setAll(all);
                    target.set(DRAFT);
                })
                .onFailure(e -> summary.set("Cannot list the stages: " + e.getMessage())));
    }

    /** The request as the editor holds it now. */
    public ReplayRequest request() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String line : headers.get().split("\r?\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("Header line '" + line + "' has no 'Name: value'");
            String value = line.substring(colon + 1);
            list.add(Map.entry(line.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value));
        }
        byte[] bytes = body.get().equals(originalBodyText) && originalMessage != null
                ? originalMessage.requestBody() : body.get().getBytes(StandardCharsets.UTF_8);
        String m = method.get().trim();
        if (m.isEmpty()) throw new IllegalArgumentException("The method is empty");
        String p = pathWithQuery.get().trim();
        if (!p.startsWith("/")) throw new IllegalArgumentException("The path must start with '/': " + p);
        return new ReplayRequest(m, p, list, bytes);
    }

    /** Sends the request to the target, then compares the answer with the original response. */
    public void send() {
        LoggedRequest entry = original.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (entry == null || session == null) return;
        ReplayRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            summary.set(e.getMessage());
            return;
        }
        String to = target.get();
        LoggedMessage before = originalMessage;
        sendingNow.set(true);
        summary.set("Sending to " + to + "…");
        sending.run(BackgroundTask.of(() -> DRAFT.equals(to) || to == null
                        ? toDraft(session, entry, request) : toStage(session, entry, request, to.substring(STAGE_PREFIX.length())))
                .onFinished(() -> sendingNow.set(false))
                .onSuccess(after -> {
                    ResponseDiff.Side left = new ResponseDiff.Side(before.status(), multi(before.responseHeaders()),
                            new String(before.responseBody(), StandardCharsets.UTF_8));
                    List<ResponseDiff.Row> diff = ResponseDiff.of(left, after);
                    rows.setAll(diff);
                    long n = ResponseDiff.differences(diff);
                    summary.set(!ResponseDiff.differs(diff) ? "Same response as the original (" + after.status() + ")"
                            : n + (n == 1 ? " difference" : " differences") + " from the original (" + before.status()
                            + " → " + after.status() + ")");
                })
                .onFailure(e -> summary.set("Replay failed: " + e.getMessage())));
    }

    /** The draft, in-process (AWS TestInvokeMethod): the path inside the stage, the resource by its path. */
    static ResponseDiff.Side toDraft(WorkspaceSession session, LoggedRequest entry, ReplayRequest request) {
        ApiDefinition api = session.api(entry.apiId()).orElseThrow(
                () -> new IllegalStateException("The API " + entry.apiId() + " no longer exists"));
        Resource resource = api.resources().stream().filter(r -> r.path().equals(entry.resourcePath())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The draft has no resource " + entry.resourcePath()));
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multiple = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            if (h.getKey().equalsIgnoreCase("Host") || h.getKey().equalsIgnoreCase("Content-Length")) continue;
            multiple.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        multiple.entrySet().removeIf(e -> {
            if (e.getValue().size() > 1) return false;
            single.put(e.getKey(), e.getValue().getFirst());
            return true;
        });
        TestInvokeResult r = session.testInvoke(api.id(), resource.id(), request.method(), new TestInvokeRequest(
                insideStage(request.pathWithQuery(), entry.apiId(), entry.stage()),
                new String(request.body(), StandardCharsets.UTF_8), single, multiple, null));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        r.multiValueHeaders().forEach(headers::put);
        return new ResponseDiff.Side(r.status(), headers, r.body() == null ? "" : r.body());
    }

    /** A deployed stage over HTTP: the stage's segment of the path swapped for {@code stage}. */
    static ResponseDiff.Side toStage(WorkspaceSession session, LoggedRequest entry, ReplayRequest request, String stage) throws Exception {
        String url = session.invokeUrl(entry.apiId(), stage).orElseThrow(
                () -> new IllegalStateException("Stage " + stage + " is not served: start the local data plane"));
        URI uri = URI.create(url);
        ReplayRequest sent = new ReplayRequest(request.method(), withStage(request.pathWithQuery(), entry.stage(), stage),
                request.headers(), request.body());
        RawHttpClient.Answer a = RawHttpClient.send(uri.getHost(), uri.getPort(), sent, 40_000);
        return new ResponseDiff.Side(a.status(), multi(a.headers()), new String(a.body(), StandardCharsets.UTF_8));
    }

    /** {@code /prod/pets/1?x} or {@code /restapis/ID/prod/_user_request_/pets/1?x} → {@code /pets/1?x}. */
    static String insideStage(String raw, String apiId, String stage) {
        String userRequest = "/restapis/" + apiId + "/" + stage + "/_user_request_";
        if (raw.startsWith(userRequest)) return raw.substring(userRequest.length()).isEmpty() ? "/" : raw.substring(userRequest.length());
        String prefix = "/" + stage;
        if (raw.equals(prefix) || raw.startsWith(prefix + "/") || raw.startsWith(prefix + "?")) {
            String rest = raw.substring(prefix.length());
            return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
        }
        return raw;
    }

    /** The raw path with its stage segment ({@code /prod/…} or {@code /restapis/ID/prod/…}) renamed. */
    static String withStage(String raw, String from, String to) {
        if (from.equals(to)) return raw;
        if (raw.startsWith("/restapis/")) {
            String[] parts = raw.split("/", 5); // "", restapis, id, stage, rest
            if (parts.length >= 4 && parts[3].equals(from)) {
                return "/restapis/" + parts[2] + "/" + to + (parts.length == 5 ? "/" + parts[4] : "");
            }
            return raw;
        }
        String prefix = "/" + from;
        if (raw.equals(prefix) || raw.startsWith(prefix + "/") || raw.startsWith(prefix + "?")) return "/" + to + raw.substring(prefix.length());
        return raw;
    }

    private static Map<String, List<String>> multi(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> p : pairs) out.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue());
        return out;
    }
}
