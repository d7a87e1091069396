package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace folder, open: the one source of truth for API definitions, stages, deployments, keys, usage plans
 * and domain names (layout in {@code Layout}; DESIGN.md "Persistence"). The console, the control-plane API, the
 * CLI and the deployer all read and edit through one instance per folder.
 *
 * <p><b>Reading</b> is lock-free from any thread: {@link #state()} returns an immutable snapshot, and the query
 * methods read the newest one.
 *
 * <p><b>Editing</b> goes through {@link #apply(Edit)}, from any thread; edits are serialised (one writer at a
 * time, in-process) and the folder is guarded against a second editing process by an OS lock on
 * {@code .gatehouse/lock}, taken by {@link #open} and {@link #create} and held until {@link #close()}. Every file
 * write is atomic and durable ({@link AtomicFiles}); a failed edit changes nothing, on disk or in memory.
 *
 * <p><b>Broken files</b>: a file that does not read back as what it should hold (bad JSON, wrong shape, a
 * definition failing AWS's rules, an id not matching its file name) does not stop the open. It is listed in
 * {@link #problems()} with its line and column, and quarantined: it is never written, and an edit that would
 * write or delete it fails with a {@link WorkspaceException} naming it. Fix it by hand and open the workspace
 * again.
 *
 * <p><b>Files changed behind its back</b> (edited by hand, replaced by {@code git checkout}) while it is open are
 * noticed before an edit would overwrite them: the edit fails naming the file, and opening the workspace again
 * picks the change up.
 *
 * <p><b>Events</b>: {@link WorkspaceListener}s hear about every change once it is on disk, on the writer's thread.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Path root;
    private final WorkspaceLock lock;
    private final ChangeWriter writer;
    private final List<WorkspaceProblem> problems;
    private final Set<Path> quarantined;
    private final ReentrantLock writerLock = new ReentrantLock();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private volatile WorkspaceState state;
    private volatile long revision;
    private volatile boolean closed;

    private Workspace(Path root, WorkspaceLock lock, WorkspaceReader.Loaded loaded) {
        this.root = root;
        this.lock = lock;
        this.writer = new ChangeWriter(root, loaded.fingerprints());
        this.problems = loaded.problems();
        this.quarantined = loaded.quarantined();
        this.state = loaded.state();
        if (!loaded.removedTempFiles().isEmpty()) {
            LOG.info("Removed {} temp files left by interrupted writes in {}", loaded.removedTempFiles().size(), root);
        }
    }

    // ---- opening ---------------------------------------------------------------------------------------------

    /**
     * Opens an existing workspace for editing, taking its lock and removing temp files of interrupted writes.
     * Broken files do not fail the open (see {@link #problems()}).
     *
     * @throws WorkspaceLockedException when another process or another open instance is editing it
     * @throws WorkspaceException       when the folder has no {@code workspace.json}
     * @throws UncheckedIOException     when the folder cannot be read
     */
    public static Workspace open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        WorkspaceLock lock = null;
        try {
            if (!Files.isRegularFile(root.resolve(Layout.SETTINGS))) {
                throw new WorkspaceException(root + " is not a Gatehouse workspace: it has no " + Layout.SETTINGS,
                        root.resolve(Layout.SETTINGS));
            }
            lock = WorkspaceLock.acquire(root);
            return new Workspace(root, lock, WorkspaceReader.read(root, true));
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("Cannot open workspace " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Opens a workspace to look at it without editing, e.g. an export while the console has it open: no lock,
     * no clean-up, and {@link #apply} refuses. It does not see later changes made by the editing process.
     */
    public static Workspace openReadOnly(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            return new Workspace(root, null, WorkspaceReader.read(root, false));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code dir} (which may exist, but must not be a workspace yet) a new, empty workspace and opens it
     * for editing.
     *
     * @throws WorkspaceException when {@code dir} already holds a workspace
     */
    public static Workspace create(Path dir, String name) {
        Path root = dir.toAbsolutePath().normalize();
        WorkspaceLock lock = null;
        try {
            AtomicFiles.ensureDirectory(root);
            lock = WorkspaceLock.acquire(root);
            Path settings = root.resolve(Layout.SETTINGS);
            if (Files.exists(settings)) throw new WorkspaceException(root + " already holds a Gatehouse workspace", settings);
            AtomicFiles.write(settings, ChangeWriter.serialise(WorkspaceSettings.named(name)));
            return new Workspace(root, lock, WorkspaceReader.read(root, true));
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("Cannot create workspace " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The workspace folder (absolute). */
    public Path root() {
        return root;
    }

    /** Everything, as one immutable snapshot: use it when several reads must agree with each other. */
    public WorkspaceState state() {
        return state;
    }

    /** Counts applied edits since opening; every event carries the revision its edit produced. */
    public long revision() {
        return revision;
    }

    public String name() {
        return state.settings().name();
    }

    public Optional<String> defaultApiId() {
        return state.defaultApiId();
    }

    public List<ApiDefinition> apis() {
        return state.apis();
    }

    public Optional<ApiDefinition> api(String apiId) {
        return state.api(apiId);
    }

    public List<Stage> stages(String apiId) {
        return state.stages(apiId);
    }

    public Optional<Stage> stage(String apiId, String stageName) {
        return state.stage(apiId, stageName);
    }

    /** Oldest first. */
    public List<DeploymentSnapshot> deployments(String apiId) {
        return state.deployments(apiId);
    }

    public Optional<DeploymentSnapshot> deployment(String apiId, String deploymentId) {
        return state.deployment(apiId, deploymentId);
    }

    public List<ApiKey> apiKeys() {
        return state.apiKeys();
    }

    public List<UsagePlan> usagePlans() {
        return state.usagePlans();
    }

    public List<DomainName> domainNames() {
        return state.domainNames();
    }

    /** What was wrong with files when the workspace was opened; empty for a clean workspace. */
    public List<WorkspaceProblem> problems() {
        return problems;
    }

    /** True when {@code file} (absolute, or relative to the root) had a problem and is left untouched. */
    public boolean isQuarantined(Path file) {
        Path relative = file.isAbsolute() ? root.relativize(file.normalize()) : file.normalize();
        return quarantined.contains(relative);
    }

    /** True when opened with {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return lock == null;
    }

    // ---- editing ---------------------------------------------------------------------------------------------

    /**
     * Plans the edit against the newest state, writes its changes and publishes the new state, then tells the
     * listeners. Blocks while another edit is being written. Returns what was changed; an edit that changes
     * nothing writes nothing and returns an empty {@link AppliedEdit}.
     *
     * @throws dev.gatehouse.engine.model.DefinitionException the edit breaks AWS's rules (unknown id, name taken, ...)
     * @throws WorkspaceException a quarantined file would be written, a document changed since the edit was made
     *                            (undo over someone else's change), a file was changed on disk behind the
     *                            workspace's back, the workspace is read-only, or a write failed
     * @throws IllegalStateException when called from a listener or after {@link #close()}
     */
    public AppliedEdit apply(Edit edit) {
        Objects.requireNonNull(edit, "edit");
        if (isReadOnly()) throw new WorkspaceException(root + " was opened read-only; \"" + edit.description() + "\" is not possible", null);
        if (writerLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Workspace.apply called from a WorkspaceListener or an Edit's plan: "
                    + "hand the work to an executor instead");
        }
        writerLock.lock();
        try {
            if (closed) throw new IllegalStateException("Workspace " + root + " is closed");
            WorkspaceState before = state;
            List<Change<?>> changes = effective(edit.plan(before));
            if (changes.isEmpty()) return new AppliedEdit(edit.description(), List.of(), revision);
            for (Change<?> change : changes) check(edit, before, change);
            WorkspaceState after = before.withChanges(changes);
            writer.write(edit.description(), changes);
            state = after;
            long produced = ++revision;
            AppliedEdit applied = new AppliedEdit(edit.description(), changes, produced);
            publish(applied);
            return applied;
        } finally {
            writerLock.unlock();
        }
    }

    /** Adds a listener (see {@link WorkspaceListener} for its thread and rules). */
    public void addListener(WorkspaceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(WorkspaceListener listener) {
        listeners.remove(listener);
    }

    /** Releases the editing lock; waits for an edit being written. Reads keep working; edits then fail. */
    @Override public void close() {
        writerLock.lock();
        try {
            if (closed) return;
            closed = true;
            closeQuietly(lock);
        } finally {
            writerLock.unlock();
        }
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /** Drops no-ops and folds repeated documents into one change (first before, last after). */
    private static List<Change<?>> effective(List<Change<?>> planned) {
        Map<DocKey<?>, Change<?>> merged = new LinkedHashMap<>();
        for (Change<?> c : planned) merged.merge(c.key(), c, Workspace::fold);
        List<Change<?>> out = new ArrayList<>(merged.size());
        for (Change<?> c : merged.values()) if (!c.isNoop()) out.add(c);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Change<?> fold(Change<?> first, Change<?> second) {
        return new Change(first.key(), first.before(), second.after(), first.permanent() || second.permanent());
    }

    private void check(Edit edit, WorkspaceState current, Change<?> change) {
        DocKey<?> key = change.key();
        Path file = root.resolve(key.relativePath());
        if (!Objects.equals(current.get(key), change.before())) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": " + file
                    + " was changed since (by another edit)", file);
        }
        if (quarantined.contains(key.relativePath())) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": " + file
                    + " has problems (see the workspace problems) and is left untouched until it is fixed by hand", file);
        }
        if (key instanceof DocKey.ApiDoc api && change.isDeletion()) {
            Path folder = Layout.apiDir(api.apiId());
            for (Path q : quarantined) {
                if (q.startsWith(folder)) {
                    throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": " + root.resolve(q)
                            + " has problems (see the workspace problems) and is left untouched until it is fixed by hand",
                            root.resolve(q));
                }
            }
        }
        if (key instanceof DocKey.DeploymentDoc && change.before() != null && change.after() != null) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": deployment " + file
                    + " is immutable", file);
        }
        if (key instanceof DocKey.SettingsDoc && change.after() == null) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": " + file + " cannot be deleted", file);
        }
    }

    private void publish(AppliedEdit applied) {
        for (Change<?> change : applied.changes()) {
            WorkspaceEvent event = WorkspaceEvent.of(change, applied.revision());
            for (WorkspaceListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("Workspace listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static void closeQuietly(WorkspaceLock lock) {
        if (lock == null) return;
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("Could not release the workspace lock", e);
        }
    }
}
