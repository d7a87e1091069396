package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Problem;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.DocKey.ApiDoc;
import dev.gatehouse.engine.workspace.DocKey.ApiKeyDoc;
import dev.gatehouse.engine.workspace.DocKey.DeploymentDoc;
import dev.gatehouse.engine.workspace.DocKey.DomainNameDoc;
import dev.gatehouse.engine.workspace.DocKey.SettingsDoc;
import dev.gatehouse.engine.workspace.DocKey.StageDoc;
import dev.gatehouse.engine.workspace.DocKey.UsagePlanDoc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The edits behind {@link Edit}'s factories, with AWS's checks and messages. */
final class StandardEdits {
    private static final SettingsDoc SETTINGS = new SettingsDoc();

    private StandardEdits() {}

    /** An edit given by its description and planning function. */
    private record Planned(String description, Function<WorkspaceState, List<Change<?>>> planner) implements Edit {
        @Override public List<Change<?>> plan(WorkspaceState state) {
            return planner.apply(state);
        }

        @Override public String toString() {
            return "Edit{" + description + "}";
        }
    }

    // ---- APIs ------------------------------------------------------------------------------------------------

    static Edit createApi(ApiDefinition api) {
        Objects.requireNonNull(api, "api");
        return new Planned("Create API " + api.name(), state -> {
            checkId(api.id(), "API id");
            if (state.api(api.id()).isPresent()) throw DefinitionException.conflict("API already exists: " + api.id());
            checkDefinition(api);
            return List.of(Change.of(new ApiDoc(api.id()), null, api));
        });
    }

    static Edit replaceApi(ApiDefinition api) {
        Objects.requireNonNull(api, "api");
        return new Planned("Change API " + api.name(), state -> {
            ApiDefinition before = requireApi(state, api.id());
            checkDefinition(api);
            return List.of(Change.of(new ApiDoc(api.id()), before, api));
        });
    }

    static Edit deleteApi(String apiId) {
        return new Planned("Delete API " + apiId, state -> {
            ApiDefinition before = requireApi(state, apiId);
            List<Change<?>> changes = new ArrayList<>();
            changes.add(Change.of(new ApiDoc(apiId), before, null));
            for (DocKey<?> child : state.apiChildren(apiId)) changes.add(removal(state, child));
            if (apiId.equals(state.settings().defaultApiId())) {
                changes.add(Change.of(SETTINGS, state.settings(), state.settings().withDefaultApiId(null)));
            }
            return changes;
        });
    }

    static Edit setDefaultApi(String apiIdOrNull) {
        return new Planned(apiIdOrNull == null ? "Clear default API" : "Set default API to " + apiIdOrNull, state -> {
            if (apiIdOrNull != null) requireApi(state, apiIdOrNull);
            return List.of(Change.of(SETTINGS, state.settings(), state.settings().withDefaultApiId(apiIdOrNull)));
        });
    }

    // ---- stages and deployments ------------------------------------------------------------------------------

    static Edit putStage(String apiId, Stage stage) {
        Objects.requireNonNull(stage, "stage");
        return new Planned("Save stage " + stage.stageName(), state -> {
            requireApi(state, apiId);
            checkStage(state, apiId, stage);
            StageDoc key = new StageDoc(apiId, stage.stageName());
            return List.of(Change.of(key, state.get(key), stage));
        });
    }

    static Edit deleteStage(String apiId, String stageName) {
        return new Planned("Delete stage " + stageName, state -> {
            requireApi(state, apiId);
            Stage before = requireStage(state, apiId, stageName);
            return List.of(Change.of(new StageDoc(apiId, stageName), before, null));
        });
    }

