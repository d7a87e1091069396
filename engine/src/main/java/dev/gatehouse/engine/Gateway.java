package dev.gatehouse.engine;

import dev.gatehouse.engine.access.AccessDirectory;
import dev.gatehouse.engine.access.AccessRequirement;
import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.caching.StageCaches;
import dev.gatehouse.engine.deploy.DeploymentCompiler;
import dev.gatehouse.engine.deploy.PlanBuilder;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import dev.gatehouse.engine.deploy.SerialRebuilder;
import dev.gatehouse.engine.functions.LambdaInvokeApi;
import dev.gatehouse.engine.functions.LocalFunctions;
import dev.gatehouse.engine.integration.BackendOptions;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.LoopHttpBackend;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.invoke.TestInvoker;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.observe.ConsoleTraces;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.server.DataPlaneOptions;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.server.PlanHolder;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.EditHistory;
import dev.gatehouse.engine.workspace.Workspace;
import dev.gatehouse.engine.workspace.WorkspaceEvent;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade the console and the CLI use: one open workspace, its undo history, deploys and rollbacks, the local
 * data plane and test invoke. Deploys swap the served plan atomically (requests in flight finish on the old one);
 * any workspace change to stages, deployments, domains or the default API rebuilds the plan.
 *
 * <p>Thread-safe. Every method may block (disk, compilation, network for test invokes): the console calls it
 * through its background executor, never on the FX thread. Definition errors surface as
 * {@link DefinitionException} with AWS's kind and message.
 *
 * <p>Locks: the served plan is rebuilt on one thread of its own ({@link SerialRebuilder}), never under the
 * workspace's writer lock; workspace listeners only ask for a rebuild. The gateway's monitor guards its own fields
 * (server, closed) and is never held while calling out, so no two locks nest anywhere here.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Workspace workspace;
    private final EditHistory history;
    private final Clock clock;
    /** Guards the lazily created test-invoke backend (never held while calling out otherwise). */
    private final Object backendLock = new Object();
    /** Created on the first test invoke that calls a backend: most CLI commands never need its threads. */
    private Vertx clientVertx;
    private LoopHttpBackend invokeBackend;
    private final RequestPipeline pipeline;
    private final AccessState access;
    /** User pools, the workspace signing key and IAM access keys the authorizers trust (files, followed). */
    private final dev.gatehouse.engine.access.AccessTrust trust;
    private final StageCaches caches = new StageCaches();
    private final PlanBuilder plans;
    private final TestInvoker testInvoker;
    private final PlanHolder holder;
    private final SerialRebuilder rebuilder;
    private final List<GatewayEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<RuntimePlan>> planListeners = new CopyOnWriteArrayList<>();
    /** Execution logs of served requests the console marks with X-Gatehouse-Trace. */
    private final ConsoleTraces traces = new ConsoleTraces();
    private volatile dev.gatehouse.engine.observe.RecentRequests recent;
    /** Metrics, access logs and the request log of served requests (observe/); started by serve. */
    private final dev.gatehouse.engine.observe.Observability observability;
    private volatile Map<String, String> planProblems = Map.of();
    private volatile RuntimePlan plan = RuntimePlan.EMPTY;
    /** The revision of the last workspace edit that asked for a rebuild (one rebuild per edit, not per event). */
    private volatile long requestedRevision = -1;
    private final java.util.concurrent.atomic.AtomicLong rebuilds = new java.util.concurrent.atomic.AtomicLong();
    private DataPlaneServer server;
    private volatile boolean closed;
    /** The workspace's local Lambda functions; AWS and AWS_PROXY integrations reach them through the backend. */
    private final LocalFunctions functions;

    private Gateway(Workspace workspace, Clock clock) {
        this(workspace, clock, AccessState.persistent(usageStore(workspace.root())));
    }

    private Gateway(Workspace workspace, Clock clock, AccessState access) {
        this.workspace = workspace;
        this.history = new EditHistory(workspace);
        this.clock = clock;
        this.access = access;
        this.trust = dev.gatehouse.engine.access.AccessTrust.forWorkspace(workspace.root());
        this.functions = LocalFunctions.open(workspace.root());
        HttpBackend lazyBackend = new LambdaInvokeApi(functions, request -> invokeBackend().exchange(request));
        this.pipeline = new RequestPipeline(new TemplateCompiler(), lazyBackend, access, caches,
                new dev.gatehouse.engine.functions.LocalAuthorizerFunctions(functions), trust,
                dev.gatehouse.engine.integration.aws.AwsServices.forWorkspace(workspace.root()));
        this.plans = new PlanBuilder(new DeploymentCompiler(pipeline));
        this.testInvoker = new TestInvoker(pipeline);
        this.holder = new PlanHolder(traces.stripping(pipeline.serving(RuntimePlan.EMPTY)));
        listeners.add(traces);
        this.observability = new dev.gatehouse.engine.observe.Observability(workspace.root(),
                dev.gatehouse.engine.observe.ObserveOptions.DEFAULTS, clock);
        observability.follow(workspace);
        listeners.add(observability.listener());
        if (!workspace.isReadOnly()) workspace.addListener(dev.gatehouse.engine.observe.AuditTrail.ofWorkspace(workspace.root()));
        this.rebuilder = new SerialRebuilder("gatehouse-plan-rebuild", this::rebuildPlan);
        rebuilder.request().join();
        workspace.addListener(event -> {
            // runs under the writer lock: only ask, and once per edit (all events of an edit share its revision)
            if (affectsPlan(event) && event.revision() != requestedRevision) {
                requestedRevision = event.revision();
                refreshAccess(event.revision()); // keys, plans, stage limits apply before apply() returns
                rebuilder.request();
            }
        });
    }

    /**
     * Usage counts in {@code .gatehouse/usage.db}, opened on first use (most commands never count a request);
     * counted in memory only when that file cannot be opened.
     */
    private static dev.gatehouse.engine.access.UsageStore usageStore(Path root) {
        return dev.gatehouse.engine.access.UsageStore.lazy(() -> {
            try {
                return dev.gatehouse.engine.access.SqliteUsageStore.open(root.resolve(".gatehouse").resolve("usage.db"));
            } catch (IllegalStateException e) {
                LOG.warn("{}; usage-plan quotas are counted in memory only for this run", e.getMessage());
                return dev.gatehouse.engine.access.UsageStore.none();
            }
        });
    }

    private HttpBackend invokeBackend() {
        synchronized (backendLock) {
            if (closed) throw new IllegalStateException("the gateway is closed");
            if (invokeBackend == null) {
                clientVertx = Vertx.vertx();
                invokeBackend = new LoopHttpBackend(clientVertx, clientVertx.getOrCreateContext(), BackendOptions.DEFAULTS);
            }
            return invokeBackend;
        }
    }

    /**
     * Opens a workspace for reading only, without taking its writer lock (so it works while another process, e.g.
     * {@code gatehouse serve}, holds it): export, test invoke and queries work; edits and deploys fail.
     */
    public static Gateway openReadOnly(Path dir) {
        return new Gateway(Workspace.openReadOnly(dir), Clock.systemUTC());
    }

    /**
     * Re-reads the workspace whenever its files change on disk (checked every {@code interval}; see
     * {@link Workspace#followDisk}), so deploys, rollbacks and edits made by another process — the CLI in another
     * terminal, the console — are served at once and heard by workspace listeners. Until {@link #close}.
     */
    public void followDisk(Duration interval) {
        synchronized (this) {
            if (closed) throw new IllegalStateException("closed");
        }
        workspace.followDisk(interval);
    }

    /**
     * Sets the engine-wide throttle, AWS's account-level limit (10,000 requests per second, burst 5,000 unless set):
     * every served request takes a token from it after the stage and usage-plan limits. Applies to the next request.
     *
     * @throws IllegalArgumentException when {@code ratePerSecond} or {@code burst} is negative
     */
    public void setEngineThrottle(double ratePerSecond, long burst) {
        access.setEngineLimit(ratePerSecond, burst);
    }

    /** The engine-wide throttle's rate in requests per second (what {@link #setEngineThrottle} set last). */
    public double engineThrottleRate() {
        return access.engineRate();
    }

    /** The engine-wide throttle's burst (what {@link #setEngineThrottle} set last). */
    public long engineThrottleBurst() {
        return access.engineBurst();
    }

    /** Opens the workspace in {@code dir} (see {@link Workspace#open}). */
    public static Gateway open(Path dir) {
        return new Gateway(Workspace.open(dir), Clock.systemUTC());
    }

    /**
     * Opens the workspace in {@code dir} (for editing, or read-only as {@link #openReadOnly}) with its throttle and
     * quota state where {@code state} says: in-process, or a Redis server shared with other engines.
     *
     * @throws dev.gatehouse.engine.access.state.StateUnavailableException when the Redis server cannot be reached
     *         (nothing is left open)
     */
    public static Gateway open(Path dir, boolean readOnly, dev.gatehouse.engine.access.state.StateOptions state) {
        if (state.redis() == null) return readOnly ? openReadOnly(dir) : open(dir);
        AccessState access = AccessState.shared(state.openShared());
        Workspace ws;
        try {
            ws = readOnly ? Workspace.openReadOnly(dir) : Workspace.open(dir);
        } catch (RuntimeException e) {
            access.close();
            throw e;
        }
        return new Gateway(ws, Clock.systemUTC(), access);
    }

    /** Where this engine's buckets and quota counters live, e.g. {@code in-process} or {@code redis://host:6379}. */
    public String stateDescription() {
        return access.stateStore().describe();
    }

    /** Wraps an already open workspace. */
    public static Gateway of(Workspace workspace) {
        return new Gateway(workspace, Clock.systemUTC());
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The workspace's local functions (created, invoked, logged); nothing runs until one is invoked. */
    public LocalFunctions functions() {
        return functions;
    }

    /** Undo/redo of this session's edits; edits from the console go through it. */
    public EditHistory history() {
        return history;
    }

    // ---- deploy --------------------------------------------------------------------------------------------

    /**
     * Deploys the API's draft to {@code stageName} (created if needed) and returns the snapshot; the served plan
     * has switched when this returns. Fails with AWS's "The REST API doesn't contain any methods" for an API
     * without methods, and with the reason when a method cannot be compiled (nothing is written then).
     */
    public DeploymentSnapshot deploy(String apiId, String stageName, String description) {
        return deploy(apiId, stageName, description, Map.of());
    }

    /**
     * Deploys as {@link #deploy(String, String, String)} and sets (adds or replaces) the given stage variables on
     * the stage, checked with AWS's rules.
     */
    public DeploymentSnapshot deploy(String apiId, String stageName, String description, Map<String, String> variables) {
        if (!variables.isEmpty()) {
            if (stageName == null) throw DefinitionException.badRequest("Stage variables need a stage");
            DefinitionValidator.checkStageVariables(variables);
        }
        ApiDefinition api = workspace.api(apiId).orElseThrow(() -> DefinitionException.notFound(
                "Invalid API identifier specified 123456789012:" + apiId));
        if (api.methodCount() == 0) throw DefinitionException.badRequest("The REST API doesn't contain any methods");
        if (stageName != null) DefinitionValidator.checkStageName(stageName);
        Instant now = clock.instant();
        DeploymentSnapshot snapshot = new DeploymentSnapshot(new Deployment(Ids.shortId(), description,
                now.getEpochSecond()), api);
        // compile before writing, so a broken definition never becomes a deployment; the edit stores this very
        // snapshot (not the draft as it is when the edit lands), so what is served is what is stored
        plans.compiled(apiId, snapshot);
        history.apply(Edit.deploySnapshot(apiId, snapshot, stageName, variables, now));
        awaitServedPlan();
        return workspace.deployment(apiId, snapshot.deployment().id()).orElseThrow();
    }

    /** Points a stage at an earlier deployment (404 if either is unknown). */
    public void rollback(String apiId, String stageName, String deploymentId) {
        Stage stage = workspace.stage(apiId, stageName).orElseThrow(() -> DefinitionException.notFound(
                "Invalid stage identifier specified"));
        workspace.deployment(apiId, deploymentId).orElseThrow(() -> DefinitionException.notFound(
                "Invalid Deployment identifier specified"));
        history.apply(Edit.putStage(apiId, stage.withDeploymentId(deploymentId, clock.instant().getEpochSecond()))
                .describedAs("Roll back stage " + stageName + " to " + deploymentId));
        awaitServedPlan();
    }

    /**
     * Waits until the plan reflects every edit applied so far: the edit's listener asked for a rebuild while it
     * was applied, so the newest request covers it (and costs no rebuild of its own).
     */
    private void awaitServedPlan() {
        try {
            rebuilder.latest().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /**
     * Methods of the API's draft that require a check that cannot pass as the workspace stands (an authorizer the
     * engine cannot run or whose function or user pool is missing, IAM without access keys): a deployed stage
     * refuses every call to them. One sentence each, for deploy and the console to show.
     */
    public List<String> accessWarnings(String apiId) {
        ApiDefinition api = workspace.api(apiId).orElse(null);
        if (api == null) return List.of();
        List<String> out = new ArrayList<>(AccessRequirement.of(api, trust).stream().map(AccessRequirement::message).toList());
        out.addAll(AccessRequirement.policyWarnings(api));
        // a Lambda authorizer runs, but only if its function is here: say so before the stage answers 500
        for (var resource : api.resources()) {
            for (var method : new java.util.TreeMap<>(resource.resourceMethods()).values()) {
                if (method.authorizationType() != dev.gatehouse.engine.model.AuthorizationType.CUSTOM
                        || method.authorizerId() == null) continue;
                var authorizer = api.authorizer(method.authorizerId()).orElse(null);
                if (authorizer == null || authorizer.authorizerUri() == null || authorizer.authorizerUri().contains("${")) {
                    continue;
                }
                String uri = authorizer.authorizerUri();
                int fn = uri.indexOf("/functions/");
                int end = uri.lastIndexOf("/invocations");
                if (fn < 0 || end < fn) continue;
                LocalFunctions.functionName(uri.substring(fn + "/functions/".length(), end))
                        .filter(name -> functions.store().read(name).isEmpty())
                        .ifPresent(name -> out.add(method.httpMethod() + " " + resource.path() + " requires the Lambda "
                                + "authorizer '" + authorizer.name() + "', whose function " + name + " is not in "
                                + "functions/: calls to a deployed stage are refused with 500 until it exists"));
            }
        }
        return out;
    }

    /**
     * Mints a JWT signed with the workspace's own key (created under {@code .gatehouse/} on first use), for methods
     * whose Cognito authorizer names a user pool with {@code "localSigningKey": true} in {@code user-pools.json}.
     * See {@link dev.gatehouse.engine.access.TokenMinter#mint}. Blocking (file I/O); any thread.
     */
    public String mintToken(Map<String, String> claims, List<String> scopes, Duration expiresIn) {
        return new dev.gatehouse.engine.access.TokenMinter(trust.signingKey(), clock).mint(claims, scopes, expiresIn);
    }

    /** Drops every cached response of a stage (AWS FlushStageCache); 404 if the stage is unknown. */
    public void flushStageCache(String apiId, String stageName) {
        workspace.stage(apiId, stageName).orElseThrow(() -> DefinitionException.notFound(
                "Invalid stage identifier specified"));
        caches.flush(apiId, stageName);
    }

    /**
     * A usage plan's requests per key and day from {@code start} to {@code end} (AWS GetUsage); only {@code keyId}
     * when given. 404 for an unknown plan.
     */
    public dev.gatehouse.engine.access.UsageReport usage(String usagePlanId, String keyId, java.time.LocalDate start,
                                                          java.time.LocalDate end) {
        dev.gatehouse.engine.model.UsagePlan plan = workspace.state().usagePlan(usagePlanId).orElseThrow(
                () -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
        if (end.isBefore(start)) throw DefinitionException.badRequest("The end date must not be before the start date");
        Map<String, List<List<Long>>> values = new java.util.TreeMap<>();
        for (String key : plan.keyIds()) {
            if (keyId != null && !keyId.equals(key)) continue;
            List<Long> daily = access.quotas().daily(plan.id(), key, start, end);
            List<List<Long>> pairs = new ArrayList<>();
            java.time.LocalDate day = start;
            for (Long used : daily) {
                long remaining = 0;
                if (plan.quota() != null && plan.quota().limit() != null) {
                    java.time.LocalDate from = dev.gatehouse.engine.access.QuotaCounters.periodStartOf(plan.quota(), day);
                    // an UpdateUsage correction is not dated: it counts on every day of its period
                    long usedInPeriod = access.quotas().daily(plan.id(), key, from, day).stream()
                            .mapToLong(Long::longValue).sum() + access.quotas().correction(plan.id(), key, from);
                    remaining = Math.max(0, plan.quota().limit() - usedInPeriod);
                }
                pairs.add(List.of(used, remaining));
                day = day.plusDays(1);
            }
            values.put(key, pairs);
        }
        return new dev.gatehouse.engine.access.UsageReport(plan.id(), start, end, values);
    }

    /**
     * AWS UpdateUsage: sets what is left of {@code keyId}'s quota under {@code usagePlanId} in the current period to
     * {@code remaining} (see {@link dev.gatehouse.engine.access.QuotaStore#setRemaining}), records it in the audit
     * trail, and returns today's usage of that key (AWS answers with the Usage shape). 404 for an unknown plan or a
     * key not in it, 400 when the plan has no quota. Blocking; any thread.
     *
     * @throws IllegalStateException when the state store cannot save it now (nothing changed)
     */
    public dev.gatehouse.engine.access.UsageReport updateUsage(String usagePlanId, String keyId, long remaining) {
        dev.gatehouse.engine.model.UsagePlan plan = workspace.state().usagePlan(usagePlanId).orElseThrow(
                () -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
        if (keyId == null || !plan.keyIds().contains(keyId)) {
            throw DefinitionException.notFound("Invalid API Key identifier specified");
        }
        if (plan.quota() == null || plan.quota().limit() == null) {
            throw DefinitionException.badRequest("Usage plan " + plan.name() + " (" + plan.id() + ") has no quota: "
                    + "there is no remaining quota to set");
        }
        if (remaining < 0) throw DefinitionException.badRequest("The remaining quota must be 0 or more, not " + remaining);
        java.time.Instant now = clock.instant();
        long before = access.quotas().remaining(plan.id(), keyId, plan.quota(), now);
        access.quotas().setRemaining(plan.id(), keyId, plan.quota(), remaining, now);
        try {
            com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            dev.gatehouse.engine.observe.AuditTrail.ofWorkspace(workspace.root()).record(
                    dev.gatehouse.engine.observe.AuditActor.current(), "UpdateUsage",
                    "usageplans/" + plan.id() + "/keys/" + keyId + "/usage", -1,
                    f.objectNode().put("remaining", before), f.objectNode().put("remaining", remaining));
        } catch (RuntimeException e) {
            // the quota is changed already; a trail that cannot be written must not undo it, but must be heard
            LOG.error("audit trail could not record UpdateUsage of {}/{}: {}", plan.id(), keyId, e.getMessage());
        }
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return usage(plan.id(), keyId, today, today);
    }

    /** Responses cached for a stage now. */
    public long cachedResponses(String apiId, String stageName) {
        return caches.size(apiId, stageName);
    }

    /**
     * Whether the served plan runs {@code request} on its connection's event loop under the default threading
     * ({@code server.Threading#AUTO}): true when every filter on its way never blocks. For diagnostics and tests.
     */
    public boolean runsOnEventLoop(dev.gatehouse.engine.pipeline.GatewayRequest request) {
        return holder.get().waiting(request, RequestContext.create(GatewayEventListener.NONE))
                != dev.gatehouse.engine.pipeline.Waiting.BLOCKING;
    }

    /** The plan being served now. */
    public RuntimePlan plan() {
        return plan;
    }

    /** How many times the served plan has been rebuilt since open (diagnostics; one per plan-affecting edit). */
    public long planRebuilds() {
        return rebuilds.get();
    }

    /** Stages that could not be compiled, "apiId/stage" → reason (they are not served). */
    public Map<String, String> planProblems() {
        return planProblems;
    }

    /** Runs on the rebuild thread only ({@link SerialRebuilder}), off every lock. */
    private void rebuildPlan() {
        Workspace workspace = this.workspace;
        long revision = workspace.revision(); // before the state: the state read below is at least this new
        List<PlanBuilder.ApiStages> apis = new ArrayList<>();
        Map<String, List<Stage>> stages = new java.util.HashMap<>();
        for (ApiDefinition api : workspace.apis()) {
            String id = api.id();
            stages.put(id, workspace.stages(id));
            apis.add(new PlanBuilder.ApiStages(id, stages.get(id),
                    deploymentId -> workspace.deployment(id, deploymentId).orElse(null)));
        }
        access.update(AccessDirectory.of(workspace.state().apiKeys(), workspace.state().usagePlans(), stages), revision);
        Map<String, String> problems = new java.util.TreeMap<>();
        RuntimePlan next = plans.build(apis, workspace.defaultApiId().orElse(null), workspace.domainNames(),
                (where, e) -> {
                    problems.put(where, e.getMessage());
                    LOG.warn("stage {} is not served: {}", where, e.getMessage());
                });
        planProblems = Map.copyOf(problems);
        plan = next;
        holder.swap(traces.stripping(pipeline.serving(next)));
        rebuilds.incrementAndGet();
        for (java.util.function.Consumer<RuntimePlan> listener : planListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the served plan failed: {}", e.toString());
            }
        }
    }

    /**
     * Calls {@code listener} with each plan rebuilt from now on, on the plan-rebuild thread, after the plan is served
     * ({@link #planProblems} already describes it). A listener must be quick; its failure is logged and changes
     * nothing else. {@code gatehouse serve} uses this to say which stages a deploy made elsewhere now serves.
     */
    public void onPlanServed(java.util.function.Consumer<RuntimePlan> listener) {
        planListeners.add(Objects.requireNonNull(listener));
    }

    /** Installs the access snapshot of the workspace as it is now (cheap: keys, plans and stages only). */
    private void refreshAccess(long revision) {
        var state = workspace.state();
        Map<String, List<Stage>> stages = new java.util.HashMap<>();
        for (ApiDefinition api : state.apis()) stages.put(api.id(), state.stages(api.id()));
        access.update(AccessDirectory.of(state.apiKeys(), state.usagePlans(), stages), revision);
    }

    private static boolean affectsPlan(WorkspaceEvent event) {
        return switch (event) {
            case WorkspaceEvent.StageChanged e -> true;
            case WorkspaceEvent.DeploymentCreated e -> false;
            case WorkspaceEvent.DeploymentRemoved e -> true;
            case WorkspaceEvent.ApiChanged e -> e.after() == null;
            case WorkspaceEvent.DomainNameChanged e -> true;
            case WorkspaceEvent.SettingsChanged e -> true;
            case WorkspaceEvent.ApiKeyChanged e -> true;     // keys, plans and stage throttles apply without a deploy
            case WorkspaceEvent.UsagePlanChanged e -> true;
            default -> false;
        };
    }

    // ---- serve ---------------------------------------------------------------------------------------------

    /** Starts the local data plane (port 0 = any free port); every deployed stage is served at once. */
    public synchronized DataPlaneServer serve(String host, int port) {
        if (closed) throw new IllegalStateException("closed");
        if (server != null) throw new IllegalStateException("already serving on port " + server.port());
        DataPlaneOptions options = DataPlaneOptions.defaults(port);
        if (host != null) options = new DataPlaneOptions(host, options.port(), options.eventLoops(),
                options.maxRequestBodyBytes(), options.maxHeaderBytes(), options.maxInitialLineBytes(),
                options.inFlightBodyBudget(), options.idleTimeout(), options.backend());
        observability.start();
        server = DataPlaneServer.start(options, holder, GatewayEventListener.composite(listeners));
        return server;
    }

    /** The running server, or null. */
    public synchronized DataPlaneServer server() {
        return server;
    }

    /**
     * Invoke URLs of a stage: path style (works with any HTTP client) and host style, on the running server; null
     * when not serving.
     */
    public String invokeUrl(String apiId, String stageName) {
        DataPlaneServer s = server();
        if (s == null) return null;
        boolean isDefault = apiId.equals(plan.defaultApiId());
        return isDefault ? "http://127.0.0.1:" + s.port() + "/" + stageName
                : "http://127.0.0.1:" + s.port() + "/restapis/" + apiId + "/" + stageName + "/_user_request_";
    }

    /** The host-style invoke URL ({@code *.localhost} resolves to loopback). */
    public String hostStyleInvokeUrl(String apiId, String stageName) {
        DataPlaneServer s = server();
        return s == null ? null : "http://" + apiId + ".execute-api.localhost:" + s.port() + "/" + stageName;
    }

    /** Receives every data-plane request's events (metrics, live logs). Add before {@link #serve}. */
    public void addListener(GatewayEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Metrics, access logs and the request log of served requests (the store opens when serving starts). */
    public dev.gatehouse.engine.observe.Observability observability() {
        return observability;
    }

    // ---- observability for the console (issue 14): JSON, so clients see no observe/ types -----------------

    /** Names the source of this process's administrative edits in the audit trail ({@code console:<user>}). */
    public static void nameAuditActor(String source) {
        dev.gatehouse.engine.observe.AuditActor.setProcessDefault(source);
    }

    /** Keeps the last {@code capacity} served requests and responses for replay; call before {@link #serve}. */
    public synchronized void keepRecentRequests(int capacity) {
        if (recent == null) {
            recent = new dev.gatehouse.engine.observe.RecentRequests(capacity, 1 << 20);
            listeners.add(recent);
        }
    }

    /** A request kept by {@link #keepRecentRequests} as JSON ({@code RecentRequests#json}); empty when not kept. */
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> recentRequest(String requestId) {
        dev.gatehouse.engine.observe.RecentRequests r = recent;
        return r == null ? java.util.Optional.empty() : r.json(requestId);
    }

    /** The request log's entries matching {@code filter}, newest first, as JSON ({@code ObserveQueries#requests}). */
    public com.fasterxml.jackson.databind.node.ArrayNode requestLogJson(Map<String, String> filter) {
        return observeQueries().requests(filter);
    }

    /** A stage's or method's metrics as JSON ({@code ObserveQueries#metrics}); resolution 1 or 60 seconds. */
    public com.fasterxml.jackson.databind.node.ObjectNode metricsJson(String apiId, String stage, String method,
                                                                      long fromSecond, long toSecond, int resolution) {
        return observeQueries().metrics(apiId, stage, method, fromSecond, toSecond, resolution);
    }

    /** The audit trail's entries from {@code since} (all when null), oldest first, as its JSON lines. */
    public List<com.fasterxml.jackson.databind.JsonNode> auditJson(java.time.Instant since) {
        return observeQueries().audit(since);
    }

    /** Waits until every request served so far is in the store; false after {@code timeout} or when not serving. */
    public boolean flushObservations(Duration timeout) {
        return observability.flush(timeout);
    }

    private dev.gatehouse.engine.observe.ObserveQueries observeQueries() {
        return new dev.gatehouse.engine.observe.ObserveQueries(observability,
                dev.gatehouse.engine.observe.AuditTrail.ofWorkspace(workspace.root()));
    }

    /** The execution log of a served request sent with {@code X-Gatehouse-Trace: id} (see {@link ConsoleTraces}). */
    public java.util.Optional<String> tracedLog(String id) {
        return traces.log(id);
    }

    // ---- test invoke ---------------------------------------------------------------------------------------

    /** Runs a method of the draft in-process (AWS TestInvokeMethod). */
    public TestInvokeResult testInvoke(String apiId, String resourceId, String httpMethod, TestInvokeRequest request) {
        ApiDefinition api = workspace.api(apiId).orElseThrow(() -> DefinitionException.notFound(
                "Invalid API identifier specified 123456789012:" + apiId));
        return testInvoker.invoke(api, resourceId, httpMethod, request, null);
    }

    /**
     * AWS TestInvokeAuthorizer: runs authorizer {@code authorizerId} of the draft of {@code apiId} against a
     * simulated caller (see {@link dev.gatehouse.engine.access.AuthorizerTester}). Blocking (may run a local
     * function); any thread but the FX thread.
     *
     * @throws DefinitionException 404 for an unknown API ("Invalid API identifier specified …") or authorizer
     *                             ("Invalid Authorizer identifier specified")
     */
    public dev.gatehouse.engine.invoke.AuthorizerTestResult testInvokeAuthorizer(
            String apiId, String authorizerId, dev.gatehouse.engine.invoke.AuthorizerTestRequest request) {
        ApiDefinition api = workspace.api(apiId).orElseThrow(() -> DefinitionException.notFound(
                "Invalid API identifier specified 123456789012:" + apiId));
        dev.gatehouse.engine.model.Authorizer authorizer = api.authorizer(authorizerId).orElseThrow(
                () -> DefinitionException.notFound("Invalid Authorizer identifier specified"));
        return new dev.gatehouse.engine.access.AuthorizerTester(trust,
                new dev.gatehouse.engine.functions.LocalAuthorizerFunctions(functions), clock).test(api, authorizer, request);
    }

    /** The user pool ARNs the workspace's {@code user-pools.json} configures (see {@link dev.gatehouse.engine.access.LocalUserPool}). */
    public List<String> userPoolArns() {
        return dev.gatehouse.engine.access.LocalUserPool.arns(workspace.root());
    }

    /** Makes {@code user-pools.json} trust the workspace signing key under the local pool ARN; returns that ARN. */
    public String trustWorkspaceKey() {
        return dev.gatehouse.engine.access.LocalUserPool.trust(workspace.root());
    }

    /**
     * Stops following the disk, closes the workspace to edits, lets a pending plan rebuild finish, stops the data plane (up to 5 s for requests in
     * flight), closes the test-invoke client and the workspace. Idempotent; safe from any thread while deploys run
     * (they then fail with {@link IllegalStateException}). Holds no lock while it waits.
     */
    @Override public void close() {
        DataPlaneServer s;
        synchronized (this) {
            if (closed) return;
            closed = true;
            s = server;
            server = null;
        }
        // the workspace first: it waits for an edit being written and refuses the next, so every edit that landed
        // has asked for its rebuild, and the rebuilder runs that before it stops
        workspace.close();
        rebuilder.close();
        if (s != null) s.close(Duration.ofSeconds(5));
        observability.close(); // after the data plane: every finished request is written
        access.close(); // after the data plane: every admitted request is counted and saved
        functions.close();
        synchronized (backendLock) {
            if (invokeBackend != null) invokeBackend.close();
            if (clientVertx != null) clientVertx.close();
            invokeBackend = null;
            clientVertx = null;
        }
    }
}
