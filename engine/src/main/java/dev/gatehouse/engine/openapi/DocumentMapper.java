package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.RestApi;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A loaded document → an {@link ApiDefinition}: the order in which the parts are read, and the path loop. */
final class DocumentMapper {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private final ImportContext ctx;

    DocumentMapper(ImportContext ctx) {
        this.ctx = ctx;
    }

    /** @param seed resources of the API merged into (their variable names win), or empty */
    ApiDefinition map(Instant now, List<Resource> seed) {
        ctx.models.declareComponents();
        ctx.models.convertComponents();
        SecuritySchemes security = new SecuritySchemes(ctx);
        security.read();
        RequestValidatorsExtension validators = new RequestValidatorsExtension(ctx);
        validators.read();
        List<GatewayResponse> gatewayResponses = GatewayResponsesExtension.read(ctx);
        ResourceTree tree = new ResourceTree(ctx);
        tree.seed(seed);
        paths(tree, new OperationMapper(ctx, security, validators), prefix());
        notes();
        String rootId = ctx.ids.resource("/");
        RestApi restApi = RestApiExtensions.read(ctx, ctx.ids.apiId(), now.getEpochSecond(), rootId);
        return new ApiDefinition(restApi, tree.resources(), ctx.models.models(), validators.validators(),
                security.authorizers(), gatewayResponses);
    }

    private void paths(ResourceTree tree, OperationMapper operations, String prefix) {
        JsonNode paths = ctx.root.get("paths");
        if (paths == null || paths.isNull()) return;
        if (!ctx.shapes.isObject(paths, "/paths", "paths")) return;
        Map<String, String> operationIds = new HashMap<>();
        for (String rawPath : Shapes.iterable(paths)) {
            if (rawPath.startsWith("x-")) continue;
            String pointer = Pointers.child("/paths", rawPath);
            RefResolver.Located item = ctx.refs.resolve(paths.get(rawPath), pointer);
            if (item == null || !ctx.shapes.isObject(item.node(), pointer, "a path item")) continue;
            String documentPath = prefix.isEmpty() ? rawPath : prefix + ("/".equals(rawPath) ? "" : rawPath);
            ResourceTree.Placement placement = tree.place(documentPath, pointer);
            if (placement == null) continue;
            tree.ensure(placement.path());
            List<RefResolver.Located> pathParameters = pathParameters(item);
            for (String key : Shapes.iterable(item.node())) {
                String at = Pointers.child(item.pointer(), key);
                String httpMethod;
                if (HTTP_METHODS.contains(key)) {
                    httpMethod = key.toUpperCase(Locale.ROOT);
                } else if (key.equals(ANY_METHOD)) {
                    httpMethod = "ANY";
                } else {
                    if (key.equals("trace")) {
                        ctx.findings.warn(at, "TRACE is not an API Gateway method; dropped");
                    } else if (key.startsWith("x-amazon-apigateway-")) {
                        ctx.findings.warn(at, "unknown extension " + key + " on a path item; ignored");
                    }
                    continue;
                }
                JsonNode op = item.node().get(key);
                String operationId = op.path("operationId").isValueNode() ? op.get("operationId").asText() : null;
                if (operationId != null) {
                    String first = operationIds.putIfAbsent(operationId, at);
                    if (first != null) {
                        ctx.findings.error(Pointers.child(at, "operationId"), "duplicate operationId '" + operationId
                                + "' (first used at " + first + ")");
                    }
                }
                Method method = operations.map(httpMethod, op, at, pathParameters, placement);
                if (method != null && !tree.addMethod(placement.path(), method)) {
                    ctx.findings.warn(at, httpMethod + " " + placement.path() + " is defined by an earlier path too; dropped");
                }
            }
        }
    }

    private List<RefResolver.Located> pathParameters(RefResolver.Located item) {
        List<RefResolver.Located> out = new ArrayList<>();
        JsonNode params = item.node().get("parameters");
        if (params == null || !params.isArray()) return out;
        for (int i = 0; i < params.size(); i++) {
            String at = Pointers.child(Pointers.child(item.pointer(), "parameters"), i);
            RefResolver.Located p = ctx.refs.resolve(params.get(i), at);
            if (p != null && ctx.shapes.isObject(p.node(), at, "a parameter")) out.add(p);
        }
        return out;
    }

    private void notes() {
        if (ctx.root.has("webhooks")) {
            ctx.findings.warn("/webhooks", "webhooks are not supported by API Gateway; dropped");
        }
        JsonNode servers = ctx.root.get("servers");
        if (servers != null && servers.isArray() && servers.size() > 1) {
            ctx.findings.warn("/servers", servers.size() + " servers: an API Gateway API is served by its stages; only "
                    + "the first server is read (endpoint configuration, base path)");
        }
    }

    /** The path prefix the base-path option asks for (AWS {@code basepath=ignore|prepend|split}). */
    private String prefix() {
        if (ctx.options.basePath() == ImportOptions.BasePath.IGNORE) return "";
        String base = basePath();
        if (base == null || base.isEmpty() || "/".equals(base)) return "";
        base = base.replaceAll("/+$", "");
        if (!base.startsWith("/")) base = "/" + base;
        if (ctx.options.basePath() == ImportOptions.BasePath.SPLIT) {
            int second = base.indexOf('/', 1);
            return second < 0 ? "" : base.substring(second);
        }
        return base;
    }

    private String basePath() {
        if (ctx.swagger()) return ctx.root.path("basePath").asText(null);
        JsonNode server = ctx.root.path("servers").path(0);
        String url = server.path("url").asText(null);
        if (url == null) return null;
        for (String name : Shapes.iterable(server.path("variables"))) {
            url = url.replace("{" + name + "}", server.path("variables").path(name).path("default").asText(""));
        }
        try {
            return url.contains("://") ? URI.create(url).getPath() : url;
        } catch (IllegalArgumentException e) {
            ctx.findings.warn("/servers/0/url", "server URL is not a URL; no base path");
            return null;
        }
    }
}
