package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.StageInfo;
import dev.gatehouse.engine.workspace.Edit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Deployments (UpdateDeployment changes the description only), stages (with AWS's PATCH paths), GetExport and FlushStageCache. */
final class StageRoutes {
    private static final String STAGE = "/restapis/{restapi_id}/stages/{stage_name}";
    private static final String DEPLOYMENT = "/restapis/{restapi_id}/deployments/{deployment_id}";
    /** UpdateDeployment's one patch path (AWS's patch-operations reference: "replace /description"). */
    static final List<String> DEPLOYMENT_PATHS = List.of("/description");

    private StageRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/restapis/{restapi_id}/deployments", call -> {
            String apiId = call.param("restapi_id");
            String stageName = call.string("stageName");
            if (call.body().hasNonNull("canarySettings")) return canaryDeployment(api, call, apiId, stageName);
            Map<String, String> variables = call.stringMap("variables");
            DeploymentSnapshot snapshot = api.gateway().deploy(apiId, stageName == null || stageName.isEmpty() ? null : stageName,
                    call.string("description"), variables == null ? Map.of() : variables);
            String stageDescription = call.string("stageDescription");
            if (stageName != null && stageDescription != null) {
                api.apply(ControlApi.derived("Describe stage " + stageName, state -> Edit.putStage(apiId,
                        state.stage(apiId, stageName).orElseThrow().withDescription(stageDescription, api.now()))));
            }
            return ControlResponse.json(201, snapshot.deployment());
        });
        r.on("GET", "/restapis/{restapi_id}/deployments", call -> {
            String apiId = call.param("restapi_id");
            api.api(apiId);
            return ControlResponse.json(200, call.page(api.gateway().workspace().deployments(apiId).stream()
                    .map(d -> (JsonNode) Call.tree(d.deployment())).toList()));
        });
        r.on("GET", DEPLOYMENT, call -> {
            DeploymentSnapshot snapshot = deployment(api, call);
            ObjectNode out = Call.tree(snapshot.deployment());
            if (embedsApiSummary(call)) out.set("apiSummary", apiSummary(snapshot.api()));
            return ControlResponse.json(200, out);
        });
        r.on("PATCH", DEPLOYMENT, call -> updateDeployment(api, call));

        r.on("DELETE", DEPLOYMENT, call -> {
            api.api(call.param("restapi_id"));
            api.apply(Edit.deleteDeployment(call.param("restapi_id"), call.param("deployment_id")));
            return ControlResponse.empty(202);
        });

        r.on("GET", "/restapis/{restapi_id}/stages", call -> {
            String apiId = call.param("restapi_id");
            api.api(apiId);
            String deploymentId = call.query("deploymentId");
            ObjectNode out = Call.READER.createObjectNode();
            var items = out.putArray("item");
            for (Stage s : api.gateway().workspace().stages(apiId)) {
                if (deploymentId == null || deploymentId.equals(s.deploymentId())) items.add(json(s));
            }
            return ControlResponse.json(200, out);
        });
        r.on("POST", "/restapis/{restapi_id}/stages", call -> createStage(api, call));
        r.on("GET", STAGE, call -> ControlResponse.json(200, json(stage(api, call))));
        r.on("PATCH", STAGE, call -> updateStage(api, call));
        r.on("DELETE", STAGE, call -> {
            api.api(call.param("restapi_id"));
            api.apply(Edit.deleteStage(call.param("restapi_id"), call.param("stage_name")));
            return ControlResponse.empty(202);
        });
        r.on("DELETE", STAGE + "/cache/data", call -> {
            api.api(call.param("restapi_id"));
            api.gateway().flushStageCache(call.param("restapi_id"), call.param("stage_name"));
            return ControlResponse.empty(202);
        });
        r.on("GET", STAGE + "/exports/{export_type}", call -> export(api, call));
    }

    /**
     * CreateDeployment with {@code canarySettings}: the new deployment becomes the canary of an existing stage, which
     * keeps serving its deployment to the rest of the traffic (aws-reference §1.10, messages recorded on AWS).
     */
    private static ControlResponse canaryDeployment(ControlApi api, Call call, String apiId, String stageName) {
        api.api(apiId);
        if (stageName == null || stageName.isEmpty()) {
            throw ControlException.badRequest("Invalid deployment content specified.Non null and non empty stageName must be "
                    + "provided for canary deployment. Provided value is " + stageName);
        }
        if (api.gateway().workspace().stage(apiId, stageName).isEmpty()) {
            throw ControlException.badRequest("Invalid deployment content specified.Stage " + stageName
                    + " must already be created before making a canary release deployment");
        }
        JsonNode body = call.body().get("canarySettings");
        if (!body.isObject()) throw ControlException.badRequest("Invalid value for canarySettings: an object is expected");
        ObjectNode settings = ((ObjectNode) body).deepCopy();
        settings.remove("deploymentId");
        Stage.CanarySettings requested = Call.convert(settings, Stage.CanarySettings.class, "canarySettings");
        if (requested.percentTraffic() < 0 || requested.percentTraffic() > 100) {
            throw ControlException.badRequest("Canary traffic percentage must be between 0.0 and 100.0");
        }
        DeploymentSnapshot snapshot = api.gateway().deploy(apiId, null, call.string("description"));
        String id = snapshot.deployment().id();
        api.apply(ControlApi.derived("Canary " + id + " on stage " + stageName, state -> Edit.putStage(apiId,
                state.stage(apiId, stageName).orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"))
                        .withCanarySettings(new Stage.CanarySettings(requested.percentTraffic(), id,
                                requested.stageVariableOverrides(), requested.useStageCache()), api.now()))));
        return ControlResponse.json(201, snapshot.deployment());
    }

    private static DeploymentSnapshot deployment(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        api.api(apiId);
        return api.gateway().workspace().deployment(apiId, call.param("deployment_id"))
                .orElseThrow(() -> DefinitionException.notFound("Invalid Deployment identifier specified"));
    }

    /** {@code embed=apisummary}, sent repeated or comma-separated (botocore's ListOfString in the query). */
    private static boolean embedsApiSummary(Call call) {
        for (String value : call.request().query().getOrDefault("embed", List.of())) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase("apisummary")) return true;
            }
        }
        return false;
    }

    /**
     * AWS's {@code apiSummary}: what the deployment froze, as resource path → HTTP method → MethodSnapshot
     * ({@code authorizationType}, {@code apiKeyRequired}).
     */
    static ObjectNode apiSummary(ApiDefinition frozen) {
        ObjectNode summary = Call.READER.createObjectNode();
        for (Resource resource : frozen.resources()) {
            if (resource.resourceMethods().isEmpty()) continue;
            ObjectNode methods = summary.putObject(resource.path());
            new TreeMap<>(resource.resourceMethods()).forEach((verb, m) -> methods.putObject(verb)
                    .put("authorizationType", m.authorizationType().name())
                    .put("apiKeyRequired", Boolean.TRUE.equals(m.apiKeyRequired())));
        }
        return summary;
    }

    /** UpdateDeployment: {@code replace /description}; any other operation is AWS's 400 and changes nothing. */
    private static ControlResponse updateDeployment(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        String id = call.param("deployment_id");
        DeploymentSnapshot current = deployment(api, call);
        String description = current.deployment().description();
        boolean changed = false;
        for (Patch p : Patch.of(call)) {
            if (!p.op().equals("replace") || !p.path().equals("/description")) throw p.unsupported(DEPLOYMENT_PATHS);
            description = p.value();
            changed = true;
        }
        if (changed) api.apply(Edit.describeDeployment(apiId, id, description));
        return ControlResponse.json(200, deployment(api, call).deployment());
    }

    /** A stage as AWS returns it: {@code methodSettings} is there even when empty ({@code {}}, aws-reference §1.10). */
    static ObjectNode json(Stage stage) {
        ObjectNode node = Call.tree(stage);
        if (!node.has("methodSettings")) node.putObject("methodSettings");
        return node;
    }

    private static Stage stage(ControlApi api, Call call) {
        api.api(call.param("restapi_id"));
        return api.gateway().workspace().stage(call.param("restapi_id"), call.param("stage_name"))
                .orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
    }

    private static ControlResponse createStage(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        api.api(apiId);
        String name = call.string("stageName");
        DefinitionValidator.checkStageName(name);
        String deploymentId = call.string("deploymentId");
        if (deploymentId == null) throw ControlException.badRequest("Invalid deployment identifier specified");
        long now = api.now();
        Stage stage = Stage.of(name, deploymentId, now).withDescription(call.string("description"), now);
        Map<String, String> variables = call.stringMap("variables");
        if (variables != null) {
            DefinitionValidator.checkStageVariables(variables);
            stage = stage.withVariables(variables, now);
        }
        Boolean cache = call.bool("cacheClusterEnabled");
        if (cache != null) stage = stage.withCacheCluster(cache, call.string("cacheClusterSize"), now);
        Stage created = stage;
        api.apply(ControlApi.derived("Create stage " + name, state -> {
            if (state.stage(apiId, name).isPresent()) throw DefinitionException.conflict("Stage already exists");
            return Edit.putStage(apiId, created);
        }));
        return ControlResponse.json(201, json(api.gateway().workspace().stage(apiId, name).orElseThrow()));
    }

    private static ControlResponse updateStage(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        String name = call.param("stage_name");
        api.api(apiId);
        List<Patch> patches = Patch.of(call);
        long now = api.now();
        api.apply(ControlApi.derived("Change stage " + name, state -> {
            Stage s = state.stage(apiId, name).orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
            for (Patch p : patches) s = StagePatches.apply(s, p, now);
            return Edit.putStage(apiId, s);
        }));
        return ControlResponse.json(200, json(api.gateway().workspace().stage(apiId, name).orElseThrow()));
    }

    private static ControlResponse export(ControlApi api, Call call) {
        String apiId = call.param("restapi_id");
        Stage stage = stage(api, call);
        ExportFormat format = switch (call.param("export_type").toLowerCase(Locale.ROOT)) {
            case "oas30" -> ExportFormat.OAS30;
            case "swagger" -> ExportFormat.SWAGGER;
            default -> throw ControlException.badRequest("No OpenAPI exporter for export type " + call.param("export_type")
                    + " (oas30 or swagger)");
        };
        DeploymentSnapshot snapshot = api.gateway().workspace().deployment(apiId, stage.deploymentId())
                .orElseThrow(() -> DefinitionException.notFound("Invalid Deployment identifier specified"));
        String ext = call.query("extensions") == null ? "" : call.query("extensions").toLowerCase(Locale.ROOT);
        List<String> wanted = List.of(ext.split(","));
        ExportExtensions extensions = wanted.contains("apigateway") || (wanted.contains("integrations") && wanted.contains("authorizers"))
                ? ExportExtensions.APIGATEWAY
                : wanted.contains("integrations") ? ExportExtensions.INTEGRATIONS
                : wanted.contains("authorizers") ? ExportExtensions.AUTHORIZERS : ExportExtensions.NONE;
        String accept = call.request().header("accept");
        boolean yaml = accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml");
        Instant deployed = Instant.ofEpochSecond(snapshot.deployment().createdDate());
        String invoke = api.gateway().hostStyleInvokeUrl(apiId, stage.stageName());
        String base = invoke != null ? invoke.substring(0, invoke.length() - stage.stageName().length() - 1)
                : "http://" + apiId + ".execute-api.localhost:4010";
        ExportOptions options = ExportOptions.json(extensions).withYaml(yaml)
                .withStage(new StageInfo(stage.stageName(), deployed, base));
        String text = OpenApiExporter.export(snapshot.api(), format, options);
        String file = call.param("export_type").toLowerCase(Locale.ROOT) + "_" + deployed + (yaml ? ".yaml" : ".json");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", yaml ? "application/yaml" : "application/json");
        headers.put("Content-Disposition", "attachment; filename=\"" + file + "\"");
        return new ControlResponse(200, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    /** AWS UpdateStage's patch paths (aws-reference §1.10). */
    static final class StagePatches {
        static final List<String> PATHS = List.of("/deploymentId", "/description", "/cacheClusterEnabled", "/cacheClusterSize",
                "/accessLogSettings", "/accessLogSettings/destinationArn", "/accessLogSettings/format", "/tracingEnabled", "/variables/{variable_name}", "/{resourcePath}/{httpMethod}/metrics/enabled",
                "/{resourcePath}/{httpMethod}/logging/dataTrace", "/{resourcePath}/{httpMethod}/logging/loglevel",
                "/{resourcePath}/{httpMethod}/throttling/burstLimit", "/{resourcePath}/{httpMethod}/throttling/rateLimit",
                "/{resourcePath}/{httpMethod}/caching/ttlInSeconds", "/{resourcePath}/{httpMethod}/caching/enabled",
                "/{resourcePath}/{httpMethod}/caching/dataEncrypted",
                "/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl",
                "/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy");
        private static final Map<String, String> SETTING_FIELDS = Map.of(
                "metrics/enabled", "metricsEnabled", "logging/dataTrace", "dataTraceEnabled",
                "logging/loglevel", "loggingLevel", "throttling/burstLimit", "throttlingBurstLimit",
                "throttling/rateLimit", "throttlingRateLimit", "caching/ttlInSeconds", "cacheTtlInSeconds",
                "caching/enabled", "cachingEnabled", "caching/dataEncrypted", "cacheDataEncrypted",
                "caching/requireAuthorizationForCacheControl", "requireAuthorizationForCacheControl",
                "caching/unauthorizedCacheControlHeaderStrategy", "unauthorizedCacheControlHeaderStrategy");

        private StagePatches() {}

        static Stage apply(Stage s, Patch p, long now) {
            List<String> seg = p.segments();
            String first = seg.getFirst();
            if (seg.size() == 2 && first.equals("variables")) {
                Map<String, String> vars = new TreeMap<>(s.variables());
                if (p.isRemove()) {
                    vars.remove(seg.get(1));
                } else if (p.op().equals("add") || p.op().equals("replace")) {
                    vars.put(seg.get(1), p.requiredValue());
                    DefinitionValidator.checkStageVariables(Map.of(seg.get(1), p.requiredValue()));
                } else {
                    throw p.unsupported(PATHS);
                }
                return s.withVariables(vars, now);
            }
            if (first.equals("accessLogSettings")) return AccessLogPatch.apply(s, p, PATHS, now);
            if (seg.size() == 1 && p.op().equals("replace")) {
                return switch (first) {
                    case "description" -> s.withDescription(p.value(), now);
                    case "deploymentId" -> s.withDeploymentId(p.requiredValue(), now);
                    case "cacheClusterEnabled" -> s.withCacheCluster(Patch.parseBoolean(p), s.cacheClusterSize(), now);
                    case "cacheClusterSize" -> s.withCacheCluster(s.cacheClusterEnabled(), p.requiredValue(), now);
                    case "tracingEnabled" -> new Stage(s.stageName(), s.description(), s.deploymentId(),
                            s.clientCertificateId(), s.cacheClusterEnabled(), s.cacheClusterSize(), s.cacheClusterStatus(),
                            s.methodSettings(), s.variables(), s.documentationVersion(), s.accessLogSettings(),
                            s.canarySettings(), Patch.parseBoolean(p), s.webAclArn(), s.tags(), s.createdDate(), now);
                    default -> throw p.unsupported(PATHS);
                };
            }
            if (seg.size() >= 4 && p.op().equals("replace")) {
                String setting = seg.get(seg.size() - 2) + "/" + seg.get(seg.size() - 1);
                String field = SETTING_FIELDS.get(setting);
                if (field == null) throw p.unsupported(PATHS);
                String httpMethod = seg.get(seg.size() - 3);
                String resourcePath = String.join("/", seg.subList(0, seg.size() - 3));
                // "*/*" for every method; else the resource path with '/' written ~1, as in AWS's patch paths
                String key = resourcePath.equals("*") && httpMethod.equals("*") ? "*/*"
                        : (resourcePath.startsWith("/") ? resourcePath : "/" + resourcePath).replace("/", "~1") + "/" + httpMethod;
                Map<String, Stage.MethodSetting> settings = new TreeMap<>(s.methodSettings());
                ObjectNode node = Call.tree(settings.getOrDefault(key, DEFAULT_SETTING));
                node.put(field, p.requiredValue());
                settings.put(key, Call.convert(node, Stage.MethodSetting.class, p.path()));
                return s.withMethodSettings(settings, now);
            }
            throw p.unsupported(PATHS);
        }

        /** What AWS fills in for a method setting the first time one of its values is patched. */
        private static final Stage.MethodSetting DEFAULT_SETTING = new Stage.MethodSetting(false,
                dev.gatehouse.engine.model.LoggingLevel.OFF, false, 5000, 10000.0, false, 300, false, true,
                dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
    }
}
