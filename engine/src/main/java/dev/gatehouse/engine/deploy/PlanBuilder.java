package dev.gatehouse.engine.deploy;

import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.DomainMappings;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the {@link RuntimePlan} for a set of APIs and their stages. Each deployment is compiled once and reused
 * by every stage, canary and later plan that points at it (deployments are immutable, so a cached entry is never
 * stale); each {@link #build} evicts the deployments no stage or canary of the new plan references, so the cache
 * holds what is served (plus a deployment compiled for a deploy that has not landed yet). Thread-safe; called on
 * deploy, rollback and workspace open — never on the request path.
 */
public final class PlanBuilder {

    /** One API's stages and a way to load the deployments they point at. */
    public record ApiStages(String apiId, List<Stage> stages, Function<String, DeploymentSnapshot> deployments) {}

    private final DeploymentCompiler compiler;
    private final Map<String, CompiledDeployment> compiled = new ConcurrentHashMap<>();
    /** When each entry was compiled ({@link #nanoTime}), to spare a deploy's fresh compile from eviction. */
    private final Map<String, Long> compiledAt = new ConcurrentHashMap<>();
    private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final java.util.function.LongSupplier nanoTime;

    public PlanBuilder(DeploymentCompiler compiler) {
        this(compiler, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests pass their own) */
    PlanBuilder(DeploymentCompiler compiler, java.util.function.LongSupplier nanoTime) {
        this.compiler = compiler;
        this.nanoTime = nanoTime;
    }

    /** The compiled form of a deployment, compiling it on first use. */
    public CompiledDeployment compiled(String apiId, DeploymentSnapshot snapshot) {
        String key = apiId + "/" + snapshot.deployment().id();
        CompiledDeployment hit = compiled.get(key);
        if (hit != null) return hit;
        CompiledDeployment fresh = compiler.compile(snapshot);
        compiledAt.putIfAbsent(key, nanoTime.getAsLong());
        CompiledDeployment raced = compiled.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /** A stage's plan: its deployment's routes with the stage's variables, plus the canary if one is set. */
    public StagePlan stagePlan(String apiId, Stage stage, Function<String, DeploymentSnapshot> deployments) {
        CompiledDeployment main = compiled(apiId, load(stage.deploymentId(), stage, deployments));
        StagePlan canary = null;
        double percent = 0;
        Stage.CanarySettings cs = stage.canarySettings();
        if (cs != null && cs.deploymentId() != null && cs.percentTraffic() != null && cs.percentTraffic() > 0) {
            CompiledDeployment canaryDeployment = compiled(apiId, load(cs.deploymentId(), stage, deployments));
            Map<String, String> variables = new HashMap<>(stage.variables());
            variables.putAll(cs.stageVariableOverrides());
            canary = new StagePlan(stage.stageName(), canaryDeployment.deploymentId(), variables, canaryDeployment.routes());
            percent = Math.min(100.0, cs.percentTraffic());
        }
        return new StagePlan(stage.stageName(), main.deploymentId(), stage.variables(), main.routes(), canary, percent);
    }

    private static DeploymentSnapshot load(String deploymentId, Stage stage, Function<String, DeploymentSnapshot> deployments) {
        DeploymentSnapshot snapshot = deploymentId == null ? null : deployments.apply(deploymentId);
        if (snapshot == null) {
            throw DefinitionException.notFound("Invalid Deployment identifier specified: stage " + stage.stageName()
                    + " points at " + deploymentId);
        }
        return snapshot;
    }

    /**
     * The whole plan. A stage that cannot be compiled is left out and reported to {@code onError} (the rest still
     * serve); an API's gateway responses come from its most recent deployed snapshot.
     */
    public RuntimePlan build(List<ApiStages> apis, String defaultApiId, List<DomainName> domains,
                             java.util.function.BiConsumer<String, RuntimeException> onError) {
        Map<String, ApiPlan> plans = new LinkedHashMap<>();
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (ApiStages api : apis) {
            for (Stage stage : api.stages()) {
                referenced.add(api.apiId() + "/" + stage.deploymentId());
                Stage.CanarySettings cs = stage.canarySettings();
                if (cs != null && cs.deploymentId() != null) referenced.add(api.apiId() + "/" + cs.deploymentId());
            }
        }
        for (ApiStages api : apis) {
            Map<String, StagePlan> stages = new LinkedHashMap<>();
            CompiledDeployment newest = null;
            for (Stage stage : api.stages()) {
                try {
                    StagePlan plan = stagePlan(api.apiId(), stage, api.deployments());
                    stages.put(stage.stageName(), plan);
                    CompiledDeployment c = compiled.get(api.apiId() + "/" + stage.deploymentId());
                    if (c != null && (newest == null || created(c) > created(newest))) newest = c;
                } catch (RuntimeException e) {
                    onError.accept(api.apiId() + "/" + stage.stageName(), e);
                }
            }
            if (stages.isEmpty()) continue;
            GatewayResponses responses = newest == null ? GatewayResponses.builtIn() : newest.gatewayResponses();
            plans.put(api.apiId(), new ApiPlan(api.apiId(), responses, stages));
        }
        evictAllBut(referenced);
        String defaultId = defaultApiId != null && plans.containsKey(defaultApiId) ? defaultApiId : null;
        return new RuntimePlan(plans, defaultId, domainMappings(domains));
    }

    private static long created(CompiledDeployment c) {
        Long t = c.snapshot().deployment().createdDate();
        return t == null ? 0 : t;
    }

    private static DomainMappings domainMappings(List<DomainName> domains) {
        Map<String, Map<String, DomainMappings.ApiStage>> table = new HashMap<>();
        for (DomainName d : domains) {
            Map<String, DomainMappings.ApiStage> byBase = new HashMap<>();
            for (DomainName.BasePathMapping m : d.basePathMappings()) {
                String base = m.basePath() == null || m.basePath().isEmpty() || "(none)".equals(m.basePath()) ? "" : m.basePath();
                byBase.put(base, new DomainMappings.ApiStage(m.restApiId(), m.stage()));
            }
            table.put(d.domainName().toLowerCase(java.util.Locale.ROOT), byBase);
        }
        return DomainMappings.of(table);
    }

    /**
     * Drops compiled deployments not in {@code keep}, except one compiled moments ago: a deploy compiles its
     * snapshot before the edit that stores it lands, and a rebuild running in between must not throw that work
     * away (it would only be compiled again).
     */
    private void evictAllBut(java.util.Set<String> keep) {
        long now = nanoTime.getAsLong();
        compiled.entrySet().removeIf(e -> !keep.contains(e.getKey())
                && now - compiledAt.getOrDefault(e.getKey(), now) > FRESH_NANOS);
        compiledAt.keySet().retainAll(compiled.keySet());
    }

    /** How many compiled deployments are cached (for tests and diagnostics). */
    public int cachedDeployments() {
        return compiled.size();
    }

    /** Forgets compiled deployments of an API (after it is deleted). */
    public void forget(String apiId) {
        compiled.keySet().removeIf(k -> k.startsWith(apiId + "/"));
    }
}
