package dev.gatehouse.app.session;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.core.DialogService;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.RestApi;
import dev.gatehouse.engine.model.Resource;
import java.time.Instant;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state every feature shares: the open workspace, its APIs, the selected API and selection inside it, and the
 * edit history. Feature ViewModels read its read-only properties and call its commands; none of them holds the
 * {@link WorkspaceSession} itself. Confined to the FX thread (or the test thread with
 * {@link TaskRunner#sameThread()}); all workspace calls go through the injected {@link TaskRunner}.
 *
 * <p>{@link #revisionProperty()} increases after every change of the workspace (an edit, undo, redo, a change on
 * disk), after {@link #apisProperty()} and {@link #selectedApiProperty()} hold the new values: panels observe it
 * to reload (Scene Builder's {@code revisionProperty}).
 */
public final class Workbench {
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConsolePreferences preferences;
    private final WorkspaceOpener opener;

    private final ReadOnlyObjectWrapper<WorkspaceSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ObservableList<ApiDefinition> apis = FXCollections.observableArrayList();
    private final ObservableList<ApiDefinition> apisReadOnly = FXCollections.unmodifiableObservableList(apis);
    private final ReadOnlyObjectWrapper<ApiDefinition> selectedApi = new ReadOnlyObjectWrapper<>(this, "selectedApi");
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObservableList<Path> recentWorkspaces = FXCollections.observableArrayList();
    private final ObservableList<Path> recentWorkspacesReadOnly = FXCollections.unmodifiableObservableList(recentWorkspaces);
    /** Editors with text not yet applied, each with the workspace revision it was showing when typing began. */
    private final java.util.Map<Object, Long> dirtyEditors = new java.util.HashMap<>();
    /** The newest workspace revision the screens show (FX thread). */
    private long shownRevision = -1;
    /**
     * The revision edits are made on, for the session (read on its worker): the oldest of what the screens show and
     * what each editor with unsaved text was showing when typing began.
     */
    private volatile long editBase = -1;
    /** True on a worker thread while it runs one of this workbench's changes, which reads the result itself. */
    private static final ThreadLocal<Boolean> CHANGING = ThreadLocal.withInitial(() -> false);
    private final Runnable changeListener = this::onWorkspaceChanged;
    private int running;

    public Workbench(TaskRunner tasks, DialogService dialogs, ConsolePreferences preferences, WorkspaceOpener opener) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.opener = opener;
        recentWorkspaces.setAll(preferences.recentWorkspaces());
        selectedApi.addListener((obs, old, api) -> {
            WorkspaceSession s = session.get();
            if (s != null && api != null) preferences.setLastApi(s.root(), api.id());
        });
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<WorkspaceSession> sessionProperty() { return session.getReadOnlyProperty(); }

    /** The workspace's APIs by name; replaced as a whole after each change. */
    public ObservableList<ApiDefinition> apisProperty() { return apisReadOnly; }

    /** The API the console shows, in its newest version; null when none is open. */
    public ReadOnlyObjectProperty<ApiDefinition> selectedApiProperty() { return selectedApi.getReadOnlyProperty(); }

    /** The resource or method selected inside the API; null when nothing is. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() { return selection.getReadOnlyProperty(); }

    /** "Undo Create resource /pets", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty redoTextProperty() { return redoText.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }

    /** True while workspace work runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The last thing that happened, for the status bar ("Saved: Create resource /pets"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    /** Most recent first. */
    public ObservableList<Path> recentWorkspaces() { return recentWorkspacesReadOnly; }

    public Optional<WorkspaceSession> session() { return Optional.ofNullable(session.get()); }

    public Optional<ApiDefinition> selectedApi() { return Optional.ofNullable(selectedApi.get()); }

    public TaskRunner tasks() { return tasks; }

    public DialogService dialogs() { return dialogs; }

    // ---- commands: workspace ---------------------------------------------------------------------------------

    /** Opens a workspace folder, closing the current one; remembers it among the recent workspaces. */
    public void open(Path folder) {
        load(folder, () -> opener.open(folder), "Cannot open workspace");
    }

    /** Creates a new workspace in {@code folder} and opens it. */
    public void create(Path folder) {
        load(folder, () -> opener.create(folder), "Cannot create workspace");
    }

    /** Asks for a folder and opens it as a workspace. */
    public void chooseAndOpen() {
        dialogs.chooseDirectory("Open workspace", session().map(WorkspaceSession::root).orElse(null)).ifPresent(this::open);
    }

    /** Asks for a folder and creates a new workspace there. */
    public void chooseAndCreate() {
        dialogs.chooseDirectory("New workspace (choose an empty folder)", null).ifPresent(this::create);
    }

    private void load(Path folder, java.util.concurrent.Callable<WorkspaceSession> work, String failureTitle) {
        if (!confirmDiscardUnsaved()) return;
        background(() -> {
            WorkspaceSession opened = work.call();
            return new Loaded(opened, Snapshot.of(opened));
        }, loaded -> {
            WorkspaceSession old = session.get();
            if (old != null) {
                old.removeChangeListener(changeListener);
                closeInBackground(old);
            }
            session.set(loaded.session);
            shownRevision = -1;
            loaded.session.setEditBase(() -> editBase);
            loaded.session.addChangeListener(changeListener);
            preferences.addRecentWorkspace(loaded.session.root());
            recentWorkspaces.setAll(preferences.recentWorkspaces());
            selection.set(null);
            selectedApi.set(null);
            apply(loaded.snapshot);
            // the API shown last time in this workspace, else the default API, else the first
            String first = preferences.lastApi(loaded.session.root())
                    .filter(id -> loaded.snapshot.apis.stream().anyMatch(a -> a.id().equals(id)))
                    .or(loaded.session::defaultApiId)
                    .or(() -> loaded.snapshot.apis.stream().findFirst().map(ApiDefinition::id)).orElse(null);
            if (first != null) selectApi(first);
            message.set("Opened " + loaded.session.root());
        }, e -> dialogs.showError(failureTitle + " " + folder, e));
    }

    /**
     * Closes the workspace (after the unsaved-changes check); false when the user kept it open. The session closes
     * on the task runner, never on the FX thread: stopping the data plane waits for requests in flight.
     */
    public boolean close() {
        if (!confirmDiscardUnsaved()) return false;
        WorkspaceSession old = session.get();
        if (old != null) {
            old.removeChangeListener(changeListener);
            closeInBackground(old);
        }
        session.set(null);
        apis.clear();
        selectedApi.set(null);
        selection.set(null);
        revision.set(revision.get() + 1);
        return true;
    }

    /**
     * Shows another API with its root resource {@code /} selected, as AWS's console opens an API's Resources: the
     * page then offers "Add method" and "Create resource" at once instead of an empty pane.
     */
    public void selectApi(String apiId) {
        ApiDefinition api = apis.stream().filter(a -> a.id().equals(apiId)).findFirst().orElse(null);
        if (api == selectedApi.get()) return;
        selection.set(null);
        selectedApi.set(api);
        selection.set(rootOf(api));
    }

    /** The root resource of {@code api} as a selection; null for no API (or one without a root, never stored). */
    private static Selection rootOf(ApiDefinition api) {
        return api == null ? null : api.resources().stream().filter(Resource::isRoot).findFirst()
                .map(r -> Selection.resource(r.id())).orElse(null);
    }

    /** Selects a resource or method inside the selected API; null clears the selection. */
    public void select(Selection newSelection) {
        selection.set(newSelection);
    }

    /** Creates an API named {@code name} and selects it. */
    public void createApi(String name) {
        createApi(name, null, null);
    }

    /**
     * Creates an API as AWS's CreateRestApi does (root resource, Empty and Error models) with an optional
     * description and endpoint type, as one undoable edit, and selects it once the selector lists it.
     */
    public void createApi(String name, String description, EndpointType endpointType) {
        change("Create API " + name, s -> {
            ApiDefinition api = ApiDefinition.create(Ids.apiId(), name, Instant.now());
            RestApi restApi = api.restApi();
            if (description != null && !description.isBlank()) restApi = restApi.withDescription(description.strip());
            if (endpointType != null) restApi = restApi.withEndpointConfiguration(new RestApi.EndpointConfiguration(List.of(endpointType), null, null));
            return s.storeImported(api.withRestApi(restApi), true, "Create API " + name);
        }, api -> selectApi(api.id()));
    }

    /**
     * Clones {@code sourceApiId} as a new API named {@code name} (AWS's CreateRestApi {@code cloneFrom}): every
     * resource, method, model, validator, authorizer and gateway response; no stages or deployments. Selects it.
     */
    public void cloneApi(String sourceApiId, String name, String description) {
        change("Clone API " + name, s -> {
            ApiDefinition source = s.api(sourceApiId).orElseThrow(() -> DefinitionException.notFound("Invalid API identifier specified"));
            return s.storeImported(ApiClone.of(source, Ids.apiId(), name, description), true, "Clone API " + source.name() + " as " + name);
        }, api -> selectApi(api.id()));
    }

    /**
     * Adds AWS's example API (the PetStore the AWS console offers as "Example API") as a new API named
     * {@code name}, and selects it.
     */
    public void createExampleApi(String name) {
        change("Create example API " + name, s -> {
            ApiDefinition example;
            try (java.io.InputStream in = Workbench.class.getResourceAsStream("example-petstore.json")) {
                example = dev.gatehouse.engine.model.Json.mapper().readValue(in, ApiDefinition.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("The example API is missing from the console", e);
            }
            return s.storeImported(ApiClone.of(example, Ids.apiId(), name, null), true, "Create example API " + name);
        }, api -> selectApi(api.id()));
    }

    /** Stores an imported API (new, or replacing the one with its id) as one undoable edit and selects it. */
    public void storeImported(ApiDefinition api, boolean asNew, String description, Runnable onDone, Runnable onFailed) {
        change(description, s -> s.storeImported(api, asNew, description), stored -> {
            selectApi(stored.id());
            onDone.run();
        }, onFailed);
    }

    /** Deletes an API with its stages and deployments (one undoable edit); another API is selected. */
    public void deleteApi(String apiId) {
        ApiDefinition api = apis.stream().filter(a -> a.id().equals(apiId)).findFirst().orElse(null);
        if (api == null) return;
        change("Delete API " + api.name(), s -> {
            s.deleteApi(apiId, "Delete API " + api.name());
            return apiId;
        }, id -> {
            if (selectedApi.get() == null && !apis.isEmpty()) selectApi(apis.getFirst().id());
        });
    }

    /**
     * Runs a workspace change in the background, then shows the workspace as the change left it before calling
     * {@code onDone} on the FX thread: a created API or resource is listed by then, so it can be selected. (The
     * change listener's own re-read arrives later; waiting for it raced with {@code onDone}.)
     */
    public <T> void change(String description, java.util.function.Function<WorkspaceSession, T> work, Consumer<T> onDone) {
        change(description, work, onDone, () -> {});
    }

    private <T> void change(String description, java.util.function.Function<WorkspaceSession, T> work, Consumer<T> onDone,
                            Runnable onFailed) {
        withSession(s -> background(() -> {
            T result;
            CHANGING.set(true);
            try {
                result = work.apply(s);
            } finally {
                CHANGING.set(false);
            }
            // the one read of the workspace for this change (its change listener leaves it to us)
            return new Changed<>(result, Snapshot.of(s));
        }, changed -> {
            if (session.get() == s) apply(changed.snapshot);
            message.set("Saved: " + description);
            onDone.accept(changed.result);
        }, e -> {
            showEditError(description, e);
            onFailed.run();
        }));
    }

    // ---- commands: edits -------------------------------------------------------------------------------------

    /**
     * Changes the selected API as one undoable edit. {@code change} runs in the background against the newest
     * definition and may throw {@link DefinitionException}; the error is then shown and nothing is stored.
     */
    public void edit(String description, UnaryOperator<ApiDefinition> change) {
        edit(description, change, api -> {});
    }

    /** As {@link #edit(String, UnaryOperator)}, then {@code onDone} with the stored definition on the FX thread. */
    public void edit(String description, UnaryOperator<ApiDefinition> change, Consumer<ApiDefinition> onDone) {
        ApiDefinition api = selectedApi.get();
        if (api == null) return;
        String apiId = api.id();
        change(description, s -> s.updateApi(apiId, description, change), onDone);
    }

    public void undo() {
        withSession(s -> background(s::undo, done -> message.set(done ? "Undone" : "Nothing to undo"),
                e -> dialogs.showError("Undo failed", e)));
    }

    public void redo() {
        withSession(s -> background(s::redo, done -> message.set(done ? "Redone" : "Nothing to redo"),
                e -> dialogs.showError("Redo failed", e)));
    }

    // ---- unsaved editors -------------------------------------------------------------------------------------

    /** Editors with text not yet applied register here, so closing and switching workspaces can ask first. */
    public void setUnsaved(Object editor, boolean unsaved) {
        if (unsaved) dirtyEditors.putIfAbsent(editor, shownRevision);
        else dirtyEditors.remove(editor);
        updateEditBase();
    }

    /** See {@link #editBase}; FX thread. */
    private void updateEditBase() {
        long base = shownRevision;
        for (long since : dirtyEditors.values()) base = Math.min(base, since);
        editBase = base;
    }

    public boolean hasUnsavedChanges() {
        return !dirtyEditors.isEmpty();
    }

    /** Forgets every editor's unsaved text, so closing will not ask (tools and tests that close on purpose). */
    public void discardUnsavedChanges() {
        dirtyEditors.clear();
        updateEditBase();
    }

    /** True when there is nothing unsaved or the user agreed to discard it. */
    public boolean confirmDiscardUnsaved() {
        if (dirtyEditors.isEmpty()) return true;
        boolean discard = dialogs.confirm("Unsaved changes",
                "Some editors have changes that were not applied. Discard them?", "Discard");
        if (discard) dirtyEditors.clear();
        updateEditBase();
        return discard;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void onWorkspaceChanged() {
        // A change of this workbench reads the workspace itself once it is made: no second read for it.
        if (CHANGING.get()) return;
        WorkspaceSession s = session.get();
        if (s == null) return;
        // Listeners may run under the workspace's writer lock: read the new state on the worker instead.
        tasks.run(() -> Snapshot.of(s), snapshot -> {
            if (session.get() == s) apply(snapshot);
        }, e -> message.set("Cannot read the workspace: " + e.getMessage()));
    }

    private void apply(Snapshot snapshot) {
        apis.setAll(snapshot.apis);
        ApiDefinition current = selectedApi.get();
        if (current != null) {
            ApiDefinition newer = snapshot.apis.stream().filter(a -> a.id().equals(current.id())).findFirst().orElse(null);
            selectedApi.set(newer);
            if (newer == null) selection.set(null);
            else if (selection.get() != null && newer.resource(selection.get().resourceId()).isEmpty()) selection.set(rootOf(newer));
            else if (selection.get() != null && selection.get().isMethod()
                    && newer.resource(selection.get().resourceId()).map(r -> r.method(selection.get().httpMethod())).isEmpty()) {
                selection.set(Selection.resource(selection.get().resourceId()));
            }
        }
        canUndo.set(snapshot.undo.isPresent());
        canRedo.set(snapshot.redo.isPresent());
        undoText.set(snapshot.undo.map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(snapshot.redo.map(d -> "Redo " + d).orElse("Redo"));
        shownRevision = Math.max(shownRevision, snapshot.revision);
        updateEditBase();
        revision.set(revision.get() + 1);
    }

    private void closeInBackground(WorkspaceSession old) {
        background(() -> {
            old.close();
            return null;
        }, x -> {}, e -> message.set("Cannot close " + old.root() + ": " + e.getMessage()));
    }

    private void withSession(Consumer<WorkspaceSession> action) {
        WorkspaceSession s = session.get();
        if (s != null) action.accept(s);
    }

    private <T> void background(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        running++;
        busy.set(true);
        tasks.run(work, result -> {
            finished();
            onSuccess.accept(result);
        }, error -> {
            finished();
            onFailure.accept(error);
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    private void showEditError(String description, Throwable e) {
        if (e instanceof DefinitionException || e instanceof dev.gatehouse.engine.workspace.WorkspaceException) {
            // both are worded for the user (an EditConflict names the file and the field another process changed)
            dialogs.showError("Cannot " + lowerFirst(description), e.getMessage());
        } else {
            dialogs.showError("Cannot " + lowerFirst(description), e);
        }
        message.set("Failed: " + description);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private record Changed<T>(T result, Snapshot snapshot) {}

    private record Loaded(WorkspaceSession session, Snapshot snapshot) {}

    /** What the UI shows of a workspace, read together off the FX thread. */
    private record Snapshot(long revision, List<ApiDefinition> apis, Optional<String> undo, Optional<String> redo) {
        static Snapshot of(WorkspaceSession s) {
            long revision = s.revision(); // first: what is read next is at least this new
            return new Snapshot(revision, s.apis(), s.undoDescription(), s.redoDescription());
        }
    }
}