    static Edit deleteDeployment(String apiId, String deploymentId) {
        return new Planned("Delete deployment " + deploymentId, state -> {
            requireApi(state, apiId);
            checkDeployment(state, apiId, deploymentId);
            for (Stage stage : state.stages(apiId)) {
                boolean canary = stage.canarySettings() != null && deploymentId.equals(stage.canarySettings().deploymentId());
                if (deploymentId.equals(stage.deploymentId()) || canary) {
                    throw DefinitionException.badRequest("Active stages pointing to this deployment must be moved or deleted");
                }
            }
            return List.of(removal(state, new DeploymentDoc(apiId, deploymentId)));
        });
    }

    static Edit describeDeployment(String apiId, String deploymentId, String description) {
        return new Planned("Describe deployment " + deploymentId, state -> {
            requireApi(state, apiId);
            checkDeployment(state, apiId, deploymentId);
            DeploymentDoc key = new DeploymentDoc(apiId, deploymentId);
            DeploymentSnapshot before = state.get(key);
            Deployment d = before.deployment();
            return List.of(Change.of(key, before,
                    new DeploymentSnapshot(new Deployment(d.id(), description, d.createdDate()), before.api())));
        });
    }

    static Edit renameStage(String apiId, String from, String to, Instant now) {
        return new Planned("Rename stage " + from + " to " + to, state -> {
            requireApi(state, apiId);
            Stage before = requireStage(state, apiId, from);
            if (state.stage(apiId, to).isPresent()) throw DefinitionException.conflict("Stage already exists");
            Stage renamed = renamed(before, to, now.getEpochSecond());
            checkStage(state, apiId, renamed);
            return List.of(Change.of(new StageDoc(apiId, to), null, renamed),
                    Change.of(new StageDoc(apiId, from), before, null));
        });
    }

    static Edit deploy(String apiId, DeploymentSnapshot snapshot, Stage stage) {
        Objects.requireNonNull(snapshot, "snapshot");
        String id = snapshot.deployment().id();
        String description = stage != null ? "Deploy " + snapshot.api().name() + " to " + stage.stageName() : "Create deployment " + id;
        return new Planned(description, state -> planDeployment(state, apiId, snapshot, stage));
    }

    static Edit deployDraft(String apiId, Deployment deployment, String stageName, Instant now) {
        Objects.requireNonNull(deployment, "deployment");
        String description = stageName != null ? "Deploy to " + stageName : "Create deployment " + deployment.id();
        return new Planned(description, state -> {
            DeploymentSnapshot snapshot = new DeploymentSnapshot(deployment, requireApi(state, apiId));
            Stage stage = null;
            if (stageName != null) {
                long at = now.getEpochSecond();
                stage = state.stage(apiId, stageName).map(s -> s.withDeploymentId(deployment.id(), at))
                        .orElseGet(() -> Stage.of(stageName, deployment.id(), at));
            }
            return planDeployment(state, apiId, snapshot, stage);
        });
    }

    static Edit deploySnapshot(String apiId, DeploymentSnapshot snapshot, String stageName,
                               java.util.Map<String, String> variables, Instant now) {
        Objects.requireNonNull(snapshot, "snapshot");
        String id = snapshot.deployment().id();
        String description = stageName != null ? "Deploy to " + stageName : "Create deployment " + id;
        return new Planned(description, state -> {
            Stage stage = null;
            if (stageName != null) {
                long at = now.getEpochSecond();
                stage = state.stage(apiId, stageName).map(s -> s.withDeploymentId(id, at))
                        .orElseGet(() -> Stage.of(stageName, id, at));
                if (!variables.isEmpty()) {
                    java.util.Map<String, String> merged = new java.util.TreeMap<>(stage.variables());
                    merged.putAll(variables);
                    stage = stage.withVariables(merged, at);
                }
            }
            return planDeployment(state, apiId, snapshot, stage);
        });
    }

