package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** API keys (Create/Get/GetAll/Delete) and usage plans (Create/Get/GetAll, keys, GetUsage). */
final class KeyRoutes {
    private KeyRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/apikeys", call -> createKey(api, call));
        r.on("GET", "/apikeys", call -> {
            boolean values = "true".equalsIgnoreCase(call.query("includeValues"));
            String name = call.query("name");
            String customer = call.query("customerId");
            return ControlResponse.json(200, call.page(api.gateway().workspace().apiKeys().stream()
                    .filter(k -> name == null || (k.name() != null && k.name().startsWith(name)))
                    .filter(k -> customer == null || customer.equals(k.customerId()))
                    .map(k -> key(k, values)).toList()));
        });
        r.on("GET", "/apikeys/{api_Key}", call -> ControlResponse.json(200,
                key(apiKey(api, call.param("api_Key")), "true".equalsIgnoreCase(call.query("includeValue")))));
        r.on("DELETE", "/apikeys/{api_Key}", call -> {
            api.apply(Edit.deleteApiKey(call.param("api_Key")));
            return ControlResponse.empty(202);
        });

        r.on("POST", "/usageplans", call -> createPlan(api, call));
        r.on("GET", "/usageplans", call -> {
            String keyId = call.query("keyId");
            return ControlResponse.json(200, call.page(api.gateway().workspace().usagePlans().stream()
                    .filter(p -> keyId == null || p.keyIds().contains(keyId)).map(KeyRoutes::plan).toList()));
        });
        r.on("GET", "/usageplans/{usageplanId}", call -> ControlResponse.json(200, plan(usagePlan(api, call.param("usageplanId")))));
        r.on("DELETE", "/usageplans/{usageplanId}", call -> {
            api.apply(Edit.deleteUsagePlan(call.param("usageplanId")));
            return ControlResponse.empty(202);
        });
        r.on("POST", "/usageplans/{usageplanId}/keys", call -> addPlanKey(api, call));
        r.on("GET", "/usageplans/{usageplanId}/keys", call -> {
            UsagePlan plan = usagePlan(api, call.param("usageplanId"));
            List<JsonNode> keys = new ArrayList<>();
            for (String id : plan.keyIds()) api.gateway().workspace().state().apiKey(id).ifPresent(k -> keys.add(planKey(k)));
            return ControlResponse.json(200, call.page(keys));
        });
        r.on("GET", "/usageplans/{usageplanId}/keys/{keyId}", call -> {
            UsagePlan plan = usagePlan(api, call.param("usageplanId"));
            if (!plan.keyIds().contains(call.param("keyId"))) throw DefinitionException.notFound("Invalid API Key identifier specified");
            return ControlResponse.json(200, planKey(apiKey(api, call.param("keyId"))));
        });
        r.on("DELETE", "/usageplans/{usageplanId}/keys/{keyId}", call -> {
            String planId = call.param("usageplanId");
            String keyId = call.param("keyId");
            api.apply(ControlApi.derived("Remove API key from usage plan", state -> {
                UsagePlan p = state.usagePlan(planId).orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
                if (!p.keyIds().contains(keyId)) throw DefinitionException.notFound("Invalid API Key identifier specified");
                return Edit.putUsagePlan(withKeys(p, p.keyIds().stream().filter(k -> !k.equals(keyId)).toList()));
            }));
            return ControlResponse.empty(202);
        });
        r.on("GET", "/usageplans/{usageplanId}/usage", call -> usage(api, call));
    }

    private static ControlResponse createKey(ControlApi api, Call call) {
        String value = call.string("value");
        if (value == null) value = Ids.random(40);
        if (value.length() < 20) throw ControlException.badRequest("API Key value should be at least 20 characters");
        List<String> stageKeys = new ArrayList<>();
        JsonNode sk = call.body().get("stageKeys");
        if (sk != null && sk.isArray()) {
            for (JsonNode k : sk) stageKeys.add(k.path("restApiId").asText() + "/" + k.path("stageName").asText());
        }
        long now = api.now();
        ApiKey key = new ApiKey(Ids.apiId(), value, call.string("name"), call.string("customerId"), call.string("description"),
                call.bool("enabled"), now, now, stageKeys, call.stringMap("tags"));
        api.apply(Edit.putApiKey(key));
        return ControlResponse.json(201, key(key, true));
    }

    private static ControlResponse createPlan(ControlApi api, Call call) {
        String name = call.string("name");
        if (name == null || name.isBlank()) throw ControlException.badRequest("Invalid usage plan name specified");
        List<UsagePlan.ApiStage> stages = new ArrayList<>();
        JsonNode list = call.body().get("apiStages");
        if (list != null && list.isArray()) for (JsonNode s : list) stages.add(Call.convert(s, UsagePlan.ApiStage.class, "apiStages"));
        UsagePlan plan = new UsagePlan(Ids.apiId(), name, call.string("description"), stages,
                call.member("throttle", UsagePlan.ThrottleSettings.class), call.member("quota", UsagePlan.QuotaSettings.class),
                null, call.stringMap("tags"), List.of());
        api.apply(Edit.putUsagePlan(plan));
        return ControlResponse.json(201, plan(plan));
    }

    private static ControlResponse addPlanKey(ControlApi api, Call call) {
        String planId = call.param("usageplanId");
        String keyId = call.string("keyId");
        String type = call.string("keyType");
        if (keyId == null) throw ControlException.badRequest("Invalid API Key identifier specified");
        if (type != null && !type.equals("API_KEY")) throw ControlException.badRequest("Invalid key type specified: " + type);
        api.apply(ControlApi.derived("Add API key to usage plan", state -> {
            UsagePlan p = state.usagePlan(planId).orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
            if (p.keyIds().contains(keyId)) {
                throw DefinitionException.conflict("Usage Plan " + planId + " cannot be added because API Key " + keyId
                        + " cannot reference multiple Usage Plans with the same API Stage");
            }
            List<String> keys = new ArrayList<>(p.keyIds());
            keys.add(keyId);
            return Edit.putUsagePlan(withKeys(p, keys));
        }));
        return ControlResponse.json(201, planKey(apiKey(api, keyId)));
    }

    private static ControlResponse usage(ControlApi api, Call call) {
        LocalDate start = date(call, "startDate");
        LocalDate end = date(call, "endDate");
        UsageReport report = api.gateway().usage(call.param("usageplanId"), call.query("keyId"), start, end);
        return ControlResponse.json(200, UsageShape.json(report));
    }

    private static LocalDate date(Call call, String name) {
        String v = call.query(name);
        if (v == null) throw ControlException.badRequest("The " + name + " query parameter is required (yyyy-MM-dd)");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ControlException.badRequest("Invalid " + name + ": " + v + " (yyyy-MM-dd)");
        }
    }

    private static ApiKey apiKey(ControlApi api, String id) {
        return api.gateway().workspace().state().apiKey(id)
                .orElseThrow(() -> DefinitionException.notFound("Invalid API Key identifier specified"));
    }

    private static UsagePlan usagePlan(ControlApi api, String id) {
        return api.gateway().workspace().state().usagePlan(id)
                .orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
    }

    private static UsagePlan withKeys(UsagePlan p, List<String> keys) {
        return new UsagePlan(p.id(), p.name(), p.description(), p.apiStages(), p.throttle(), p.quota(), p.productCode(),
                p.tags(), keys);
    }

    /** An API key as AWS returns it; the value only when asked for. */
    static JsonNode key(ApiKey k, boolean withValue) {
        ObjectNode node = Call.tree(k);
        if (!withValue) node.remove("value");
        node.putArray("stageKeys").addAll(k.stageKeys().stream().map(s -> (JsonNode) Call.READER.getNodeFactory().textNode(s)).toList());
        return node;
    }

    /**
     * A usage plan as AWS returns it: its keys are a sub-resource, not a member, and a quota without an offset
     * shows AWS's default {@code "offset": 0} (aws-reference §1.11).
     */
    static ObjectNode plan(UsagePlan p) {
        ObjectNode node = Call.tree(p);
        node.remove("keyIds");
        if (node.get("quota") instanceof ObjectNode quota && !quota.has("offset")) {
            ObjectNode ordered = Call.READER.createObjectNode();
            ordered.set("limit", quota.get("limit"));
            ordered.put("offset", 0);
            quota.fields().forEachRemaining(e -> { if (!e.getKey().equals("limit")) ordered.set(e.getKey(), e.getValue()); });
            node.set("quota", ordered);
        }
        return node;
    }

    private static JsonNode planKey(ApiKey k) {
        ObjectNode node = Call.READER.createObjectNode();
        node.put("id", k.id());
        node.put("type", "API_KEY");
        if (k.name() != null) node.put("name", k.name());
        node.put("value", k.value());
        return node;
    }
}
