package dev.gatehouse.engine.control;

import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * UpdateUsage ({@code PATCH /usageplans/{usageplanId}/keys/{keyId}/usage}): AWS's one patch operation on a key's
 * usage, {@code replace /remaining} with a whole number, which sets what is left of the key's quota in the current
 * period (the API reference's example: {@code {"op":"replace","path":"/remaining","value":"10"}}, answered with the
 * Usage shape of that day). Anything else is AWS's 400 BadRequestException and changes nothing; an unknown plan or a
 * key not in it is 404 NotFoundException. Registered by {@link ControlApi}; runs on the control plane's request
 * threads; answers with {@link UsageShape}.
 */
final class UsageRoutes {
    private static final List<String> PATHS = List.of("/remaining");

    private UsageRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("PATCH", "/usageplans/{usageplanId}/keys/{keyId}/usage", call -> {
            String planId = call.param("usageplanId");
            String keyId = call.param("keyId");
            Long remaining = null;
            for (Patch p : Patch.of(call)) {
                if (!(p.op().equals("replace") && p.path().equals("/remaining"))) throw p.unsupported(PATHS);
                remaining = wholeNumber(p);
            }
            UsageReport report;
            if (remaining != null) {
                report = api.gateway().updateUsage(planId, keyId, remaining);
            } else { // no operations: AWS changes nothing; still 404 for an unknown plan or key
                UsagePlan plan = api.gateway().workspace().state().usagePlan(planId)
                        .orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
                if (!plan.keyIds().contains(keyId)) throw DefinitionException.notFound("Invalid API Key identifier specified");
                LocalDate today = api.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
                report = api.gateway().usage(planId, keyId, today, today);
            }
            return ControlResponse.json(200, UsageShape.json(report));
        });
    }

    private static long wholeNumber(Patch p) {
        try {
            long v = Long.parseLong(p.requiredValue().trim());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ControlException.badRequest("Invalid value for " + p.path() + ": " + p.value() + " (a whole number, 0 or more)");
        }
    }
}
