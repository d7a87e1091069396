package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.RestApi;
import dev.gatehouse.engine.openapi.ImportMode;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.workspace.Edit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** {@code /restapis}: CreateRestApi, GetRestApis, GetRestApi, UpdateRestApi, DeleteRestApi, ImportRestApi, PutRestApi. */
final class RestApiRoutes {
    private static final List<String> PATCH_PATHS = List.of("/name", "/description", "/version", "/apiKeySource",
            "/minimumCompressionSize", "/binaryMediaTypes/{type}");

    private RestApiRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/restapis?mode=import", call -> importApi(api, call));
        r.on("POST", "/restapis", call -> create(api, call));
        r.on("GET", "/restapis", call -> ControlResponse.json(200,
                call.page(api.gateway().workspace().apis().stream().map(a -> (JsonNode) Call.tree(a.restApi())).toList())));
        r.on("GET", "/restapis/{restapi_id}", call -> ControlResponse.json(200, api.api(call.param("restapi_id")).restApi()));
        r.on("PATCH", "/restapis/{restapi_id}", call -> update(api, call));
        r.on("PUT", "/restapis/{restapi_id}", call -> put(api, call));
        r.on("DELETE", "/restapis/{restapi_id}", call -> {
            String id = call.param("restapi_id");
            api.apply(ControlApi.derived("Delete API " + id, state -> {
                ApiDefinition doomed = state.api(id).orElseThrow(() -> ControlApi.notFoundApi(id));
                return Edit.deleteApi(id).describedAs("Delete API " + doomed.name());
            }));
            return ControlResponse.empty(202);
        });
    }

    private static ControlResponse create(ControlApi api, Call call) {
        String name = call.string("name");
        if (name == null || name.isBlank()) throw ControlException.badRequest("Invalid REST API name specified");
        if (call.string("cloneFrom") != null) throw ControlException.badRequest("cloneFrom is not supported by Gatehouse");
        ApiDefinition created = ApiDefinition.create(Ids.apiId(), name, api.clock().instant());
        RestApi restApi = created.restApi().withDescription(call.string("description")).withVersion(call.string("version"));
        List<String> binary = call.stringList("binaryMediaTypes");
        if (binary != null) restApi = restApi.withBinaryMediaTypes(binary);
        Integer compression = call.integer("minimumCompressionSize");
        if (compression != null) restApi = restApi.withMinimumCompressionSize(compression);
        ApiKeySource source = call.member("apiKeySource", ApiKeySource.class);
        if (source != null) restApi = restApi.withApiKeySource(source);
        RestApi.EndpointConfiguration endpoint = call.member("endpointConfiguration", RestApi.EndpointConfiguration.class);
        if (endpoint != null) restApi = restApi.withEndpointConfiguration(endpoint);
        ApiDefinition definition = created.withRestApi(restApi);
        api.apply(Edit.createApi(definition));
        return ControlResponse.json(201, api.api(definition.id()).restApi());
    }

    private static ControlResponse update(ControlApi api, Call call) {
        List<Patch> patches = Patch.of(call);
        ApiDefinition after = api.editApi(call.param("restapi_id"), "Change API settings", before -> {
            RestApi r = before.restApi();
            for (Patch p : patches) r = apply(r, p);
            return before.withRestApi(r);
        });
        return ControlResponse.json(200, after.restApi());
    }

    private static RestApi apply(RestApi r, Patch p) {
        List<String> s = p.segments();
        String field = s.getFirst();
        if (s.size() == 1 && p.op().equals("replace")) {
            switch (field) {
                case "name" -> {
                    if (p.value() == null || p.value().isBlank()) throw ControlException.badRequest("Invalid REST API name specified");
                    return r.withName(p.value());
                }
                case "description" -> {
                    return r.withDescription(p.value());
                }
                case "version" -> {
                    return r.withVersion(p.value());
                }
                case "apiKeySource" -> {
                    return r.withApiKeySource(Call.convert(Call.READER.getNodeFactory().textNode(p.requiredValue()),
                            ApiKeySource.class, "apiKeySource"));
                }
                case "minimumCompressionSize" -> {
                    if (p.value() == null || p.value().isEmpty()) return r.withMinimumCompressionSize(null);
                    try {
                        return r.withMinimumCompressionSize(Integer.parseInt(p.value()));
                    } catch (NumberFormatException e) {
                        throw ControlException.badRequest("Invalid minimumCompressionSize: " + p.value());
                    }
                }
                default -> throw p.unsupported(PATCH_PATHS);
            }
        }
        if (s.size() == 2 && field.equals("binaryMediaTypes") && (p.op().equals("add") || p.isRemove())) {
            LinkedHashSet<String> types = new LinkedHashSet<>(r.binaryMediaTypes());
            if (p.isRemove()) types.remove(s.get(1));
            else types.add(s.get(1));
            return r.withBinaryMediaTypes(new ArrayList<>(types));
        }
        throw p.unsupported(PATCH_PATHS);
    }

    private static ControlResponse importApi(ControlApi api, Call call) {
        ImportResult result = new OpenApiImporter(api.clock()).importNew(call.request().body(), "body", options(call));
        api.apply(Edit.createApi(result.api()).describedAs("Import API " + result.api().name()));
        return ControlResponse.json(201, withWarnings(api.api(result.api().id()).restApi(), result));
    }

    private static ControlResponse put(ControlApi api, Call call) {
        String id = call.param("restapi_id");
        String m = call.query("mode");
        ImportMode mode = switch (m == null ? "merge" : m.toLowerCase(Locale.ROOT)) {
            case "merge" -> ImportMode.MERGE;
            case "overwrite" -> ImportMode.OVERWRITE;
            default -> throw ControlException.badRequest("Enumeration value of OpenAPI import mode must be \"overwrite\" or \"merge\"");
        };
        ImportOptions options = options(call);
        ImportResult[] result = new ImportResult[1];
        api.apply(ControlApi.derived("Put API " + id + " (" + mode.name().toLowerCase(Locale.ROOT) + ")", state -> {
            ApiDefinition existing = state.api(id).orElseThrow(() -> ControlApi.notFoundApi(id));
            result[0] = new OpenApiImporter(api.clock()).importInto(existing, call.request().body(), "body", mode, options);
            return Edit.replaceApi(result[0].api());
        }));
        return ControlResponse.json(200, withWarnings(api.api(id).restApi(), result[0]));
    }

    private static ImportOptions options(Call call) {
        boolean failOnWarnings = "true".equalsIgnoreCase(call.query("failonwarnings"));
        String basepath = call.query("basepath");
        ImportOptions.BasePath bp = ImportOptions.BasePath.IGNORE;
        if (basepath != null) {
            try {
                bp = ImportOptions.BasePath.valueOf(basepath.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ControlException.badRequest("Invalid basepath value: " + basepath + " (ignore, prepend or split)");
            }
        }
        return new ImportOptions(failOnWarnings, bp);
    }

    private static JsonNode withWarnings(RestApi restApi, ImportResult result) {
        var node = Call.tree(restApi);
        if (result != null && result.report().hasWarnings()) {
            var warnings = node.putArray("warnings");
            result.report().warnings().forEach(w -> warnings.add(w.message()));
        }
        return node;
    }
}
