package dev.gatehouse.app.session;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's view of one open workspace: queries, undoable edits and the edit history. The only way the
 * console's ViewModels reach the engine's workspace ({@link EngineWorkspaceSession} implements it on
 * {@code dev.gatehouse.engine.workspace.Workspace}).
 *
 * <p>Threading: every method may block on disk I/O, so ViewModels call them through their
 * {@link dev.gatehouse.app.core.TaskRunner}, never on the FX thread. Implementations are thread-safe; edits are
 * applied one at a time. Listeners are called on the thread that made the change (or a watcher thread for
 * changes made by another process) and must hand off to the FX thread themselves.
 *
 * <p>Failures: edits throw {@link dev.gatehouse.engine.model.DefinitionException} with AWS's message when the
 * change breaks AWS's rules (nothing is written then), and an unchecked I/O failure when the disk refuses.
 */
public interface WorkspaceSession extends AutoCloseable {

    /** The workspace folder. */
    Path root();

    /** The workspace's display name. */
    String name();

    /** Every API, by name. */
    List<ApiDefinition> apis();

    Optional<ApiDefinition> api(String apiId);

    /** The API marked as default in the workspace settings, if any. */
    Optional<String> defaultApiId();

    /** The API's stages, by name. */
    List<Stage> stages(String apiId);

    /** The API's deployments, oldest first. */
    List<DeploymentSnapshot> deployments(String apiId);

    /**
     * Applies {@code change} to the newest definition of the API and stores the result as one undoable edit
     * named {@code description} (what the Edit menu shows, e.g. "Create resource /pets").
     *
     * @return the stored definition
     */
    ApiDefinition updateApi(String apiId, String description, UnaryOperator<ApiDefinition> change);

    /** Creates an empty API (root resource, Empty and Error models) as one undoable edit. */
    ApiDefinition createApi(String name);

    /** What "Undo" would revert, if anything. */
    Optional<String> undoDescription();

    /** What "Redo" would re-apply, if anything. */
    Optional<String> redoDescription();

    /** Reverts the newest edit; false when there was nothing to undo. */
    boolean undo();

    /** Re-applies the newest undone edit; false when there was nothing to redo. */
    boolean redo();

    /** Registers a listener called after any change (edit, undo, redo, or a change on disk). */
    void addChangeListener(Runnable listener);

    void removeChangeListener(Runnable listener);

    /** Releases the workspace (its writer lock, watchers). */
    @Override
    void close();
}
