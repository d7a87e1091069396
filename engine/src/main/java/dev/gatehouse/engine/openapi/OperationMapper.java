package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation → one {@link Method}: {@code operationId} → {@code operationName}; path, query and header
 * parameters → {@code method.request.{path|querystring|header}.NAME: required} (every path variable is required,
 * declared or not); bodies and responses via {@link MessageMapper}; authorization via {@link SecuritySchemes};
 * the request validator; and {@code x-amazon-apigateway-integration}. Cookie and form parameters and callbacks
 * are dropped with a WARNING. Integration responses for undeclared method responses (or headers) are dropped with
 * AWS's warning text, as AWS's import does.
 */
final class OperationMapper {
    private static final Set<String> OPERATION_EXTENSIONS = Set.of(IntegrationExtension.KEY, "x-amazon-apigateway-auth",
            RequestValidatorsExtension.VALIDATOR);

    private final ImportContext ctx;
    private final SecuritySchemes security;
    private final RequestValidatorsExtension validators;
    private final MessageMapper messages;

    OperationMapper(ImportContext ctx, SecuritySchemes security, RequestValidatorsExtension validators) {
        this.ctx = ctx;
        this.security = security;
        this.validators = validators;
        this.messages = new MessageMapper(ctx);
    }

    Method map(String httpMethod, JsonNode op, String pointer, List<RefResolver.Located> pathParameters,
               ResourceTree.Placement placement) {
        if (!ctx.shapes.isObject(op, pointer, "an operation")) return null;
        String operationId = op.path("operationId").isValueNode() ? op.get("operationId").asText() : null;
        String base = Names.operationBase(httpMethod, placement.path(), operationId);
        Set<String> variables = variables(placement.path());
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        Map<String, String> requestModels = new LinkedHashMap<>();

        Map<String, RefResolver.Located> merged = new LinkedHashMap<>();
        for (RefResolver.Located p : pathParameters) merged.put(key(p.node()), p);
        JsonNode own = op.get("parameters");
        if (own != null && own.isArray()) {
            for (int i = 0; i < own.size(); i++) {
                RefResolver.Located p = ctx.refs.resolve(own.get(i), Pointers.child(Pointers.child(pointer, "parameters"), i));
                if (p != null && ctx.shapes.isObject(p.node(), p.pointer(), "a parameter")) merged.put(key(p.node()), p);
            }
        }
        boolean formWarned = false;
        for (RefResolver.Located p : merged.values()) {
            JsonNode param = p.node();
            String name = param.path("name").asText(null);
            String in = param.path("in").asText("");
            if (name == null) {
                ctx.findings.error(p.pointer(), "a parameter needs a name");
                continue;
            }
            boolean required = param.path("required").asBoolean(false);
            switch (in) {
                case "path" -> {
                    String actual = placement.renames().getOrDefault(name, name);
                    if (variables.contains(actual)) parameters.put("method.request.path." + actual, true);
                    else ctx.findings.warn(p.pointer(), "path parameter '" + name + "' is not in the path template; dropped");
                }
                case "query" -> parameters.put("method.request.querystring." + name, required);
                case "header" -> parameters.put("method.request.header." + name, required);
                case "cookie" -> ctx.findings.warn(p.pointer(), "cookie parameters are not supported by API Gateway; dropped");
                case "body" -> messages.swaggerBody(param, p.pointer(), messages.mediaTypes(op, "consumes"), base, requestModels);
                case "formData" -> {
                    if (!formWarned) ctx.findings.warn(p.pointer(), "form parameters are not modelled (the form body is "
                            + "passed through unvalidated); dropped");
                    formWarned = true;
                }
                default -> ctx.findings.warn(p.pointer(), "parameter location '" + in + "' is not supported; dropped");
            }
        }
        for (String variable : variables) {
            if (parameters.putIfAbsent("method.request.path." + variable, true) == null) {
                ctx.findings.info(pointer, "path parameter '" + variable + "' is not declared; added as required");
            }
        }
        if (!ctx.swagger() && op.has("requestBody")) {
            messages.requestBody(op.get("requestBody"), Pointers.child(pointer, "requestBody"), base, requestModels);
        }
        Map<String, MethodResponse> responses = messages.responses(op, pointer, base);
        SecuritySchemes.Auth auth = security.forOperation(op, pointer);
        String validatorId = validators.forOperation(op, pointer);
        Integration integration = null;
        if (op.has(IntegrationExtension.KEY)) {
            String at = Pointers.child(pointer, IntegrationExtension.KEY);
            integration = IntegrationExtension.read(ctx, op.get(IntegrationExtension.KEY), at);
            if (integration != null) integration = reconcile(integration, responses, placement, httpMethod, at);
        }
        if (op.has("callbacks")) {
            ctx.findings.warn(Pointers.child(pointer, "callbacks"), "callbacks are not supported by API Gateway; dropped");
        }
        for (String key : Shapes.iterable(op)) {
            if (key.startsWith("x-amazon-apigateway-") && !OPERATION_EXTENSIONS.contains(key)) {
                ctx.findings.warn(Pointers.child(pointer, key), "unknown extension " + key + " on an operation; ignored");
            }
        }
        return new Method(httpMethod, auth.type(), auth.authorizerId(), auth.scopes(), auth.apiKeyRequired(),
                validatorId, operationId, parameters, requestModels, responses, integration);
    }