    private static List<Change<?>> planDeployment(WorkspaceState state, String apiId, DeploymentSnapshot snapshot, Stage stage) {
        requireApi(state, apiId);
        String id = snapshot.deployment().id();
        checkId(id, "deployment id");
        if (!apiId.equals(snapshot.api().id())) {
            throw DefinitionException.badRequest("Deployment " + id + " holds API " + snapshot.api().id() + ", not " + apiId);
        }
        DeploymentDoc deploymentKey = new DeploymentDoc(apiId, id);
        if (state.get(deploymentKey) != null) throw DefinitionException.conflict("Deployment already exists: " + id);
        List<Change<?>> changes = new ArrayList<>();
        changes.add(new Change<>(deploymentKey, null, snapshot, true));
        if (stage != null) {
            if (!id.equals(stage.deploymentId())) {
                throw DefinitionException.badRequest("Stage " + stage.stageName() + " must point at the new deployment " + id);
            }
            checkStage(state.with(deploymentKey, snapshot), apiId, stage);
            StageDoc stageKey = new StageDoc(apiId, stage.stageName());
            changes.add(Change.of(stageKey, state.get(stageKey), stage));
        }
        return changes;
    }

    // ---- keys, plans, domains --------------------------------------------------------------------------------

    static Edit putApiKey(ApiKey key) {
        Objects.requireNonNull(key, "key");
        return new Planned("Save API key " + nameOr(key.name(), key.id()), state -> {
            checkId(key.id(), "API key id");
            if (key.value() != null) {
                for (ApiKey other : state.apiKeys()) {
                    if (!other.id().equals(key.id()) && key.value().equals(other.value())) {
                        throw DefinitionException.conflict("API Key value already exists");
                    }
                }
            }
            ApiKeyDoc doc = new ApiKeyDoc(key.id());
            return List.of(Change.of(doc, state.get(doc), key));
        });
    }

    static Edit deleteApiKey(String id) {
        return new Planned("Delete API key " + id, state -> {
            ApiKey before = state.apiKey(id).orElseThrow(() -> DefinitionException.notFound("Invalid API Key identifier specified"));
            List<Change<?>> changes = new ArrayList<>();
            for (UsagePlan plan : state.usagePlans()) {
                if (plan.keyIds().contains(id)) {
                    List<String> keys = plan.keyIds().stream().filter(k -> !k.equals(id)).toList();
                    UsagePlan after = new UsagePlan(plan.id(), plan.name(), plan.description(), plan.apiStages(),
                            plan.throttle(), plan.quota(), plan.productCode(), plan.tags(), keys);
                    changes.add(Change.of(new UsagePlanDoc(plan.id()), plan, after));
                }
            }
            changes.add(Change.of(new ApiKeyDoc(id), before, null));
            return changes;
        });
    }

    static Edit putUsagePlan(UsagePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return new Planned("Save usage plan " + nameOr(plan.name(), plan.id()), state -> {
            checkId(plan.id(), "usage plan id");
            for (UsagePlan.ApiStage apiStage : plan.apiStages()) {
                requireApi(state, apiStage.apiId());
                requireStage(state, apiStage.apiId(), apiStage.stage());
            }
            for (String keyId : plan.keyIds()) {
                if (state.apiKey(keyId).isEmpty()) throw DefinitionException.notFound("Invalid API Key identifier specified");
            }
            UsagePlanDoc doc = new UsagePlanDoc(plan.id());
            return List.of(Change.of(doc, state.get(doc), plan));
        });
    }

    static Edit deleteUsagePlan(String id) {
        return new Planned("Delete usage plan " + id, state -> {
            UsagePlan before = state.usagePlan(id).orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
            return List.of(Change.of(new UsagePlanDoc(id), before, null));
        });
    }

