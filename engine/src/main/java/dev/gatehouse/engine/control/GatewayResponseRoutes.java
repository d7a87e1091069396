package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gateway responses: GetGatewayResponses (every type: the API's customisations, AWS's defaults for the rest, with
 * {@code defaultResponse: true}), Put/Get/Update/DeleteGatewayResponse. Deleting a customisation brings the
 * default back, as on AWS.
 */
final class GatewayResponseRoutes {
    private static final String ONE = "/restapis/{restapi_id}/gatewayresponses/{response_type}";
    private static final List<String> PATCH_PATHS = List.of("/statusCode", "/responseParameters/{name}", "/responseTemplates/{content-type}");

    private GatewayResponseRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("GET", "/restapis/{restapi_id}/gatewayresponses", call -> {
            ApiDefinition def = api.api(call.param("restapi_id"));
            List<JsonNode> all = Arrays.stream(GatewayResponseType.values()).map(t -> (JsonNode) Call.tree(effective(def, t))).toList();
            // botocore's model: "The GatewayResponses collection does not support pagination and the limit does
            // not apply here" (nor the position): all 21 types, whatever the caller asks
            ObjectNode out = Call.READER.createObjectNode();
            out.putArray("item").addAll(all);
            return ControlResponse.json(200, out);
        });
        r.on("GET", ONE, call -> ControlResponse.json(200, effective(api.api(call.param("restapi_id")), type(call))));
        r.on("PUT", ONE, call -> {
            GatewayResponseType type = type(call);
            String status = call.string("statusCode");
            checkStatus(status);
            GatewayResponse put = new GatewayResponse(type, status, call.stringMap("responseParameters"),
                    call.stringMap("responseTemplates"), false);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Customise gateway response " + type,
                    before -> before.withGatewayResponses(replace(before, put)));
            return ControlResponse.json(201, effective(after, type));
        });
        r.on("PATCH", ONE, call -> {
            GatewayResponseType type = type(call);
            List<Patch> patches = Patch.of(call);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Change gateway response " + type, before -> {
                GatewayResponse g = effective(before, type);
                for (Patch p : patches) g = patch(g, p);
                return before.withGatewayResponses(replace(before, new GatewayResponse(type, g.statusCode(),
                        g.responseParameters(), g.responseTemplates(), false)));
            });
            return ControlResponse.json(200, effective(after, type));
        });
        r.on("DELETE", ONE, call -> {
            GatewayResponseType type = type(call);
            api.editApi(call.param("restapi_id"), "Reset gateway response " + type, before -> {
                if (before.gatewayResponses().stream().noneMatch(g -> g.responseType() == type)) {
                    throw ControlException.notFound("Invalid Gateway Response type specified: " + type + " is not customised");
                }
                return before.withGatewayResponses(before.gatewayResponses().stream().filter(g -> g.responseType() != type).toList());
            });
            return ControlResponse.empty(202);
        });
    }

    /** The API's customisation of {@code type}, or AWS's default for it. */
    static GatewayResponse effective(ApiDefinition def, GatewayResponseType type) {
        for (GatewayResponse g : def.gatewayResponses()) if (g.responseType() == type) return g;
        int status = dev.gatehouse.engine.errors.GatewayResponseType.valueOf(type.name()).defaultStatus();
        return new GatewayResponse(type, status == 0 ? null : Integer.toString(status), Map.of(),
                Map.of("application/json", GatewayResponses.DEFAULT_TEMPLATE), true);
    }

    private static List<GatewayResponse> replace(ApiDefinition def, GatewayResponse g) {
        List<GatewayResponse> all = new ArrayList<>(def.gatewayResponses().stream().filter(x -> x.responseType() != g.responseType()).toList());
        all.add(g);
        return all;
    }

    private static GatewayResponseType type(Call call) {
        String t = call.param("response_type");
        try {
            return GatewayResponseType.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid response type specified: " + t + ". Valid options are "
                    + Arrays.toString(GatewayResponseType.values()));
        }
    }

    private static void checkStatus(String status) {
        if (status != null && !status.matches("[1-5]\\d\\d")) throw ControlException.badRequest("Invalid status code specified: " + status);
    }

    private static GatewayResponse patch(GatewayResponse g, Patch p) {
        List<String> s = p.segments();
        String field = s.getFirst();
        if (s.size() == 1 && field.equals("statusCode") && p.op().equals("replace")) {
            checkStatus(p.value());
            return new GatewayResponse(g.responseType(), p.value(), g.responseParameters(), g.responseTemplates(), false);
        }
        if (s.size() == 2 && (field.equals("responseParameters") || field.equals("responseTemplates"))) {
            Map<String, String> m = new LinkedHashMap<>(field.equals("responseParameters") ? g.responseParameters() : g.responseTemplates());
            switch (p.op()) {
                case "add", "replace" -> m.put(s.get(1), p.requiredValue());
                case "remove" -> m.remove(s.get(1));
                default -> throw p.unsupported(PATCH_PATHS);
            }
            return field.equals("responseParameters")
                    ? new GatewayResponse(g.responseType(), g.statusCode(), m, g.responseTemplates(), false)
                    : new GatewayResponse(g.responseType(), g.statusCode(), g.responseParameters(), m, false);
        }
        throw p.unsupported(PATCH_PATHS);
    }
}
