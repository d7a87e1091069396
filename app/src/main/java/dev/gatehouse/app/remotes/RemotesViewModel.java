package dev.gatehouse.app.remotes;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.RemoteSettings;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.remote.Puller;
import dev.gatehouse.engine.remote.Pusher;
import dev.gatehouse.engine.remote.Remote;
import dev.gatehouse.engine.remote.RemoteException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the Remotes page: the remotes list and its add/edit form, Test connection, and the push and
 * pull of the selected API, each as preview → confirm. Every remote call and file access runs on the injected
 * {@link TaskRunner} (a runner of its own in the console: the network must not hold up workspace edits); results come
 * back on the UI thread. A running preview or test can be cancelled (its outcome is dropped; the read it started ends
 * on its own); a confirmed push runs to its end, since the remote must not be left half-told.
 */
public final class RemotesViewModel {

    /** What a remote is. */
    public enum Kind {
        GATEHOUSE("Gatehouse engine"), AWS("Amazon API Gateway");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override public String toString() {
            return label;
        }
    }

    /** Where the push or pull panel is. */
    public enum Phase { IDLE, WORKING, PREVIEWED, DONE, FAILED }

    /** One line of a preview or result, with what kind of change it is (for its colour and icon). */
    public record Line(String text, Style style) {}

    public enum Style { ADDED, CHANGED, REMOVED, BREAKING, ACCESS, WARNING, INFO }

    /** One row of the remotes table. */
    public record Row(String name, String kind, String endpoint, String credentials, Remote remote) {}

    private final Workbench workbench;
    private final RemoteSettings settings;
    private final TaskRunner runner;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty listProblem = new SimpleStringProperty("");

