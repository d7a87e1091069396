package dev.gatehouse.engine.remote;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;

/**
 * The API keys and usage plans of a pushed stage, kept in step on the remote: every workspace usage plan that
 * covers the pushed API's stage, and the keys in those plans, are created on the remote or matched there by name
 * (keys also by value) and brought in line: CreateApiKey with the value from {@code .gatehouse/secrets/apikeys/},
 * CreateUsagePlan with the remote API's stage, throttle and quota, UpdateUsagePlan when they differ, and
 * CreateUsagePlanKey for a key not yet in its plan. Idempotent: a second run finds nothing to do.
 *
 * <p>Not touched: remote keys and plans the workspace does not have (another team's, or removed locally: a push
 * never deletes what it cannot tell is its own), and a plan's other API stages. A key value cannot change on AWS,
 * so a key whose value changed locally is deleted and created again with the new value (the preview says so).
 *
 * <p>Blocking; called by {@link Pusher} after the deployment (AWS refuses a usage plan for a stage that does not
 * exist yet), and by its preview with {@code apply} false, which only reads.
 */
final class KeyPlanSync {

    /** The lines a push shows ({@code + API key …}, {@code ~ usage plan …}) and what it could not take over. */
    record Outcome(List<String> changes, List<String> warnings) {}

    private final ApiGatewayClient client;
    private final Remote remote;
    private final boolean apply;
    private final List<String> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private KeyPlanSync(ApiGatewayClient client, Remote remote, boolean apply) {
        this.client = client;
        this.remote = remote;
        this.apply = apply;
    }

    /**
     * Compares (and with {@code apply}, changes) the remote's keys and plans for {@code api}'s stage {@code stage}.
     *
     * @param remoteApiId the remote API's id; null in a preview of a first push (the API does not exist there yet)
     */
    static Outcome sync(ApiGatewayClient client, Remote remote, Workspace workspace, ApiDefinition api, String remoteApiId,
                        String stage, boolean apply) {
        List<UsagePlan> plans = workspace.usagePlans().stream()
                .filter(p -> p.apiStages().stream().anyMatch(s -> api.id().equals(s.apiId()) && stage.equals(s.stage())))
                .toList();
        KeyPlanSync sync = new KeyPlanSync(client, remote, apply);
        if (!plans.isEmpty()) sync.run(workspace, api, plans, remoteApiId, stage);
        return new Outcome(List.copyOf(sync.changes), List.copyOf(sync.warnings));
    }

