package dev.gatehouse.engine.control;

import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * UpdateApiKey ({@code PATCH /apikeys/{api_Key}}) and UpdateUsagePlan ({@code PATCH /usageplans/{usageplanId}}):
 * AWS's {@code patchOperations} on the members a push keeps in step (name, description, enabled, customerId of a
 * key; name, description, API stages, throttle and quota of a plan). Each request is one atomic, undoable
 * workspace edit planned against the newest state; a bad path or value is AWS's 400 BadRequestException and changes
 * nothing. Registered by {@link ControlApi}; runs on the control plane's request threads.
 */
final class KeyPatchRoutes {
    private static final List<String> KEY_PATHS = List.of("/name", "/description", "/enabled", "/customerId");
    private static final List<String> PLAN_PATHS = List.of("/name", "/description", "/apiStages", "/throttle/rateLimit",
            "/throttle/burstLimit", "/throttle", "/quota/limit", "/quota/offset", "/quota/period", "/quota");

    private KeyPatchRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("PATCH", "/apikeys/{api_Key}", call -> {
            String id = call.param("api_Key");
            List<Patch> patches = Patch.of(call);
            api.apply(ControlApi.derived("Change API key", state -> {
                ApiKey k = state.apiKey(id).orElseThrow(() -> DefinitionException.notFound("Invalid API Key identifier specified"));
                for (Patch p : patches) k = patchKey(k, p, api.now());
                return Edit.putApiKey(k);
            }));
            return ControlResponse.json(200, KeyRoutes.key(api.gateway().workspace().state().apiKey(id).orElseThrow(), false));
        });
        r.on("PATCH", "/usageplans/{usageplanId}", call -> {
            String id = call.param("usageplanId");
            List<Patch> patches = Patch.of(call);
            api.apply(ControlApi.derived("Change usage plan", state -> {
                UsagePlan p = state.usagePlan(id).orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
                for (Patch patch : patches) p = patchPlan(p, patch);
                return Edit.putUsagePlan(p);
            }));
            return ControlResponse.json(200, KeyRoutes.plan(api.gateway().workspace().state().usagePlan(id).orElseThrow()));
        });
    }

    private static ApiKey patchKey(ApiKey k, Patch p, long now) {
        if (!p.op().equals("replace")) throw p.unsupported(KEY_PATHS);
        return switch (p.path()) {
            case "/name" -> new ApiKey(k.id(), k.value(), p.value(), k.customerId(), k.description(), k.enabled(),
                    k.createdDate(), now, k.stageKeys(), k.tags());
            case "/description" -> new ApiKey(k.id(), k.value(), k.name(), k.customerId(), p.value(), k.enabled(),
                    k.createdDate(), now, k.stageKeys(), k.tags());
            case "/customerId" -> new ApiKey(k.id(), k.value(), k.name(), p.value(), k.description(), k.enabled(),
                    k.createdDate(), now, k.stageKeys(), k.tags());
            case "/enabled" -> new ApiKey(k.id(), k.value(), k.name(), k.customerId(), k.description(), Patch.parseBoolean(p),
                    k.createdDate(), now, k.stageKeys(), k.tags());
            default -> throw p.unsupported(KEY_PATHS);
        };
    }

    private static UsagePlan patchPlan(UsagePlan u, Patch p) {
        String name = u.name();
        String description = u.description();
        List<UsagePlan.ApiStage> stages = new ArrayList<>(u.apiStages());
        UsagePlan.ThrottleSettings throttle = u.throttle();
        UsagePlan.QuotaSettings quota = u.quota();
        switch (p.op() + " " + p.path()) {
            case "replace /name" -> name = p.requiredValue();
            case "replace /description" -> description = p.value();
            case "add /apiStages" -> {
                UsagePlan.ApiStage s = apiStage(p);
                if (stages.stream().noneMatch(x -> x.apiId().equals(s.apiId()) && x.stage().equals(s.stage()))) stages.add(s);
            }
            case "remove /apiStages" -> {
                UsagePlan.ApiStage s = apiStage(p);
                if (!stages.removeIf(x -> x.apiId().equals(s.apiId()) && x.stage().equals(s.stage()))) {
                    throw ControlException.badRequest("Invalid API Stage " + p.value() + " specified: the usage plan does not contain it");
                }
            }
            case "replace /throttle/rateLimit" -> throttle = new UsagePlan.ThrottleSettings(
                    throttle == null ? null : throttle.burstLimit(), number(p));
            case "replace /throttle/burstLimit" -> throttle = new UsagePlan.ThrottleSettings(
                    (int) integer(p), throttle == null ? null : throttle.rateLimit());
            case "remove /throttle" -> throttle = null;
            case "replace /quota/limit" -> quota = new UsagePlan.QuotaSettings((int) integer(p),
                    quota == null ? null : quota.offset(), quota == null ? null : quota.period());
            case "replace /quota/offset" -> quota = new UsagePlan.QuotaSettings(quota == null ? null : quota.limit(),
                    (int) integer(p), quota == null ? null : quota.period());
            case "replace /quota/period" -> quota = new UsagePlan.QuotaSettings(quota == null ? null : quota.limit(),
                    quota == null ? null : quota.offset(), period(p));
            case "remove /quota" -> quota = null;
            default -> throw p.unsupported(PLAN_PATHS);
        }
        return new UsagePlan(u.id(), name, description, stages, throttle, quota, u.productCode(), u.tags(), u.keyIds());
    }

    /** {@code "apiId:stage"}, AWS's value for the {@code /apiStages} path. */
    private static UsagePlan.ApiStage apiStage(Patch p) {
        String v = p.requiredValue();
        int colon = v.indexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw ControlException.badRequest("Invalid API Stage specified: '" + v + "' (expected apiId:stageName)");
        }
        return new UsagePlan.ApiStage(v.substring(0, colon), v.substring(colon + 1), null);
    }

    private static double number(Patch p) {
        try {
            double d = Double.parseDouble(p.requiredValue());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ControlException.badRequest("Invalid value for " + p.path() + ": " + p.value() + " (a number, 0 or more)");
        }
    }

    private static long integer(Patch p) {
        try {
            long v = Long.parseLong(p.requiredValue());
            if (v < 0 || v > Integer.MAX_VALUE) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ControlException.badRequest("Invalid value for " + p.path() + ": " + p.value() + " (a whole number, 0 or more)");
        }
    }

    private static QuotaPeriod period(Patch p) {
        try {
            return QuotaPeriod.valueOf(p.requiredValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid quota period " + p.value() + ": must be one of [DAY, WEEK, MONTH]");
        }
    }
}
