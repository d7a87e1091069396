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
import java.time.Duration;
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
 * <p><b>Editing</b> goes through {@link #apply(Edit)}, from any thread. Several processes (the console, the CLI,
 * a headless engine) and several instances may have one folder open for editing at once: writers coordinate per
 * write, under an OS lock on {@code .gatehouse/lock} taken only around each edit ({@link WorkspaceLock}), and
 * in-process edits are serialised. Every file write is atomic and durable ({@link AtomicFiles}); a failed edit
 * changes nothing, on disk or in memory.
 *
 * <p><b>Broken files</b>: a file that does not read back as what it should hold (bad JSON, wrong shape, a
 * definition failing AWS's rules, an id not matching its file name) does not stop the open. It is listed in
 * {@link #problems()} with its line and column, and quarantined: it is never written, and an edit that would
 * write or delete it fails with a {@link WorkspaceException} naming it. Fix it by hand and open the workspace
 * again.
 *
 * <p><b>Files changed behind its back</b> (by another process, by hand, by {@code git checkout}) while it is open
 * are noticed before an edit would overwrite them: under the write lock, the edit re-reads every document it
 * touches and fails naming the file when it is not what this instance last read or wrote; the workspace then
 * reloads, so trying again works on the new content. {@link #refreshIfChangedOnDisk} (polled by
 * {@link #followDisk}) picks up changes made on disk and announces them to the listeners like edits.
 *
 * <p><b>Edits made on what a person saw</b> carry the revision they were made on ({@link Edit#basedOn}): the
 * console's screens may lag a change read from disk, so an edit built on them could undo another process's change
 * to the same document. Such an edit reads the disk first (under the write lock, so no one writes in between),
 * is planned on the newest state, and is refused with an {@link EditConflict} naming the place when its result
 * would not keep every field another process changed since its revision; otherwise it is rebased onto their
 * version and written.
 *
 * <p><b>Events</b>: {@link WorkspaceListener}s hear about every change once it is on disk, on the writer's thread.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    /** How long an edit waits for another writer to finish (writes take milliseconds). */
    private static final Duration WRITE_WAIT = Duration.ofMillis(Long.getLong("gatehouse.workspace.writeWaitMillis", 10_000));

    private final Path root;
    private final boolean readOnly;
    /** Guards writer, problems, quarantined and diskStamp's updates (reads of the volatiles need no lock). */
    private final ReentrantLock writerLock = new ReentrantLock();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private ChangeWriter writer;
    private volatile List<WorkspaceProblem> problems;
    private volatile Set<Path> quarantined;
    /** {@link DiskStamp} of the folder as this instance last read it, or as its own last write left it. */
    private volatile long diskStamp;
    private volatile WorkspaceState state;
    private volatile long revision;
    private volatile boolean closed;
    private Thread follower;
    /** The latest changes read from disk (other processes' writes), newest last, for {@link #checkBase}. */
    private final java.util.ArrayDeque<AppliedEdit> diskLog = new java.util.ArrayDeque<>();
    /** The newest revision dropped from {@link #diskLog}: edits based before it are refused when they collide at all. */
    private long forgottenDiskRevision = -1;
    private static final int DISK_LOG_LIMIT = 256;

    private Workspace(Path root, boolean readOnly, long diskStamp, WorkspaceReader.Loaded loaded) {
        this.root = root;
        this.readOnly = readOnly;
        this.diskStamp = diskStamp;
        load(loaded);
        if (!loaded.removedTempFiles().isEmpty()) {
            LOG.info("Removed {} temp files left by interrupted writes in {}", loaded.removedTempFiles().size(), root);
        }
    }

    private void load(WorkspaceReader.Loaded loaded) {
        this.writer = new ChangeWriter(root, loaded.fingerprints());
        this.problems = loaded.problems();
        this.quarantined = loaded.quarantined();
        this.state = loaded.state();
    }

    // ---- opening ---------------------------------------------------------------------------------------------

    /**
     * Opens an existing workspace for editing. It is read under the write lock, taken for that moment only (so
     * temp files of interrupted writes can be removed safely); other processes may open and edit it too.
     * Broken files do not fail the open (see {@link #problems()}).
     *
     * @throws WorkspaceLockedException when another writer holds the write lock for more than 10 s
     * @throws WorkspaceException       when the folder has no {@code workspace.json}
     * @throws UncheckedIOException     when the folder cannot be read
     */
    public static Workspace open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(root.resolve(Layout.SETTINGS))) {
                throw new WorkspaceException(root + " is not a Gatehouse workspace: it has no " + Layout.SETTINGS,
                        root.resolve(Layout.SETTINGS));
            }
            try (WorkspaceLock ignored = WorkspaceLock.acquire(root, WRITE_WAIT)) {
                long stamp = DiskStamp.of(root);
                WorkspaceReader.Loaded loaded = WorkspaceReader.read(root, true);
                if (!loaded.clearKeyValues().isEmpty()) {
                    moveKeyValuesOut(root, loaded);
                    stamp = DiskStamp.of(root); // our own write: not a change made behind this workspace's back
                }
                return new Workspace(root, false, stamp, loaded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rewrites API key definitions of the old layout, which held the value in clear, in the current one: the value
     * into {@code .gatehouse/secrets} and its SHA-256 into the definition ({@link StoredApiKey}). Nothing is lost:
     * the value is stored before the definition drops it. Runs under the writer lock while opening for editing;
     * a failure is logged and leaves the files as they were (the keys keep working from the clear values).
     */
    private static void moveKeyValuesOut(Path root, WorkspaceReader.Loaded loaded) {
        List<Change<?>> changes = new java.util.ArrayList<>();
        for (String id : loaded.clearKeyValues()) {
            ApiKey key = loaded.state().apiKey(id).orElse(null);
            if (key != null && !loaded.quarantined().contains(Layout.apiKeyFile(id))) {
                changes.add(Change.of(new DocKey.ApiKeyDoc(id), key, key));
            }
        }
        if (changes.isEmpty()) return;
        try {
            new ChangeWriter(root, loaded.fingerprints()).write("Move API key values out of " + Layout.API_KEYS, changes);
            LOG.warn("Moved the values of {} API key(s) out of {}/*.json into {} (git-ignored, owner-only); the "
                    + "definitions keep each value's SHA-256. Values committed to git before stay in its history: rotate "
                    + "those keys if the repository is shared.", changes.size(), Layout.API_KEYS, ApiKeySecrets.FOLDER);
        } catch (RuntimeException e) {
            LOG.warn("API key values are still in clear in {}/*.json: {}", Layout.API_KEYS, e.getMessage());
        }
    }

    /**
     * Opens a workspace to look at it without editing, e.g. an export while the console has it open: no lock,
     * no clean-up, and {@link #apply} refuses. It sees later changes made by other processes when
     * {@link #followDisk following} the disk or asked to {@link #refreshIfChangedOnDisk}.
     */
    public static Workspace openReadOnly(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            long stamp = DiskStamp.of(root);
            return new Workspace(root, true, stamp, WorkspaceReader.read(root, false));
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
        try {
            AtomicFiles.ensureDirectory(root);
            try (WorkspaceLock ignored = WorkspaceLock.acquire(root, WRITE_WAIT)) {
                Path settings = root.resolve(Layout.SETTINGS);
                if (Files.exists(settings)) throw new WorkspaceException(root + " already holds a Gatehouse workspace", settings);
                AtomicFiles.write(settings, ChangeWriter.serialise(WorkspaceSettings.named(name)));
                long stamp = DiskStamp.of(root);
                return new Workspace(root, false, stamp, WorkspaceReader.read(root, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create workspace " + root + ": " + e.getMessage(), e);
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

    /** What was wrong with files when the workspace was last read; empty for a clean workspace. */
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
        return readOnly;
    }

    // ---- editing ---------------------------------------------------------------------------------------------

    /**
     * Plans the edit against the newest state, writes its changes and publishes the new state, then tells the
     * listeners. Blocks while another edit is being written. Returns what was changed; an edit that changes
     * nothing writes nothing and returns an empty {@link AppliedEdit}.
     *
     * @throws dev.gatehouse.engine.model.DefinitionException the edit breaks AWS's rules (unknown id, name taken, ...)
     * @throws EditConflict      an edit with a {@link Edit#baseRevision()} would overwrite what another process
     *                            changed since that revision (their version is loaded and announced)
     * @throws WorkspaceException a quarantined file would be written, a document changed since the edit was made
     *                            (undo over someone else's change), a file the edit touches was changed on disk
     *                            by another process since this instance read it (the workspace has reloaded it
     *                            when this is thrown), the workspace is read-only, another writer held the write
     *                            lock for more than 10 s, or a write failed
     * @throws IllegalStateException when called from a listener or after {@link #close()}
     */
    public AppliedEdit apply(Edit edit) {
        Objects.requireNonNull(edit, "edit");
        if (isReadOnly()) throw new WorkspaceException(root + " was opened read-only; \"" + edit.description() + "\" is not possible", null);
        if (writerLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Workspace.apply called from a WorkspaceListener or an Edit's plan: "
                    + "hand the work to an executor instead");
        }
        boolean based = edit.baseRevision() != Edit.NO_BASE;
        writerLock.lock();
        try {
            if (closed) throw new IllegalStateException("Workspace " + root + " is closed");
            if (!based) {
                // planned on what this instance holds; a file changed on disk meanwhile is refused by the writer
                List<Change<?>> changes = plan(edit);
                if (changes.isEmpty()) return new AppliedEdit(edit.description(), List.of(), revision);
                try (WorkspaceLock ignored = WorkspaceLock.acquire(root, WRITE_WAIT)) {
                    return write(edit, changes);
                }
            }
            // An edit made on what a person saw: under the write lock, first read what other processes wrote
            // (no one can write in between), then plan on that and refuse only where the two collide.
            try (WorkspaceLock ignored = WorkspaceLock.acquire(root, WRITE_WAIT)) {
                if (DiskStamp.of(root) != diskStamp) reloadLocked();
                List<Change<?>> changes = plan(edit);
                if (changes.isEmpty()) return new AppliedEdit(edit.description(), List.of(), revision);
                checkBase(edit, changes);
                return write(edit, changes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to workspace " + root + ": " + e.getMessage(), e);
        } finally {
            writerLock.unlock();
        }
    }

    /** Under the writer lock: the edit's effective changes on the newest state, checked against the rules. */
    private List<Change<?>> plan(Edit edit) {
        WorkspaceState before = state;
        List<Change<?>> changes = effective(edit.plan(before));
        for (Change<?> change : changes) check(edit, before, change);
        return changes;
    }

    /** Under the writer lock and the write lock: puts the changes on disk, publishes the new state. */
    private AppliedEdit write(Edit edit, List<Change<?>> changes) {
        WorkspaceState after = state.withChanges(changes);
        boolean othersWrote = DiskStamp.of(root) != diskStamp;
        try {
            // re-reads each file it touches and refuses one that is not what this instance last saw
            writer.write(edit.description(), changes);
        } catch (WorkspaceException.ChangedOnDisk e) {
            reloadLocked(); // so trying again works on what the other process wrote
            throw e;
        }
        // files this edit did not touch may still hold other writers' changes: then leave the stamp
        // stale, so the next refresh reads them
        if (!othersWrote) diskStamp = DiskStamp.of(root);
        state = after;
        long produced = ++revision;
        AppliedEdit applied = new AppliedEdit(edit.description(), changes, produced);
        publish(applied);
        return applied;
    }

    /**
     * Refuses an edit made on revision {@code edit.baseRevision()} that would undo something read from disk since
     * (another process's change) in a document it writes. Changes this instance made itself since are not checked:
     * they were planned one after another on the newest state.
     */
    private void checkBase(Edit edit, List<Change<?>> changes) {
        long base = edit.baseRevision();
        if (base >= revision) return;
        for (Change<?> change : changes) {
            java.util.Set<String> theirs = new java.util.LinkedHashSet<>();
            boolean forgotten = base < forgottenDiskRevision;
            for (AppliedEdit fromDisk : diskLog) {
                if (fromDisk.revision() <= base) continue;
                for (Change<?> c : fromDisk.changes()) {
                    if (c.key().equals(change.key())) theirs.addAll(EditConflicts.changedPlaces(c.before(), c.after()));
                }
            }
            List<String> lost = forgotten ? List.of("/") : EditConflicts.overwritten(theirs, change.before(), change.after());
            if (lost.isEmpty()) continue;
            Path file = root.resolve(change.key().relativePath());
            String where = lost.size() == 1 ? lost.getFirst() : lost.getFirst() + " and " + (lost.size() - 1) + " more";
            throw new EditConflict("Cannot " + lowerFirst(edit.description()) + ": " + file + " was changed by another "
                    + "process (the CLI, another console, a hand edit or git) since this was edited, at " + where
                    + ". Nothing was saved, and their change is shown now: look at it and make your change again.",
                    file, lost);
        }
    }

    // ---- following the disk ----------------------------------------------------------------------------------

    /**
     * Reads the folder again when its files changed since this instance last read or wrote them (another process
     * deployed, {@code git checkout}, a hand edit), publishes the new state and tells the listeners, one event per
     * document changed, like an edit (with a revision of its own). Problems and quarantined files are those of
     * the new reading. Cheap when nothing changed (one walk over file attributes). Any thread; not from a
     * listener.
     *
     * @return true when something changed and the new state is published
     */
    public boolean refreshIfChangedOnDisk() {
        if (closed || DiskStamp.of(root) == diskStamp) return false;
        if (writerLock.isHeldByCurrentThread()) throw new IllegalStateException("refresh called from a WorkspaceListener");
        writerLock.lock();
        try {
            if (closed) return false;
            return reloadLocked();
        } finally {
            writerLock.unlock();
        }
    }

    /**
     * Polls the folder every {@code interval} on one daemon thread and {@link #refreshIfChangedOnDisk refreshes}
     * when it changed, until {@link #close()}. Calling it again does nothing.
     */
    public void followDisk(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        writerLock.lock();
        try {
            if (closed) throw new IllegalStateException("Workspace " + root + " is closed");
            if (follower != null) return;
            follower = Thread.ofPlatform().daemon().name("gatehouse-workspace-follower").start(() -> {
                while (!closed) {
                    try {
                        Thread.sleep(interval);
                    } catch (InterruptedException e) {
                        return;
                    }
                    try {
                        if (refreshIfChangedOnDisk()) LOG.info("workspace {} changed on disk: reloaded", root);
                    } catch (RuntimeException e) {
                        LOG.warn("workspace {} changed on disk but could not be read: {}", root, e.getMessage());
                    }
                }
            });
        } finally {
            writerLock.unlock();
        }
    }

    /** Under the writer lock: reads everything, publishes what differs. */
    private boolean reloadLocked() {
        long stamp = DiskStamp.of(root);
        WorkspaceReader.Loaded loaded;
        try {
            loaded = WorkspaceReader.read(root, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read workspace " + root + ": " + e.getMessage(), e);
        }
        WorkspaceState before = state;
        List<Change<?>> changes = before.changesTo(loaded.state());
        load(loaded);
        diskStamp = stamp;
        if (changes.isEmpty()) return false;
        long produced = ++revision;
        AppliedEdit fromDisk = new AppliedEdit("Changed on disk", changes, produced);
        diskLog.addLast(fromDisk);
        if (diskLog.size() > DISK_LOG_LIMIT) forgottenDiskRevision = diskLog.removeFirst().revision();
        publish(fromDisk);
        return true;
    }

    /** Adds a listener (see {@link WorkspaceListener} for its thread and rules). */
    public void addListener(WorkspaceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(WorkspaceListener listener) {
        listeners.remove(listener);
    }

    /** Stops following the disk; waits for an edit being written. Reads keep working; edits then fail. */
    @Override public void close() {
        Thread f;
        writerLock.lock();
        try {
            if (closed) return;
            closed = true;
            f = follower;
            follower = null;
        } finally {
            writerLock.unlock();
        }
        if (f != null) f.interrupt();
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
        if (key instanceof DocKey.DeploymentDoc && change.before() instanceof DeploymentSnapshot b
                && change.after() instanceof DeploymentSnapshot a && !onlyDescriptionDiffers(b, a)) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": deployment " + file
                    + " is immutable", file);
        }
        if (key instanceof DocKey.SettingsDoc && change.after() == null) {
            throw new WorkspaceException("Cannot " + lowerFirst(edit.description()) + ": " + file + " cannot be deleted", file);
        }
    }

    /** A deployment's description is the one thing AWS's UpdateDeployment changes; its snapshot stays frozen. */
    private static boolean onlyDescriptionDiffers(DeploymentSnapshot before, DeploymentSnapshot after) {
        return before.api().equals(after.api()) && before.deployment().id().equals(after.deployment().id())
                && java.util.Objects.equals(before.deployment().createdDate(), after.deployment().createdDate());
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
}