    private void run(Workspace workspace, ApiDefinition api, List<UsagePlan> plans, String remoteApiId, String stage) {
        List<software.amazon.awssdk.services.apigateway.model.ApiKey> remoteKeys = step("get-api-keys", () ->
                client.getApiKeysPaginator(b -> b.includeValues(true).limit(500)).items().stream().toList());
        List<software.amazon.awssdk.services.apigateway.model.UsagePlan> remotePlans = step("get-usage-plans", () ->
                client.getUsagePlansPaginator(b -> b.limit(500)).items().stream().toList());

        Set<String> keyIds = new LinkedHashSet<>();
        plans.forEach(p -> keyIds.addAll(p.keyIds()));
        Map<String, String> remoteKeyId = new LinkedHashMap<>(); // local key id → remote key id (null until created)
        Map<String, String> keyLabel = new LinkedHashMap<>();
        for (String id : keyIds) {
            ApiKey key = workspace.state().apiKey(id).orElse(null);
            if (key == null) continue;
            String label = key.name() != null ? key.name() : key.id();
            keyLabel.put(id, label);
            if (key.value() == null) {
                warnings.add("API key " + label + " has no value in .gatehouse/secrets/apikeys/: not pushed");
                continue;
            }
            remoteKeyId.put(id, key(key, label, remoteKeys));
        }

        for (UsagePlan plan : plans) {
            var there = remotePlans.stream().filter(p -> plan.name().equals(p.name())).toList();
            if (there.size() > 1) {
                warnings.add("remote " + remote.name() + " has " + there.size() + " usage plans named '" + plan.name()
                        + "': not pushed (cannot tell which one to update)");
                continue;
            }
            String planId = there.isEmpty() ? createPlan(plan, api, remoteApiId, stage) : updatePlan(plan, there.getFirst(), remoteApiId, stage);
            Set<String> inPlan = there.isEmpty() ? Set.of() : planKeys(planId);
            for (String localKey : plan.keyIds()) {
                if (!remoteKeyId.containsKey(localKey)) continue;
                String rk = remoteKeyId.get(localKey);
                if (rk != null && inPlan.contains(rk)) continue;
                changes.add("+ API key " + keyLabel.get(localKey) + " in usage plan " + plan.name());
                if (apply) {
                    step("create-usage-plan-key", () -> client.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(rk).keyType("API_KEY")));
                }
            }
        }
    }

    /** The remote id of the local key, creating or replacing it when applying; null when a preview would create it. */
    private String key(ApiKey key, String label, List<software.amazon.awssdk.services.apigateway.model.ApiKey> remoteKeys) {
        var byName = remoteKeys.stream().filter(k -> Objects.equals(k.name(), key.name()) && key.name() != null).toList();
        var match = byName.size() == 1 ? byName.getFirst()
                : remoteKeys.stream().filter(k -> key.value().equals(k.value())).findFirst().orElse(null);
        if (match == null) {
            changes.add("+ API key " + label);
            return apply ? createKey(key) : null;
        }
        if (!key.value().equals(match.value())) {
            changes.add("~ API key " + label + " (new value: the remote key is replaced)");
            if (!apply) return null;
            step("delete-api-key", () -> client.deleteApiKey(b -> b.apiKey(match.id())));
            return createKey(key);
        }
        boolean enabled = !Boolean.FALSE.equals(key.enabled());
        if (!Objects.equals(match.enabled(), enabled)) {
            changes.add("~ API key " + label + " (" + (enabled ? "enabled" : "disabled") + ")");
            if (apply) {
                step("update-api-key", () -> client.updateApiKey(b -> b.apiKey(match.id()).patchOperations(
                        PatchOperation.builder().op(Op.REPLACE).path("/enabled").value(String.valueOf(enabled)).build())));
            }
        }
        return match.id();
    }

    private String createKey(ApiKey key) {
        return step("create-api-key", () -> client.createApiKey(b -> b.name(key.name()).value(key.value())
                .description(key.description()).customerId(key.customerId())
                .enabled(!Boolean.FALSE.equals(key.enabled()))).id());
    }

    private String createPlan(UsagePlan plan, ApiDefinition api, String remoteApiId, String stage) {
        changes.add("+ usage plan " + plan.name() + " (stage " + stage + describe(plan.throttle(), plan.quota()) + ")");
        if (!apply) return null;
        UsagePlan.ApiStage local = plan.apiStages().stream()
                .filter(s -> api.id().equals(s.apiId()) && stage.equals(s.stage())).findFirst().orElseThrow();
        Map<String, ThrottleSettings> perMethod = local.throttle().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> throttle(e.getValue())));
        return step("create-usage-plan", () -> client.createUsagePlan(b -> b.name(plan.name()).description(plan.description())
                .apiStages(ApiStage.builder().apiId(remoteApiId).stage(stage).throttle(perMethod.isEmpty() ? null : perMethod).build())
                .throttle(throttle(plan.throttle())).quota(quota(plan.quota()))).id());
    }

    private String updatePlan(UsagePlan plan, software.amazon.awssdk.services.apigateway.model.UsagePlan there,
                              String remoteApiId, String stage) {
        List<PatchOperation> ops = new ArrayList<>();
        List<String> what = new ArrayList<>();
        boolean hasStage = remoteApiId != null && there.apiStages().stream()
                .anyMatch(s -> remoteApiId.equals(s.apiId()) && stage.equals(s.stage()));
        if (!hasStage) {
            what.add("adds stage " + stage);
            if (remoteApiId != null) ops.add(op(Op.ADD, "/apiStages", remoteApiId + ":" + stage));
        }
        if (!Objects.equals(plan.description(), there.description())) {
            what.add("description");
            ops.add(op(Op.REPLACE, "/description", plan.description()));
        }
        ThrottleSettings wantThrottle = throttle(plan.throttle());
        if (!sameThrottle(wantThrottle, there.throttle())) {
            what.add(plan.throttle() == null ? "no throttle" : describe(plan.throttle(), null).substring(2));
            if (wantThrottle == null) ops.add(op(Op.REMOVE, "/throttle", null));
            else {
                ops.add(op(Op.REPLACE, "/throttle/rateLimit", String.valueOf(wantThrottle.rateLimit())));
                ops.add(op(Op.REPLACE, "/throttle/burstLimit", String.valueOf(wantThrottle.burstLimit())));
            }
        }
        QuotaSettings wantQuota = quota(plan.quota());
        if (!sameQuota(wantQuota, there.quota())) {
            what.add(plan.quota() == null ? "no quota" : describe(null, plan.quota()).substring(2));
            if (wantQuota == null) ops.add(op(Op.REMOVE, "/quota", null));
            else {
                ops.add(op(Op.REPLACE, "/quota/limit", String.valueOf(wantQuota.limit())));
                ops.add(op(Op.REPLACE, "/quota/period", wantQuota.periodAsString()));
                ops.add(op(Op.REPLACE, "/quota/offset", String.valueOf(wantQuota.offset() == null ? 0 : wantQuota.offset())));
            }
        }
        if (!what.isEmpty()) {
            changes.add("~ usage plan " + plan.name() + ": " + String.join(", ", what));
            if (apply && !ops.isEmpty()) step("update-usage-plan", () -> client.updateUsagePlan(b -> b.usagePlanId(there.id()).patchOperations(ops)));
        }
        return there.id();
    }

    private Set<String> planKeys(String planId) {
        return step("get-usage-plan-keys", () -> client.getUsagePlanKeysPaginator(b -> b.usagePlanId(planId).limit(500))
                .items().stream().map(k -> k.id()).collect(Collectors.toSet()));
    }

    private static PatchOperation op(Op op, String path, String value) {
        return PatchOperation.builder().op(op).path(path).value(value).build();
    }

    private static ThrottleSettings throttle(UsagePlan.ThrottleSettings t) {
        return t == null ? null : ThrottleSettings.builder().burstLimit(t.burstLimit()).rateLimit(t.rateLimit()).build();
    }

    private static QuotaSettings quota(UsagePlan.QuotaSettings q) {
        return q == null ? null : QuotaSettings.builder().limit(q.limit()).offset(q.offset())
                .period(q.period() == null ? null : q.period().name()).build();
    }

    private static boolean sameThrottle(ThrottleSettings a, ThrottleSettings b) {
        if (a == null || b == null) return a == null && (b == null || b.burstLimit() == null && b.rateLimit() == null);
        return Objects.equals(a.burstLimit(), b.burstLimit()) && Objects.equals(a.rateLimit(), b.rateLimit());
    }

    private static boolean sameQuota(QuotaSettings a, QuotaSettings b) {
        if (a == null || b == null) return a == null && (b == null || b.limit() == null);
        return Objects.equals(a.limit(), b.limit()) && Objects.equals(a.periodAsString(), b.periodAsString())
                && Objects.equals(a.offset() == null ? 0 : a.offset(), b.offset() == null ? 0 : b.offset());
    }

    /** {@code ", throttle 10.0/s burst 20, quota 1000 a DAY"} (empty for none). */
    private static String describe(UsagePlan.ThrottleSettings t, UsagePlan.QuotaSettings q) {
        StringBuilder s = new StringBuilder();
        if (t != null) s.append(", throttle ").append(t.rateLimit()).append("/s burst ").append(t.burstLimit());
        if (q != null) s.append(", quota ").append(q.limit()).append(" a ").append(q.period());
        return s.toString();
    }

    private <T> T step(String name, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw RemoteClients.failure(remote, name, e);
        }
    }
}
