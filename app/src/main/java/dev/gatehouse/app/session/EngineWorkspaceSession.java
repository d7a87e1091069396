package dev.gatehouse.app.session;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.sdk.StageDocument;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.workspace.Change;
import dev.gatehouse.engine.workspace.DocKey;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.EditHistory;
import dev.gatehouse.engine.workspace.Workspace;
import dev.gatehouse.engine.workspace.WorkspaceEvent;
import dev.gatehouse.engine.workspace.WorkspaceListener;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * {@link WorkspaceSession} on the engine's {@link Gateway}: its {@link Workspace} and its {@link EditHistory}, so
 * console edits, deploys and rollbacks share one undo history, and test invokes and the local data plane run on
 * the same definitions.
 * Definition edits are planned inside the workspace's writer lock against the newest state, so two quick edits
 * never lose each other. Listeners hear once per workspace revision.
 */
public final class EngineWorkspaceSession implements WorkspaceSession {
    private final Gateway gateway;
    private final Workspace workspace;
    private final EditHistory history;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong lastRevision = new AtomicLong(-1);
    private final WorkspaceListener workspaceListener = this::onEvent;
    private volatile java.util.function.LongSupplier editBase = () -> Edit.NO_BASE;

    /** How many served requests the console keeps in memory, exactly as they arrived, for Replay. */
    static final int RECENT_REQUESTS = 500;

    public EngineWorkspaceSession(Gateway gateway) {
        this.gateway = gateway;
        this.workspace = gateway.workspace();
        this.history = gateway.history();
        gateway.keepRecentRequests(RECENT_REQUESTS);
        workspace.addListener(workspaceListener);
    }

    /**
     * How often the console looks for changes other processes made on disk (a {@code gatehouse deploy} in a
     * terminal, a {@code git checkout}): well under the second within which the console shows them.
     */
    static final Duration FOLLOW_INTERVAL = Duration.ofMillis(200);

    /**
     * The opener the app uses: {@link Workspace#open} and {@link Workspace#create}. The workspace is followed on
     * disk, so the CLI can deploy, import and export beside the console (writers coordinate per write) and the
     * console shows what they did.
     */
    public static WorkspaceOpener opener() {
        return new WorkspaceOpener() {
            @Override public WorkspaceSession open(Path folder) {
                return following(Gateway.open(folder));
            }

            @Override public WorkspaceSession create(Path folder) {
                Path name = folder.toAbsolutePath().normalize().getFileName();
                Workspace.create(folder, name == null ? "workspace" : name.toString()).close();
                return following(Gateway.open(folder));
            }
        };
    }

    private static WorkspaceSession following(Gateway gateway) {
        EngineWorkspaceSession session = new EngineWorkspaceSession(gateway);
        gateway.followDisk(FOLLOW_INTERVAL);
        return session;
    }

    @Override public Path root() { return workspace.root(); }

    @Override public WorkspaceFunctions functions() { return new EngineFunctions(gateway.functions()); }

    @Override public WorkspaceTraffic traffic() { return new EngineTraffic(gateway, this::apply); }

    @Override public dev.gatehouse.engine.remote.Pusher.Preview previewPush(String apiId, dev.gatehouse.engine.remote.Remote remote,
                                                                            String stage) {
        return new dev.gatehouse.engine.remote.Pusher(java.time.Clock.systemUTC()).preview(workspace, requireApi(apiId), remote, stage);
    }

    @Override public dev.gatehouse.engine.remote.Pusher.Result push(String apiId, dev.gatehouse.engine.remote.Remote remote, String stage) {
        return new dev.gatehouse.engine.remote.Pusher(java.time.Clock.systemUTC()).push(workspace, requireApi(apiId), remote, stage);
    }

    @Override public dev.gatehouse.engine.remote.Puller.Result pull(dev.gatehouse.engine.remote.Remote remote, String remoteApi,
                                                                    String stage, boolean overwrite) {
        return new dev.gatehouse.engine.remote.Puller(java.time.Clock.systemUTC()).pull(gateway, remote, remoteApi, stage, overwrite);
    }

    private ApiDefinition requireApi(String apiId) {
        return workspace.api(apiId).orElseThrow(() -> new IllegalArgumentException("the workspace has no API " + apiId));
    }

