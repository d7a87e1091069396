package dev.gatehouse.app.session;

import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.sdk.StageDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's one route into the engine for one open workspace: queries, undoable edits and the edit history,
 * deploy and rollback, the local data plane, test invoke and what export needs. ViewModels reach the engine
 * only through it (and the records of {@code engine.model}); {@link EngineWorkspaceSession} implements it on the
 * engine's {@code Gateway} facade, tests on a fake. {@code ConsoleArchitectureTest} holds this.
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

    /**
     * Counts the workspace's changes (edits, undo, redo, changes read from disk): what a screen showed is "as of"
     * one revision. Read before the queries, a revision is never newer than what they return. Any thread.
     */
    default long revision() {
        return -1;
    }

    /**
     * Tells the session which revision the person's edits are made on (read on the worker thread when an edit is
     * applied, so it must be cheap and thread-safe): every edit then carries it, and one that would overwrite what
     * another process changed since that revision is refused with
     * {@link dev.gatehouse.engine.workspace.EditConflict}, naming the place, instead of silently undoing their
     * change (see {@link dev.gatehouse.engine.workspace.Workspace}). A negative value plans edits on the newest
     * state without that check.
     */
    default void setEditBase(java.util.function.LongSupplier base) {}

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

    /** Deletes an API with its stages and deployments, and unmarks it as default, as one undoable edit. */
    void deleteApi(String apiId, String description);

    /** Deletes a stage as one undoable edit (its deployments stay); DefinitionException when it does not exist. */
    void deleteStage(String apiId, String stageName, String description);

    /** The workspace's custom domain names with their base path mappings (what depends on an API's stages). */
    List<DomainName> domainNames();

    /** What "Undo" would revert, if anything. */
    Optional<String> undoDescription();

    /** What "Redo" would re-apply, if anything. */
    Optional<String> redoDescription();

    /** Reverts the newest edit; false when there was nothing to undo. */
    boolean undo();

    /** Re-applies the newest undone edit; false when there was nothing to redo. */
    boolean redo();

    // ---- edits beyond one API -------------------------------------------------------------------------------

    /**
     * Applies {@code change} to the newest stored stage as one undoable edit named {@code description}, so an edit
     * never overwrites a rollback made meanwhile. DefinitionException when the stage does not exist.
     */
    void updateStage(String apiId, String stageName, String description, UnaryOperator<Stage> change);

    /**
     * Changes the API (when {@code change} is not null) and marks it as the workspace's default API or unmarks it,
     * as one undoable edit: a single Undo reverts both.
     */
    void updateApiAndDefault(String apiId, String description, UnaryOperator<ApiDefinition> change, boolean makeDefault);

    /**
     * Stores an imported API as one undoable edit: a new API when {@code asNew}, else replacing the API with the
     * same id. Returns the stored definition.
     */
    ApiDefinition storeImported(ApiDefinition api, boolean asNew, String description);

    // ---- deploy ----------------------------------------------------------------------------------------------

    /**
     * Deploys the API's draft to {@code stageName} (created when new), as one undoable edit; the served plan
     * switches at once. DefinitionException with AWS's message when the draft cannot be deployed.
     */
    DeploymentSnapshot deploy(String apiId, String stageName, String description);

    /** Points the stage at an earlier deployment (one undoable edit). */
    void rollback(String apiId, String stageName, String deploymentId);

    /**
     * One sentence per method of the API's draft that a deployed stage refuses because it requires a check the
     * engine cannot run yet (API key, authorizer, IAM); empty when every method is open.
     */
    List<String> accessWarnings(String apiId);

    /** As {@link #accessWarnings(String)}, for one method only. */
    List<String> accessWarnings(String apiId, String resourceId, String httpMethod);

    // ---- the local data plane and test invoke ---------------------------------------------------------------

    /**
     * Serves every deployed stage of the workspace over HTTP on {@code host}: on {@code preferredPort}, or on a free
     * port when that one is taken (0 asks for a free one). Already serving: returns the port in use.
     *
     * @return the bound port
     */
    int serve(String host, int preferredPort);

    /** The stage's invoke URL while the data plane serves it; empty otherwise. */
    Optional<String> invokeUrl(String apiId, String stageName);

    /** AWS's TestInvokeMethod on the draft: in-process, with the execution log; access checks are skipped. */
    TestInvokeResult testInvoke(String apiId, String resourceId, String httpMethod, TestInvokeRequest request);

    /**
     * AWS's TestInvokeAuthorizer on the draft: runs the authorizer (a local function, or the user pool's keys) against
     * the simulated caller. Blocking: call it off the FX thread. Unknown API or authorizer: DefinitionException.
     */
    default dev.gatehouse.engine.invoke.AuthorizerTestResult testInvokeAuthorizer(String apiId, String authorizerId,
            dev.gatehouse.engine.invoke.AuthorizerTestRequest request) {
        throw new UnsupportedOperationException("this workspace session cannot test authorizers");
    }

    /**
     * A JWT signed with the workspace's signing key (created on first use, kept in {@code .gatehouse/}), with the given
     * claims, space-joined {@code scope} (an access token when not empty) and lifetime. Blocking (file I/O).
     */
    default String mintToken(Map<String, String> claims, List<String> scopes, java.time.Duration expiresIn) {
        throw new UnsupportedOperationException("this workspace session cannot mint tokens");
    }

    /** The user pool ARNs the workspace's {@code user-pools.json} configures (empty without the file). Blocking. */
    default List<String> userPoolArns() {
        return List.of();
    }

    /**
     * Makes the workspace's {@code user-pools.json} trust its signing key under the local pool ARN (added once, other
     * pools kept) and returns that ARN. Blocking (file I/O).
     */
    default String trustWorkspaceKey() {
        throw new UnsupportedOperationException("this workspace session has no signing key");
    }

    /**
     * The request header that asks the local data plane to record a request's execution log (the engine's
     * {@code ConsoleTraces}); it is removed before the API sees the request. Read the log with
     * {@link #stageExecutionLog}.
     */
    String TRACE_HEADER = "X-Gatehouse-Trace";

    /**
     * The execution log (AWS's format) of a stage request sent by the console with {@link #TRACE_HEADER}{@code : id},
     * once it has been answered; empty when the data plane did not record it.
     */
    default Optional<String> stageExecutionLog(String traceId) {
        return Optional.empty();
    }

    /** The OpenAPI document of what the stage serves, with {@code baseUrl} as its server: for SDK and docs export. */
    StageDocument stageDocument(String apiId, String stageName, String baseUrl);

    // ---- local functions -------------------------------------------------------------------------------------

    /**
     * The workspace's local Lambda functions ({@code functions/}); UnsupportedOperationException for a session
     * without them (a test's fake that does not offer them).
     */
    default WorkspaceFunctions functions() {
        throw new UnsupportedOperationException("this workspace session has no local functions");
    }

    // ---- API keys, usage plans, stage caches ------------------------------------------------------------------

    /**
     * The workspace's API keys and usage plans, their usage, and the stage caches of this session's engine;
     * UnsupportedOperationException for a session without them (a test's fake that does not offer them).
     */
    default WorkspaceTraffic traffic() {
        throw new UnsupportedOperationException("this workspace session has no API keys or usage plans");
    }

    // ---- remotes ---------------------------------------------------------------------------------------------

    /**
     * What pushing the API to {@code remote}'s stage would change there (methods, breaking changes, API keys and
     * usage plans), read without changing anything. Blocking network calls: never on the FX thread. A
     * {@code RemoteException} in the product's words when the remote cannot be reached or refuses.
     */
    default dev.gatehouse.engine.remote.Pusher.Preview previewPush(String apiId, dev.gatehouse.engine.remote.Remote remote,
                                                                   String stage) {
        throw new UnsupportedOperationException("this workspace session cannot push");
    }

    /**
     * Pushes the API to {@code remote} and deploys it to {@code stage} (put-rest-api, create-deployment, then its
     * keys and usage plans). The result's {@code remoteAfter} is for {@link RemoteSettings#update}. A failure before
     * the deployment leaves the remote stage serving what it served.
     */
    default dev.gatehouse.engine.remote.Pusher.Result push(String apiId, dev.gatehouse.engine.remote.Remote remote, String stage) {
        throw new UnsupportedOperationException("this workspace session cannot push");
    }

    /**
     * Brings the remote API (id or name) as its {@code stage} serves it into the workspace: a new API at once, or,
     * for an API the workspace has, the diff only, unless {@code overwrite} (then one undoable edit).
     */
    default dev.gatehouse.engine.remote.Puller.Result pull(dev.gatehouse.engine.remote.Remote remote, String remoteApi,
                                                           String stage, boolean overwrite) {
        throw new UnsupportedOperationException("this workspace session cannot pull");
    }

    // ---- observability -----------------------------------------------------------------------------------

    /**
     * The request log, metrics, audit trail and recent requests of this workspace; UnsupportedOperationException
     * for a session without them (a test's fake).
     */
    default Observations observations() {
        throw new UnsupportedOperationException("this workspace session keeps no observations");
    }

    // ---- changes ---------------------------------------------------------------------------------------------

    /** Registers a listener called after any change (edit, undo, redo, or a change on disk). */
    void addChangeListener(Runnable listener);

    void removeChangeListener(Runnable listener);

    /** Releases the workspace (its writer lock, watchers) and stops the data plane; may block for seconds. */
    @Override
    void close();
}
