package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One method → one operation. Every path variable is a required path parameter; query and header parameters come
 * from {@code requestParameters}; request and response models become {@code $ref}s to the exported schemas.
 * Swagger 2.0 has one body schema per operation and one response schema per status: when a method maps several
 * content types to different models, the {@code application/json} one (else the first) is written.
 */
final class OperationWriter {
    private final ApiDefinition api;
    private final ExportFormat format;
    private final ExportExtensions extensions;

    OperationWriter(ApiDefinition api, ExportFormat format, ExportExtensions extensions) {
        this.api = api;
        this.format = format;
        this.extensions = extensions;
    }

    private boolean swagger() {
        return format == ExportFormat.SWAGGER;
    }

    ObjectNode write(Resource resource, Method m) {
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        if (m.operationName() != null) op.put("operationId", m.operationName());
        if (swagger()) {
            mediaTypes(op, "consumes", m.requestModels().keySet());
            Set<String> produced = new LinkedHashSet<>();
            m.methodResponses().values().forEach(r -> produced.addAll(r.responseModels().keySet()));
            mediaTypes(op, "produces", produced);
        }
        ArrayNode parameters = parameters(resource, m);
        if (swagger() && !m.requestModels().isEmpty()) {
            String model = preferred(m.requestModels());
            ObjectNode body = parameters.addObject().put("in", "body").put("name", model).put("required", true);
            body.putObject("schema").put("$ref", SchemaExporter.ref(model, format));
        }
        if (!parameters.isEmpty()) op.set("parameters", parameters);
        if (!swagger() && !m.requestModels().isEmpty()) {
            ObjectNode content = op.putObject("requestBody").putObject("content");
            m.requestModels().forEach((type, model) ->
                    content.putObject(type).putObject("schema").put("$ref", SchemaExporter.ref(model, format)));
            ((ObjectNode) op.get("requestBody")).put("required", true);
        }
        ObjectNode responses = op.putObject("responses");
        m.methodResponses().forEach((code, r) -> responses.set(code, response(code, r)));
        ArrayNode security = SecurityWriter.requirement(api, m);
        if (security != null) op.set("security", security);
        if (extensions.all() && m.requestValidatorId() != null) {
            api.requestValidator(m.requestValidatorId())
                    .ifPresent(v -> op.put(RequestValidatorsExtension.VALIDATOR, v.name()));
        }
        if (extensions.integrations() && m.methodIntegration() != null) {
            op.set(IntegrationExtension.KEY, IntegrationExtension.write(m.methodIntegration(), resource.id()));
        }
        return op;
    }

    private ArrayNode parameters(Resource resource, Method m) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        if (!"/".equals(resource.path())) {
            for (String part : resource.path().substring(1).split("/")) {
                if (DefinitionValidator.isVariable(part)) {
                    String name = ResourceTree.name(part);
                    if (seen.add("path\u0000" + name)) parameter(out, name, "path", true);
                }
            }
        }
        for (Map.Entry<String, Boolean> e : m.requestParameters().entrySet()) {
            String[] parts = e.getKey().split("\\.", 4);
            if (parts.length < 4) continue;
            String in = switch (parts[2]) {
                case "querystring", "multivaluequerystring" -> "query";
                case "header", "multivalueheader" -> "header";
                default -> null;
            };
            if (in != null && seen.add(in + "\u0000" + parts[3])) parameter(out, parts[3], in, Boolean.TRUE.equals(e.getValue()));
        }
        return out;
    }

    private void parameter(ArrayNode out, String name, String in, boolean required) {
        ObjectNode p = out.addObject().put("name", name).put("in", in).put("required", required);
        if (swagger()) p.put("type", "string");
        else p.putObject("schema").put("type", "string");
    }

    private ObjectNode response(String code, MethodResponse r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("description", code + " response");
        if (swagger() && !r.responseModels().isEmpty()) {
            out.putObject("schema").put("$ref", SchemaExporter.ref(preferred(r.responseModels()), format));
        }
        if (!r.responseParameters().isEmpty()) {
            ObjectNode headers = out.putObject("headers");
            for (String target : r.responseParameters().keySet()) {
                if (!target.startsWith("method.response.header.")) continue;
                ObjectNode header = headers.putObject(target.substring("method.response.header.".length()));
                if (swagger()) header.put("type", "string");
                else header.putObject("schema").put("type", "string");
            }
        }
        if (!swagger() && !r.responseModels().isEmpty()) {
            ObjectNode content = out.putObject("content");
            r.responseModels().forEach((type, model) ->
                    content.putObject(type).putObject("schema").put("$ref", SchemaExporter.ref(model, format)));
        }
        return out;
    }

    private static void mediaTypes(ObjectNode op, String field, Set<String> types) {
        if (types.isEmpty()) return;
        ArrayNode list = op.putArray(field);
        types.forEach(list::add);
    }

    /** The model Swagger gets when it can hold only one: application/json's, else the first. */
    static String preferred(Map<String, String> models) {
        String json = models.get("application/json");
        return json != null ? json : models.values().iterator().next();
    }
}