    /** Applies path-variable renames and drops integration responses AWS would refuse. */
    private Integration reconcile(Integration integration, Map<String, MethodResponse> responses,
                                  ResourceTree.Placement placement, String httpMethod, String pointer) {
        Integration out = integration;
        if (!placement.renames().isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            integration.requestParameters().forEach((k, v) -> parameters.put(k, v == null ? null : rename(v, placement)));
            List<String> cacheKeys = new ArrayList<>();
            integration.cacheKeyParameters().forEach(k -> cacheKeys.add(rename(k, placement)));
            out = new Integration(out.type(), out.httpMethod(), out.uri(), out.connectionType(), out.connectionId(),
                    out.credentials(), parameters, out.requestTemplates(), out.passthroughBehavior(), out.contentHandling(),
                    out.timeoutInMillis(), out.cacheNamespace(), cacheKeys, out.integrationResponses(), out.tlsConfig());
        }
        Map<String, IntegrationResponse> kept = new LinkedHashMap<>();
        String where = "on '" + httpMethod + "' for resource at path '" + placement.path() + "'";
        for (IntegrationResponse r : out.integrationResponses().values()) {
            MethodResponse declared = responses.get(r.statusCode());
            if (declared == null) {
                ctx.findings.warn(Pointers.child(pointer, "responses"), "Unable to put integration response " + where
                        + ": Invalid Response status code specified (" + r.statusCode() + " is not a declared response); dropped");
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            r.responseParameters().forEach((target, source) -> {
                if (declared.responseParameters().containsKey(target)) {
                    parameters.put(target, source);
                } else {
                    ctx.findings.warn(Pointers.child(pointer, "responses"), "Unable to put integration response " + where
                            + ": Invalid mapping expression specified: " + target + " (the " + r.statusCode()
                            + " response does not declare that header); mapping dropped");
                }
            });
            kept.put(r.statusCode(), r.withResponseParameters(parameters));
        }
        return out.withIntegrationResponses(kept);
    }

    private static String rename(String expression, ResourceTree.Placement placement) {
        String out = expression;
        for (Map.Entry<String, String> e : placement.renames().entrySet()) {
            out = out.replace("method.request.path." + e.getKey(), "method.request.path." + e.getValue());
        }
        return out;
    }

    private static String key(JsonNode parameter) {
        return parameter.path("in").asText() + "\u0000" + parameter.path("name").asText();
    }

    private static Set<String> variables(String path) {
        Set<String> out = new LinkedHashSet<>();
        if ("/".equals(path)) return out;
        for (String part : path.substring(1).split("/")) {
            if (DefinitionValidator.isVariable(part)) out.add(ResourceTree.name(part));
        }
        return out;
    }
}