    static Edit putDomainName(DomainName domainName) {
        Objects.requireNonNull(domainName, "domainName");
        return new Planned("Save domain name " + domainName.domainName(), state -> {
            checkId(domainName.domainName(), "domain name");
            Map<String, DomainName.BasePathMapping> seen = new LinkedHashMap<>();
            for (DomainName.BasePathMapping mapping : domainName.basePathMappings()) {
                requireApi(state, mapping.restApiId());
                String basePath = mapping.basePath() == null || mapping.basePath().isEmpty() ? "(none)" : mapping.basePath();
                if (seen.put(basePath, mapping) != null) throw DefinitionException.conflict("Base path already exists for this domain name");
            }
            DomainNameDoc doc = new DomainNameDoc(domainName.domainName());
            return List.of(Change.of(doc, state.get(doc), domainName));
        });
    }

    static Edit deleteDomainName(String domainName) {
        return new Planned("Delete domain name " + domainName, state -> {
            DomainName before = state.domainName(domainName)
                    .orElseThrow(() -> DefinitionException.notFound("Invalid domain name identifier specified"));
            return List.of(Change.of(new DomainNameDoc(domainName), before, null));
        });
    }

    // ---- composition -----------------------------------------------------------------------------------------

    static Edit all(String description, List<Edit> edits) {
        List<Edit> steps = List.copyOf(edits);
        return new Planned(description, state -> {
            Map<DocKey<?>, Change<?>> merged = new LinkedHashMap<>();
            WorkspaceState current = state;
            for (Edit step : steps) {
                List<Change<?>> changes = step.plan(current);
                for (Change<?> change : changes) merged.merge(change.key(), change, StandardEdits::merge);
                current = current.withChanges(changes);
            }
            return List.copyOf(merged.values());
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Change<?> merge(Change<?> first, Change<?> second) {
        return new Change(first.key(), first.before(), second.after(), first.permanent() || second.permanent());
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    static ApiDefinition requireApi(WorkspaceState state, String apiId) {
        return state.api(apiId).orElseThrow(() -> DefinitionException.notFound("Invalid API identifier specified " + apiId));
    }

    private static Stage requireStage(WorkspaceState state, String apiId, String stageName) {
        return state.stage(apiId, stageName).orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
    }

    private static void checkStage(WorkspaceState state, String apiId, Stage stage) {
        DefinitionValidator.checkStageName(stage.stageName());
        DefinitionValidator.checkStageVariables(stage.variables());
        checkDeployment(state, apiId, stage.deploymentId());
        if (stage.canarySettings() != null && stage.canarySettings().deploymentId() != null) {
            checkDeployment(state, apiId, stage.canarySettings().deploymentId());
        }
    }

    private static void checkDeployment(WorkspaceState state, String apiId, String deploymentId) {
        if (deploymentId != null && state.deployment(apiId, deploymentId).isEmpty()) {
            throw DefinitionException.notFound("Invalid Deployment identifier specified");
        }
    }

    /** Refuses a definition the next open would quarantine: what we write must read back clean. */
    private static void checkDefinition(ApiDefinition api) {
        checkId(api.id(), "API id");
        List<Problem> problems = DefinitionValidator.validate(api);
        if (problems.isEmpty()) return;
        Problem first = problems.getFirst();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        throw new DefinitionException(first.kind(), first.message() + " at " + first.pointer() + more);
    }

    private static void checkId(String id, String what) {
        if (!Layout.isValidSegment(id)) {
            throw DefinitionException.badRequest("Invalid " + what + ": " + id + " (letters, digits, . _ - only)");
        }
    }

    private static <T> Change<T> removal(WorkspaceState state, DocKey<T> key) {
        return Change.of(key, state.get(key), null);
    }

    private static String nameOr(String name, String id) {
        return name != null && !name.isBlank() ? name : id;
    }

    private static Stage renamed(Stage s, String name, long now) {
        return new Stage(name, s.description(), s.deploymentId(), s.clientCertificateId(), s.cacheClusterEnabled(),
                s.cacheClusterSize(), s.cacheClusterStatus(), s.methodSettings(), s.variables(), s.documentationVersion(),
                s.accessLogSettings(), s.canarySettings(), s.tracingEnabled(), s.webAclArn(), s.tags(), s.createdDate(), now);
    }
}
