package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a workspace holds, as one immutable value: what {@link Workspace#state()} returns and what an
 * {@link Edit} plans against. Reading it needs no lock and sees one consistent moment; an edit produces a new
 * state ({@link #with}) sharing everything it did not change.
 */
public final class WorkspaceState {
    private static final Comparator<String> BY_TEXT = Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);

    private final WorkspaceSettings settings;
    private final Map<String, ApiDefinition> apis;
    private final Map<String, Map<String, Stage>> stages;
    private final Map<String, Map<String, DeploymentSnapshot>> deployments;
    private final Map<String, ApiKey> apiKeys;
    private final Map<String, UsagePlan> usagePlans;
    private final Map<String, DomainName> domainNames;

    /** Takes the maps as they are: callers pass maps nobody else holds or changes (see {@link #of}). */
    private WorkspaceState(WorkspaceSettings settings, Map<String, ApiDefinition> apis, Map<String, Map<String, Stage>> stages,
                           Map<String, Map<String, DeploymentSnapshot>> deployments, Map<String, ApiKey> apiKeys,
                           Map<String, UsagePlan> usagePlans, Map<String, DomainName> domainNames) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apis = apis;
        this.stages = stages;
        this.deployments = deployments;
        this.apiKeys = apiKeys;
        this.usagePlans = usagePlans;
        this.domainNames = domainNames;
    }

    /** A state holding copies of these maps (keyed by id; nested maps keyed by API id, then name or id). */
    static WorkspaceState of(WorkspaceSettings settings, Map<String, ApiDefinition> apis, Map<String, Map<String, Stage>> stages,
                             Map<String, Map<String, DeploymentSnapshot>> deployments, Map<String, ApiKey> apiKeys,
                             Map<String, UsagePlan> usagePlans, Map<String, DomainName> domainNames) {
        return new WorkspaceState(settings, frozen(apis), frozenNested(stages), frozenNested(deployments),
                frozen(apiKeys), frozen(usagePlans), frozen(domainNames));
    }

    /** An empty workspace with these settings. */
    static WorkspaceState empty(WorkspaceSettings settings) {
        return new WorkspaceState(settings, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    public WorkspaceSettings settings() {
        return settings;
    }

    /** The API marked default in {@code workspace.json}, if any. */
    public Optional<String> defaultApiId() {
        return Optional.ofNullable(settings.defaultApiId());
    }

    /** The API that plain {@code /{stage}/...} URLs reach: the marked one, else the only one, else none. */
    public Optional<String> effectiveDefaultApiId() {
        if (settings.defaultApiId() != null && apis.containsKey(settings.defaultApiId())) return defaultApiId();
        return apis.size() == 1 ? Optional.of(apis.keySet().iterator().next()) : Optional.empty();
    }

    /** Every API, by name (case-insensitive), then id. */
    public List<ApiDefinition> apis() {
        return apis.values().stream()
                .sorted(Comparator.comparing(ApiDefinition::name, BY_TEXT).thenComparing(ApiDefinition::id)).toList();
    }

    public Optional<ApiDefinition> api(String apiId) {
        return Optional.ofNullable(apis.get(apiId));
    }

    /** The API's stages by name. */
    public List<Stage> stages(String apiId) {
        return List.copyOf(stages.getOrDefault(apiId, Map.of()).values());
    }

    public Optional<Stage> stage(String apiId, String stageName) {
        return Optional.ofNullable(stages.getOrDefault(apiId, Map.of()).get(stageName));
    }

    /** The API's deployments, oldest first (by createdDate, then id). */
    public List<DeploymentSnapshot> deployments(String apiId) {
        return deployments.getOrDefault(apiId, Map.of()).values().stream()
                .sorted(Comparator.comparing((DeploymentSnapshot d) -> d.deployment().createdDate(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(d -> d.deployment().id()))
                .toList();
    }

    public Optional<DeploymentSnapshot> deployment(String apiId, String deploymentId) {
        return Optional.ofNullable(deployments.getOrDefault(apiId, Map.of()).get(deploymentId));
    }

    /** API keys by name (case-insensitive), then id. */
    public List<ApiKey> apiKeys() {
        return apiKeys.values().stream().sorted(Comparator.comparing(ApiKey::name, BY_TEXT).thenComparing(ApiKey::id)).toList();
    }

    public Optional<ApiKey> apiKey(String id) {
        return Optional.ofNullable(apiKeys.get(id));
    }

    /** Usage plans by name (case-insensitive), then id. */
    public List<UsagePlan> usagePlans() {
        return usagePlans.values().stream()
                .sorted(Comparator.comparing(UsagePlan::name, BY_TEXT).thenComparing(UsagePlan::id)).toList();
    }

    public Optional<UsagePlan> usagePlan(String id) {
        return Optional.ofNullable(usagePlans.get(id));
    }

    /** Custom domain names, alphabetically. */
    public List<DomainName> domainNames() {
        return List.copyOf(domainNames.values());
    }

    public Optional<DomainName> domainName(String domainName) {
        return Optional.ofNullable(domainNames.get(domainName));
    }

    // ---- documents -------------------------------------------------------------------------------------------

    /** The value stored under a document key, or null when the document does not exist. */
    public <T> T get(DocKey<T> key) {
        Object value = switch (key) {
            case DocKey.SettingsDoc s -> settings;
            case DocKey.ApiDoc a -> apis.get(a.apiId());
            case DocKey.StageDoc s -> stages.getOrDefault(s.apiId(), Map.of()).get(s.stageName());
            case DocKey.DeploymentDoc d -> deployments.getOrDefault(d.apiId(), Map.of()).get(d.deploymentId());
            case DocKey.ApiKeyDoc k -> apiKeys.get(k.id());
            case DocKey.UsagePlanDoc u -> usagePlans.get(u.id());
            case DocKey.DomainNameDoc d -> domainNames.get(d.domainName());
        };
        return key.type().cast(value);
    }

    /** A state with the document set to {@code value} (null removes it; settings cannot be removed). */
    public <T> WorkspaceState with(DocKey<T> key, T value) {
        WorkspaceSettings s = settings;
        Map<String, ApiDefinition> a = apis;
        Map<String, Map<String, Stage>> st = stages;
        Map<String, Map<String, DeploymentSnapshot>> d = deployments;
        Map<String, ApiKey> k = apiKeys;
        Map<String, UsagePlan> u = usagePlans;
        Map<String, DomainName> dn = domainNames;
        switch (key) {
            case DocKey.SettingsDoc x -> s = (WorkspaceSettings) Objects.requireNonNull(value, "workspace settings cannot be removed");
            case DocKey.ApiDoc x -> a = put(a, x.apiId(), (ApiDefinition) value);
            case DocKey.StageDoc x -> st = putNested(st, x.apiId(), x.stageName(), (Stage) value);
            case DocKey.DeploymentDoc x -> d = putNested(d, x.apiId(), x.deploymentId(), (DeploymentSnapshot) value);
            case DocKey.ApiKeyDoc x -> k = put(k, x.id(), (ApiKey) value);
            case DocKey.UsagePlanDoc x -> u = put(u, x.id(), (UsagePlan) value);
            case DocKey.DomainNameDoc x -> dn = put(dn, x.domainName(), (DomainName) value);
        }
        return new WorkspaceState(s, a, st, d, k, u, dn);
    }

    /** This state with every change's {@code after} value applied, in order. */
    WorkspaceState withChanges(List<Change<?>> changes) {
        WorkspaceState result = this;
        for (Change<?> change : changes) result = result.withChange(change);
        return result;
    }

    private <T> WorkspaceState withChange(Change<T> change) {
        return with(change.key(), change.after());
    }

    /** Every document key under an API's folder that this state holds: its stages and deployments. */
    List<DocKey<?>> apiChildren(String apiId) {
        List<DocKey<?>> keys = new java.util.ArrayList<>();
        stages.getOrDefault(apiId, Map.of()).keySet().forEach(name -> keys.add(new DocKey.StageDoc(apiId, name)));
        deployments.getOrDefault(apiId, Map.of()).keySet().forEach(id -> keys.add(new DocKey.DeploymentDoc(apiId, id)));
        return keys;
    }

    /** Every document this state holds, settings first. */
    List<DocKey<?>> keys() {
        List<DocKey<?>> keys = new java.util.ArrayList<>();
        keys.add(new DocKey.SettingsDoc());
        apis.keySet().forEach(id -> keys.add(new DocKey.ApiDoc(id)));
        stages.forEach((api, byName) -> byName.keySet().forEach(name -> keys.add(new DocKey.StageDoc(api, name))));
        deployments.forEach((api, byId) -> byId.keySet().forEach(id -> keys.add(new DocKey.DeploymentDoc(api, id))));
        apiKeys.keySet().forEach(id -> keys.add(new DocKey.ApiKeyDoc(id)));
        usagePlans.keySet().forEach(id -> keys.add(new DocKey.UsagePlanDoc(id)));
        domainNames.keySet().forEach(name -> keys.add(new DocKey.DomainNameDoc(name)));
        return keys;
    }

    /**
     * The changes that turn this state into {@code next}, document by document: what another process changed on
     * disk, as {@link Workspace#refreshIfChangedOnDisk} announces it. Deployments come before the stages that
     * point at them, and API files last when created, first when deleted (as an edit writes them).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Change<?>> changesTo(WorkspaceState next) {
        java.util.LinkedHashSet<DocKey<?>> all = new java.util.LinkedHashSet<>(keys());
        all.addAll(next.keys());
        List<Change<?>> first = new java.util.ArrayList<>();
        List<Change<?>> middle = new java.util.ArrayList<>();
        List<Change<?>> last = new java.util.ArrayList<>();
        for (DocKey<?> key : all) {
            Object before = get(key);
            Object after = next.get(key);
            if (Objects.equals(before, after)) continue;
            Change<?> change = new Change(key, before, after, false);
            if (key instanceof DocKey.ApiDoc && after == null) first.add(change);
            else if (key instanceof DocKey.DeploymentDoc) first.add(change);
            else if (key instanceof DocKey.ApiDoc && before == null) middle.add(0, change);
            else last.add(change);
        }
        List<Change<?>> out = new java.util.ArrayList<>(first);
        out.addAll(middle);
        out.addAll(last);
        return out;
    }

    /** A changed copy: copy-on-write keeps every earlier state valid for its readers. */
    private static <V> Map<String, V> put(Map<String, V> map, String id, V value) {
        TreeMap<String, V> copy = new TreeMap<>(map);
        if (value == null) copy.remove(id);
        else copy.put(id, value);
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, Map<String, V>> putNested(Map<String, Map<String, V>> map, String outer, String inner, V value) {
        TreeMap<String, Map<String, V>> copy = new TreeMap<>(map);
        Map<String, V> updated = put(map.getOrDefault(outer, Map.of()), inner, value);
        if (updated.isEmpty()) copy.remove(outer);
        else copy.put(outer, updated);
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    private static <V> Map<String, Map<String, V>> frozenNested(Map<String, Map<String, V>> map) {
        TreeMap<String, Map<String, V>> copy = new TreeMap<>();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) copy.put(k, frozen(v));
        });
        return Collections.unmodifiableMap(copy);
    }
}
