package dev.gatehouse.app;

import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.sdk.StageDocument;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** An in-memory {@link WorkspaceSession} with undo and redo, for ViewModel tests without disk or toolkit. */
public final class FakeSession implements WorkspaceSession {
    private record Step(String description, Map<String, ApiDefinition> before, Map<String, ApiDefinition> after) {}

    private Map<String, ApiDefinition> apis = new TreeMap<>();
    private final Map<String, List<Stage>> stages = new TreeMap<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    public boolean closed;
    /** What {@link #accessWarnings} answers, for every API and method. */
    public List<String> accessWarnings = List.of();
    private String defaultApi;

    public FakeSession(ApiDefinition... initial) {
        for (ApiDefinition api : initial) apis.put(api.id(), api);
    }

    /** A PetStore-like API: / with GET (MOCK), /pets with GET, /pets/{petId}. */
    public static ApiDefinition petStore() {
        ApiDefinition api = ApiDefinition.create("pets01", "PetStore", Instant.EPOCH);
        api = api.addResource(api.root().id(), "pets", "r-pets");
        api = api.addResource("r-pets", "{petId}", "r-petid");
        api = api.updateResource("r-pets", r -> r.withMethod(dev.gatehouse.engine.model.Method.of("GET")
                .withIntegration(dev.gatehouse.engine.model.Integration.mock())));
        return api;
    }

    public void putStages(String apiId, List<Stage> list) {
        stages.put(apiId, List.copyOf(list));
    }

    @Override public Path root() { return Path.of("/tmp/fake-workspace"); }

    @Override public String name() { return "Fake"; }

    /** How often the console has read the list of APIs (each read of the whole workspace reads it once). */
    public int apisReads;

    @Override public List<ApiDefinition> apis() {
        apisReads++;
        return new ArrayList<>(apis.values());
    }

    @Override public Optional<ApiDefinition> api(String apiId) { return Optional.ofNullable(apis.get(apiId)); }

    @Override
    public Optional<String> defaultApiId() {
        return defaultApi != null ? Optional.of(defaultApi) : apis.keySet().stream().findFirst();
    }

    @Override public List<Stage> stages(String apiId) { return stages.getOrDefault(apiId, List.of()); }

    @Override public List<DeploymentSnapshot> deployments(String apiId) { return List.of(); }

    @Override
    public ApiDefinition updateApi(String apiId, String description, UnaryOperator<ApiDefinition> change) {
        ApiDefinition after = change.apply(apis.get(apiId));
        Map<String, ApiDefinition> next = new TreeMap<>(apis);
        next.put(apiId, after);
        record(description, next);
        return after;
    }

    @Override
    public ApiDefinition createApi(String name) {
        ApiDefinition api = ApiDefinition.create("api" + (apis.size() + 1), name, Instant.EPOCH);
        Map<String, ApiDefinition> next = new TreeMap<>(apis);
        next.put(api.id(), api);
        record("Create API " + name, next);
        return api;
    }

    @Override
    public void deleteApi(String apiId, String description) {
        Map<String, ApiDefinition> next = new TreeMap<>(apis);
        next.remove(apiId);
        stages.remove(apiId);
        if (apiId.equals(defaultApi)) defaultApi = null;
        record(description, next);
    }

    @Override
    public void deleteStage(String apiId, String stageName, String description) {
        List<Stage> list = new ArrayList<>(stages(apiId));
        if (!list.removeIf(st -> st.stageName().equals(stageName))) throw DefinitionException.notFound("Invalid stage identifier specified");
        stages.put(apiId, List.copyOf(list));
        fire();
    }

    @Override public List<dev.gatehouse.engine.model.DomainName> domainNames() { return List.of(); }

    private void record(String description, Map<String, ApiDefinition> next) {
        if (next.equals(apis)) return;
        undo.push(new Step(description, apis, next));
        redo.clear();
        apis = next;
        fire();
    }

    @Override public Optional<String> undoDescription() { return Optional.ofNullable(undo.peek()).map(Step::description); }

    @Override public Optional<String> redoDescription() { return Optional.ofNullable(redo.peek()).map(Step::description); }

    @Override
    public boolean undo() {
        Step step = undo.poll();
        if (step == null) return false;
        redo.push(step);
        apis = step.before();
        fire();
        return true;
    }

    @Override
    public boolean redo() {
        Step step = redo.poll();
        if (step == null) return false;
        undo.push(step);
        apis = step.after();
        fire();
        return true;
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public void updateStage(String apiId, String stageName, String description, UnaryOperator<Stage> change) {
        List<Stage> list = new ArrayList<>(stages(apiId));
        int at = -1;
        for (int i = 0; i < list.size(); i++) if (list.get(i).stageName().equals(stageName)) at = i;
        if (at < 0) throw DefinitionException.notFound("Invalid stage identifier specified");
        list.set(at, change.apply(list.get(at)));
        stages.put(apiId, List.copyOf(list));
        fire();
    }

    @Override
    public void updateApiAndDefault(String apiId, String description, UnaryOperator<ApiDefinition> change, boolean makeDefault) {
        if (change != null) updateApi(apiId, description, change);
        defaultApi = makeDefault ? apiId : null;
    }

    @Override
    public ApiDefinition storeImported(ApiDefinition api, boolean asNew, String description) {
        Map<String, ApiDefinition> next = new TreeMap<>(apis);
        next.put(api.id(), api);
        record(description, next);
        return api;
    }

    // What needs the engine (deploy, the data plane, test invoke, export) is not faked: tests of those features
    // run on Harness.sample() or Harness.empty().

    @Override
    public DeploymentSnapshot deploy(String apiId, String stageName, String description) {
        throw new UnsupportedOperationException("FakeSession does not deploy: use Harness.empty()");
    }

    @Override
    public void rollback(String apiId, String stageName, String deploymentId) {
        throw new UnsupportedOperationException("FakeSession does not roll back: use Harness.empty()");
    }

    @Override public List<String> accessWarnings(String apiId) { return accessWarnings; }

    @Override
    public List<String> accessWarnings(String apiId, String resourceId, String httpMethod) {
        return accessWarnings;
    }

    @Override
    public int serve(String host, int preferredPort) {
        throw new UnsupportedOperationException("FakeSession does not serve: use Harness.empty()");
    }

    @Override public Optional<String> invokeUrl(String apiId, String stageName) { return Optional.empty(); }

    @Override
    public TestInvokeResult testInvoke(String apiId, String resourceId, String httpMethod, TestInvokeRequest request) {
        throw new UnsupportedOperationException("FakeSession does not invoke: use Harness.sample()");
    }

    @Override
    public StageDocument stageDocument(String apiId, String stageName, String baseUrl) {
        throw new UnsupportedOperationException("FakeSession does not export: use Harness.sample()");
    }

    @Override public void addChangeListener(Runnable listener) { listeners.add(listener); }

    @Override public void removeChangeListener(Runnable listener) { listeners.remove(listener); }

    @Override public void close() { closed = true; }
}