    @Override public Observations observations() { return new EngineObservations(gateway); }

    @Override public long revision() { return workspace.revision(); }

    @Override public void setEditBase(java.util.function.LongSupplier base) {
        this.editBase = base == null ? () -> Edit.NO_BASE : base;
    }

    /** Applies a person's edit through the shared history, based on the revision their screens showed. */
    private void apply(Edit edit) {
        long base = editBase.getAsLong();
        history.apply(base < 0 ? edit : edit.basedOn(base));
    }

    @Override public String name() { return workspace.name(); }

    @Override public List<ApiDefinition> apis() { return workspace.apis(); }

    @Override public Optional<ApiDefinition> api(String apiId) { return workspace.api(apiId); }

    @Override public Optional<String> defaultApiId() { return workspace.defaultApiId(); }

    @Override public List<Stage> stages(String apiId) { return workspace.stages(apiId); }

    @Override public List<DeploymentSnapshot> deployments(String apiId) { return workspace.deployments(apiId); }

    @Override
    public ApiDefinition updateApi(String apiId, String description, UnaryOperator<ApiDefinition> change) {
        apply(new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                ApiDefinition current = state.api(apiId).orElseThrow(
                        () -> DefinitionException.notFound("Invalid API identifier specified"));
                return Edit.replaceApi(change.apply(current)).plan(state);
            }
        });
        return workspace.api(apiId).orElseThrow();
    }

    @Override
    public void updateStage(String apiId, String stageName, String description, UnaryOperator<Stage> change) {
        apply(new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                Stage current = state.stage(apiId, stageName)
                        .orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
                return Edit.putStage(apiId, change.apply(current)).plan(state);
            }
        });
    }

    @Override
    public void updateApiAndDefault(String apiId, String description, UnaryOperator<ApiDefinition> change, boolean makeDefault) {
        List<Edit> edits = new ArrayList<>();
        if (change != null) {
            edits.add(new Edit() {
                @Override public String description() {
                    return description;
                }

                @Override public List<Change<?>> plan(WorkspaceState state) {
                    ApiDefinition current = state.api(apiId)
                            .orElseThrow(() -> DefinitionException.notFound("Invalid API identifier specified"));
                    return Edit.replaceApi(change.apply(current)).plan(state);
                }
            });
        }
        edits.add(Edit.setDefaultApi(makeDefault ? apiId : null));
        apply(Edit.all(description, edits));
    }

    @Override
    public ApiDefinition storeImported(ApiDefinition api, boolean asNew, String description) {
        apply((asNew ? Edit.createApi(api) : Edit.replaceApi(api)).describedAs(description));
        return workspace.api(api.id()).orElseThrow();
    }

    @Override
    public DeploymentSnapshot deploy(String apiId, String stageName, String description) {
        return gateway.deploy(apiId, stageName, description);
    }

    @Override
    public void rollback(String apiId, String stageName, String deploymentId) {
        gateway.rollback(apiId, stageName, deploymentId);
    }

    @Override
    public List<String> accessWarnings(String apiId) {
        return gateway.accessWarnings(apiId);
    }

    @Override
    public List<String> accessWarnings(String apiId, String resourceId, String httpMethod) {
        // The facade words each warning "GET /pets requires …" (AccessRequirement.message): pick this method's.
        String path = workspace.api(apiId).flatMap(a -> a.resource(resourceId)).map(Resource::path).orElse(null);
        if (path == null) return List.of();
        String prefix = httpMethod + " " + path + " requires ";
        return gateway.accessWarnings(apiId).stream().filter(w -> w.startsWith(prefix)).toList();
    }

    @Override
    public synchronized int serve(String host, int preferredPort) {
        DataPlaneServer running = gateway.server();
        if (running != null) return running.port();
        try {
            return gateway.serve(host, preferredPort).port();
        } catch (RuntimeException taken) {
            if (preferredPort == 0) throw taken;
            return gateway.serve(host, 0).port();
        }
    }

    @Override
    public Optional<String> invokeUrl(String apiId, String stageName) {
        return Optional.ofNullable(gateway.invokeUrl(apiId, stageName));
    }

    @Override
    public dev.gatehouse.engine.invoke.AuthorizerTestResult testInvokeAuthorizer(String apiId, String authorizerId,
            dev.gatehouse.engine.invoke.AuthorizerTestRequest request) {
        return gateway.testInvokeAuthorizer(apiId, authorizerId, request);
    }

    @Override
    public String mintToken(java.util.Map<String, String> claims, List<String> scopes, java.time.Duration expiresIn) {
        return gateway.mintToken(claims, scopes, expiresIn);
    }

    @Override
    public List<String> userPoolArns() {
        return gateway.userPoolArns();
    }

    @Override
    public String trustWorkspaceKey() {
        return gateway.trustWorkspaceKey();
    }

    @Override
    public TestInvokeResult testInvoke(String apiId, String resourceId, String httpMethod, TestInvokeRequest request) {
        try {
            return gateway.testInvoke(apiId, resourceId, httpMethod, request);
        } catch (RuntimeException e) {
            // A template that does not compile: AWS's TestInvokeMethod answers 500 with the reason in the log,
            // not an error of the call; show that rather than a bare failure.
            TemplateProblem problem = TemplateProblem.in(e).orElseThrow(() -> e);
            return brokenTemplate(httpMethod, workspace.api(apiId).flatMap(a -> a.resource(resourceId)).map(Resource::path).orElse(""), problem);
        }
    }

    private static final java.time.format.DateTimeFormatter LOG_TIME = java.time.format.DateTimeFormatter
            .ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.US).withZone(java.time.ZoneId.of("UTC"));

    /** The answer and log AWS gives for a method whose mapping template cannot be used. */
    static TestInvokeResult brokenTemplate(String httpMethod, String path, TemplateProblem problem) {
        String now = LOG_TIME.format(Instant.now()) + " : ";
        String requestId = java.util.UUID.randomUUID().toString();
        String log = "Execution log for request " + requestId + "\n"
                + now + "Starting execution for request: " + requestId + "\n"
                + now + "HTTP Method: " + httpMethod + ", Resource Path: " + path + "\n"
                + now + "Execution failed due to configuration error: mapping template " + problem.message() + "\n"
                + now + "Method completed with status: 500\n";
        return new TestInvokeResult(500, "{\"message\": \"Internal server error\"}",
                java.util.Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "InternalServerErrorException"),
                java.util.Map.of(), log, 0);
    }

    @Override
    public Optional<String> stageExecutionLog(String traceId) {
        return gateway.tracedLog(traceId);
    }

    @Override
    public StageDocument stageDocument(String apiId, String stageName, String baseUrl) {
        return StageDocument.of(workspace, apiId, stageName, baseUrl);
    }

    @Override
    public ApiDefinition createApi(String name) {
        ApiDefinition api = ApiDefinition.create(Ids.apiId(), name, Instant.now());
        apply(Edit.createApi(api));
        return workspace.state().get(new DocKey.ApiDoc(api.id()));
    }

    @Override
    public void deleteApi(String apiId, String description) {
        apply(Edit.deleteApi(apiId).describedAs(description));
    }

    @Override
    public void deleteStage(String apiId, String stageName, String description) {
        apply(Edit.deleteStage(apiId, stageName).describedAs(description));
    }

    @Override public List<DomainName> domainNames() { return workspace.state().domainNames(); }

    @Override public Optional<String> undoDescription() { return history.undoDescription(); }

    @Override public Optional<String> redoDescription() { return history.redoDescription(); }

    @Override
    public boolean undo() {
        if (!history.canUndo()) return false;
        history.undo();
        return true;
    }

    @Override
    public boolean redo() {
        if (!history.canRedo()) return false;
        history.redo();
        return true;
    }

    @Override public void addChangeListener(Runnable listener) { listeners.add(listener); }

    @Override public void removeChangeListener(Runnable listener) { listeners.remove(listener); }

    private void onEvent(WorkspaceEvent event) {
        // one call per revision: an edit touching several documents sends several events
        long previous = lastRevision.getAndSet(event.revision());
        if (previous == event.revision()) return;
        for (Runnable listener : listeners) listener.run();
    }

    @Override
    public void close() {
        workspace.removeListener(workspaceListener);
        gateway.close();
    }
}