    // the add/edit form
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty creating = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.GATEHOUSE);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty credentialChain = new SimpleBooleanProperty(false);
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty formProblem = new SimpleStringProperty("");

    // test connection
    private final StringProperty connection = new SimpleStringProperty("");
    private final BooleanProperty connectionOk = new SimpleBooleanProperty(false);
    private final BooleanProperty testing = new SimpleBooleanProperty(false);

    // push
    private final StringProperty pushStage = new SimpleStringProperty("prod");
    private final ObjectProperty<Phase> pushPhase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObservableList<Line> pushLines = FXCollections.observableArrayList();
    private final StringProperty pushStatus = new SimpleStringProperty("");
    private final StringProperty invokeUrl = new SimpleStringProperty("");

    // pull
    private final StringProperty pullApi = new SimpleStringProperty("");
    private final StringProperty pullStage = new SimpleStringProperty("");
    private final ObjectProperty<Phase> pullPhase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObservableList<Line> pullLines = FXCollections.observableArrayList();
    private final StringProperty pullStatus = new SimpleStringProperty("");

    private final ObservableList<String> history = FXCollections.observableArrayList();

    private BackgroundTask<?> running;
    /** What the shown push preview is for: a confirm pushes exactly that (remote, API, stage). */
    private String previewedFor;

    public RemotesViewModel(Workbench workbench, RemoteSettings settings, TaskRunner runner) {
        this.workbench = workbench;
        this.settings = settings;
        this.runner = runner;
        selected.addListener((o, was, now) -> {
            showHistory();
            // the same remote read again (after a push recorded itself) keeps what the page shows
            if (was != null && now != null && was.name().equals(now.name())) return;
            connection.set("");
            resetPush();
            resetPull();
            showHistory();
            if (editing.get() && !creating.get()) cancelEdit();
        });
        workbench.selectedApiProperty().addListener((o, was, now) -> {
            resetPush();
            resetPull();
            if (now != null) pullApi.set(now.name());
        });
        workbench.selectedApi().ifPresent(a -> pullApi.set(a.name()));
        reload();
    }

    // ---- the list ----------------------------------------------------------------------------------------------

    /** Reads the remotes file again (in the background). */
    public void reload() {
        String keep = selected.get() == null ? null : selected.get().name();
        BackgroundTask.of(settings::list)
                .onSuccess(list -> {
                    listProblem.set("");
                    rows.setAll(list.stream().map(RemotesViewModel::row).toList());
                    selected.set(rows.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst()));
                    showHistory();
                })
                .onFailure(e -> {
                    rows.clear();
                    listProblem.set(message(e));
                })
                .runWith(runner);
    }

    static Row row(Remote r) {
        String kind = r.isAws() ? Kind.AWS + " · " + r.region() : Kind.GATEHOUSE.toString();
        String creds = r.accessKeyId() != null ? "access key " + r.accessKeyId() + " · secret ••••••••"
                : r.isAws() ? "AWS credential chain" : "no credentials";
        return new Row(r.name(), kind, r.endpoint(), creds, r);
    }

    private void showHistory() {
        Row r = selected.get();
        List<String> out = new ArrayList<>();
        if (r != null) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
            List<Remote.PushRecord> h = new ArrayList<>(r.remote().history());
            java.util.Collections.reverse(h);
            for (Remote.PushRecord p : h) {
                out.add(f.format(Instant.ofEpochSecond(p.pushedAt())) + "  " + apiName(p.localApiId()) + " → " + p.remoteApiId()
                        + " stage " + p.stage() + "\n    deployment " + p.deploymentId() + ", " + p.changes()
                        + (p.changes() == 1 ? " method changed" : " methods changed"));
            }
        }
        history.setAll(out);
    }

    private String apiName(String localId) {
        return workbench.apisProperty().stream().filter(a -> a.id().equals(localId)).map(ApiDefinition::name).findFirst().orElse(localId);
    }

    // ---- add, edit, delete -------------------------------------------------------------------------------------

    public void startAdd() {
        creating.set(true);
        name.set("");
        kind.set(Kind.GATEHOUSE);
        url.set("http://127.0.0.1:4011");
        region.set("");
        credentialChain.set(false);
        accessKey.set("");
        secret.set("");
        formProblem.set("");
        editing.set(true);
    }

    public void startEdit() {
        Row r = selected.get();
        if (r == null) return;
        Remote remote = r.remote();
        creating.set(false);
        name.set(remote.name());
        kind.set(remote.isAws() ? Kind.AWS : Kind.GATEHOUSE);
        url.set(remote.url() == null ? "" : remote.url());
        region.set(remote.region() == null ? "" : remote.region());
        credentialChain.set(remote.isAws() && remote.accessKeyId() == null);
        accessKey.set(remote.accessKeyId() == null ? "" : remote.accessKeyId());
        secret.set(""); // never shown again: empty keeps the saved one
        formProblem.set("");
        editing.set(true);
    }

    public void cancelEdit() {
        editing.set(false);
        secret.set("");
        formProblem.set("");
    }

    /**
     * Checks the form and saves the remote to the remotes file. The secret is only ever written there; when editing,
     * an empty secret keeps the saved one.
     */
    public void save() {
        Remote built;
        try {
            built = fromForm();
        } catch (RemoteException e) {
            formProblem.set(e.getMessage());
            return;
        }
        boolean isNew = creating.get();
        BackgroundTask.ofRunnable(() -> {
                    if (isNew) settings.add(built);
                    else settings.update(built);
                })
                .onSuccess(v -> {
                    editing.set(false);
                    secret.set("");
                    formProblem.set("");
                    selected.set(null);
                    reloadSelecting(built.name());
                })
                .onFailure(e -> formProblem.set(message(e)))
                .runWith(runner);
    }

    private void reloadSelecting(String remoteName) {
        BackgroundTask.of(settings::list)
                .onSuccess(list -> {
                    rows.setAll(list.stream().map(RemotesViewModel::row).toList());
                    selected.set(rows.stream().filter(r -> r.name().equals(remoteName)).findFirst().orElse(null));
                })
                .onFailure(e -> listProblem.set(message(e)))
                .runWith(runner);
    }

    private Remote fromForm() {
        boolean aws = kind.get() == Kind.AWS;
        String key = blankToNull(accessKey.get());
        String sec = blankToNull(secret.get());
        if (aws && credentialChain.get()) {
            key = null;
            sec = null;
        } else if (key != null && sec == null && !creating.get()) {
            Remote old = selected.get() == null ? null : selected.get().remote();
            if (old != null && key.equals(old.accessKeyId())) sec = old.secretAccessKey();
        }
        if (aws && !credentialChain.get() && key == null) {
            throw new RemoteException("Give the access key and secret, or choose the AWS credential chain");
        }
        if (key == null && sec != null) throw new RemoteException("Give the access key that goes with the secret");
        if (key != null && sec == null) throw new RemoteException("Give the secret access key of " + key);
        Remote r = Remote.of(name.get().trim(), aws ? null : blankToNull(url.get()), aws ? blankToNull(region.get()) : null, key, sec);
        Remote old = creating.get() || selected.get() == null ? null : selected.get().remote();
        return old == null ? r : new Remote(r.name(), r.url(), r.region(), r.accessKeyId(), r.secretAccessKey(), old.apis(), old.history());
    }

    /** Deletes the selected remote after the user confirms (the remote gateway itself is not touched). */
    public void delete() {
        Row r = selected.get();
        if (r == null) return;
        if (!workbench.dialogs().confirm("Delete remote " + r.name() + "?",
                "Gatehouse forgets " + r.endpoint() + " and its saved credentials. Nothing on the remote changes.", "Delete")) {
            return;
        }
        BackgroundTask.of(() -> settings.remove(r.name()))
                .onSuccess(v -> {
                    selected.set(null);
                    reload();
                })
                .onFailure(e -> listProblem.set(message(e)))
                .runWith(runner);
    }

    // ---- test connection ---------------------------------------------------------------------------------------

    /** One read call to the selected remote; the answer or what to fix in {@link #connectionProperty()}. */
    public void testConnection() {
        Row r = selected.get();
        if (r == null) return;
        testing.set(true);
        connection.set("Testing " + r.endpoint() + "…");
        connectionOk.set(false);
        start(BackgroundTask.of(() -> settings.test(r.remote()))
                .onFinished(() -> testing.set(false))
                .onSuccess(c -> {
                    connectionOk.set(true);
                    connection.set(c.summary());
                })
                .onFailure(e -> {
                    connectionOk.set(false);
                    connection.set(message(e));
                }));
    }

    // ---- push --------------------------------------------------------------------------------------------------

    /** Reads what the push would change on the remote (nothing changes yet). */
    public void previewPush() {
        Optional<WorkspaceSession> session = workbench.session();
        Optional<ApiDefinition> api = workbench.selectedApi();
        Row r = selected.get();
        if (session.isEmpty() || api.isEmpty() || r == null) return;
        String stage = pushStage.get() == null ? "" : pushStage.get().trim();
        if (stage.isEmpty()) {
            fail(pushPhase, pushLines, pushStatus, "Give the remote stage to deploy to (for example prod).");
            return;
        }
        pushPhase.set(Phase.WORKING);
        pushLines.clear();
        invokeUrl.set("");
        pushStatus.set("Reading what " + r.name() + " has now…");
        String key = r.name() + "|" + api.get().id() + "|" + stage;
        start(BackgroundTask.of(() -> session.get().previewPush(api.get().id(), r.remote(), stage))
                .onSuccess(p -> {
                    previewedFor = key;
                    pushLines.setAll(previewLines(p));
                    int n = p.changes().size() + p.accessChanges().size();
                    pushStatus.set((p.remoteApiId() == null ? "Push creates " + api.get().name() + " on " + r.name()
                            : "Push updates " + p.remoteApiId() + " on " + r.name()) + " and deploys stage " + stage + ": "
                            + (n == 0 ? "nothing differs (a new deployment of the same definition)" : n + (n == 1 ? " change" : " changes"))
                            + (p.breaking().isEmpty() ? "." : ", " + p.breaking().size() + " breaking."));
                    pushPhase.set(Phase.PREVIEWED);
                })
                .onFailure(e -> fail(pushPhase, pushLines, pushStatus, message(e))));
    }

    static List<Line> previewLines(Pusher.Preview p) {
        List<Line> out = new ArrayList<>();
        Map<String, String> breaking = new java.util.HashMap<>();
        for (String b : p.breaking()) {
            int colon = b.indexOf(": ");
            breaking.put(b.substring(0, colon), b.substring(colon + 2));
        }
        for (String c : p.changes()) {
            String why = breaking.get(c);
            out.add(why != null ? new Line(c + "   ⚠ breaking: " + why, Style.BREAKING) : new Line(c, style(c)));
        }
        p.accessChanges().forEach(c -> out.add(new Line(c, Style.ACCESS)));
        p.warnings().forEach(w -> out.add(new Line("warning: " + w, Style.WARNING)));
        return out;
    }

    private static Style style(String change) {
        return change.startsWith("+") ? Style.ADDED : change.startsWith("-") ? Style.REMOVED : Style.CHANGED;
    }

    /** True when a preview of exactly the current remote, API and stage is shown. */
    public boolean canConfirmPush() {
        Row r = selected.get();
        Optional<ApiDefinition> api = workbench.selectedApi();
        return pushPhase.get() == Phase.PREVIEWED && r != null && api.isPresent()
                && (r.name() + "|" + api.get().id() + "|" + pushStage.get().trim()).equals(previewedFor);
    }

    /** Pushes after a preview: put-rest-api, create-deployment, keys and plans; records the push in the remotes file. */
    public void confirmPush() {
        if (!canConfirmPush()) return;
        WorkspaceSession session = workbench.session().orElseThrow();
        ApiDefinition api = workbench.selectedApi().orElseThrow();
        Row r = selected.get();
        String stage = pushStage.get().trim();
        pushPhase.set(Phase.WORKING);
        pushStatus.set("Pushing " + api.name() + " to " + r.name() + "…");
        running = BackgroundTask.of(() -> {
                    Pusher.Result result = session.push(api.id(), r.remote(), stage);
                    settings.update(result.remoteAfter());
                    return result;
                })
                .onSuccess(result -> {
                    List<Line> lines = new ArrayList<>();
                    result.changes().forEach(c -> lines.add(new Line(c, style(c))));
                    result.accessChanges().forEach(c -> lines.add(new Line(c, Style.ACCESS)));
                    result.warnings().forEach(w -> lines.add(new Line("warning: " + w, Style.WARNING)));
                    pushLines.setAll(lines);
                    invokeUrl.set(result.invokeUrl() == null ? "" : result.invokeUrl());
                    pushStatus.set((result.created() ? "Created " : "Updated ") + api.name() + " on " + r.name() + " as "
                            + result.remoteApiId() + "; deployment " + result.deploymentId() + " serves stage " + result.stage() + ".");
                    pushPhase.set(Phase.DONE);
                    previewedFor = null;
                    reloadSelecting(r.name());
                })
                .onFailure(e -> fail(pushPhase, pushLines, pushStatus, "Push failed: " + message(e)
                        + " The remote stage still serves its previous deployment."))
                .runWith(runner);
    }

    // ---- pull --------------------------------------------------------------------------------------------------

    /**
     * Pulls without overwriting: a new API arrives at once; for an API the workspace has, the diff is shown and
     * {@link #acceptPull()} applies it.
     */
    public void previewPull() {
        runPull(false);
    }

    public void acceptPull() {
        if (pullPhase.get() == Phase.PREVIEWED) runPull(true);
    }

    private void runPull(boolean overwrite) {
        Optional<WorkspaceSession> session = workbench.session();
        Row r = selected.get();
        String remoteApi = pullApi.get() == null ? "" : pullApi.get().trim();
        if (session.isEmpty() || r == null) return;
        if (remoteApi.isEmpty()) {
            fail(pullPhase, pullLines, pullStatus, "Give the remote API's name or id.");
            return;
        }
        String stage = pullStage.get() == null || pullStage.get().isBlank() ? null : pullStage.get().trim();
        pullPhase.set(Phase.WORKING);
        pullLines.clear();
        pullStatus.set((overwrite ? "Pulling " : "Reading ") + remoteApi + " from " + r.name() + "…");
        BackgroundTask<Puller.Result> task = BackgroundTask.of(() -> {
                    Puller.Result result = session.get().pull(r.remote(), remoteApi, stage, overwrite);
                    if (result.applied()) settings.update(result.remoteAfter());
                    return result;
                })
                .onSuccess(result -> {
                    List<Line> lines = new ArrayList<>();
                    result.changes().forEach(c -> lines.add(new Line(c, style(c))));
                    pullLines.setAll(lines);
                    String from = " from " + r.name() + " " + result.remoteApiId() + " stage " + result.stage();
                    if (result.created()) {
                        pullStatus.set("Pulled " + result.name() + " as a new API" + from + ".");
                        pullPhase.set(Phase.DONE);
                        workbench.selectApi(result.localApiId());
                    } else if (result.applied()) {
                        pullStatus.set("Updated " + result.name() + from + " (Undo reverts it).");
                        pullPhase.set(Phase.DONE);
                    } else if (result.changes().isEmpty()) {
                        pullStatus.set(result.name() + " is the same as" + from + ": no method differs.");
                        pullPhase.set(Phase.DONE);
                    } else {
                        pullStatus.set("Pulling" + from + " would change " + result.name() + " here as listed. Accept to overwrite it.");
                        pullPhase.set(Phase.PREVIEWED);
                    }
                })
                .onFailure(e -> fail(pullPhase, pullLines, pullStatus, message(e)));
        if (overwrite) running = task.runWith(runner);
        else start(task);
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    /** Drops the outcome of a running test, preview or pull preview. */
    public void cancel() {
        if (running != null) running.cancel();
        running = null;
        testing.set(false);
        if (pushPhase.get() == Phase.WORKING) {
            pushPhase.set(Phase.IDLE);
            pushStatus.set("Cancelled.");
        }
        if (pullPhase.get() == Phase.WORKING) {
            pullPhase.set(Phase.IDLE);
            pullStatus.set("Cancelled.");
        }
        if (connection.get().startsWith("Testing")) connection.set("Cancelled.");
    }

    private void start(BackgroundTask<?> task) {
        if (running != null) running.cancel();
        running = task.runWith(runner);
    }

    private void resetPush() {
        pushPhase.set(Phase.IDLE);
        pushLines.clear();
        pushStatus.set("");
        invokeUrl.set("");
        previewedFor = null;
    }

    private void resetPull() {
        pullPhase.set(Phase.IDLE);
        pullLines.clear();
        pullStatus.set("");
    }

    private static void fail(ObjectProperty<Phase> phase, ObservableList<Line> lines, StringProperty status, String message) {
        lines.clear();
        status.set(message);
        phase.set(Phase.FAILED);
    }

    /** An error in the product's words: the RemoteException's message as it is, others with what kind they are. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof RemoteException) && t.getMessage() == null) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public StringProperty listProblemProperty() { return listProblem; }
    public BooleanProperty editingProperty() { return editing; }
    public BooleanProperty creatingProperty() { return creating; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<Kind> kindProperty() { return kind; }
    public StringProperty urlProperty() { return url; }
    public StringProperty regionProperty() { return region; }
    public BooleanProperty credentialChainProperty() { return credentialChain; }
    public StringProperty accessKeyProperty() { return accessKey; }
    public StringProperty secretProperty() { return secret; }
    public StringProperty formProblemProperty() { return formProblem; }
    public StringProperty connectionProperty() { return connection; }
    public BooleanProperty connectionOkProperty() { return connectionOk; }
    public BooleanProperty testingProperty() { return testing; }
    public StringProperty pushStageProperty() { return pushStage; }
    public ObjectProperty<Phase> pushPhaseProperty() { return pushPhase; }
    public ObservableList<Line> pushLines() { return pushLines; }
    public StringProperty pushStatusProperty() { return pushStatus; }
    public StringProperty invokeUrlProperty() { return invokeUrl; }
    public StringProperty pullApiProperty() { return pullApi; }
    public StringProperty pullStageProperty() { return pullStage; }
    public ObjectProperty<Phase> pullPhaseProperty() { return pullPhase; }
    public ObservableList<Line> pullLines() { return pullLines; }
    public StringProperty pullStatusProperty() { return pullStatus; }
    public ObservableList<String> history() { return history; }
    public Workbench workbench() { return workbench; }
    public String remotesFile() { return settings.file().toString(); }
}
