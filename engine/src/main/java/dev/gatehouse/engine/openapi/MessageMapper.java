package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.MethodResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Request bodies and responses → {@code requestModels} and method responses. A body or response schema becomes a
 * model per content type (Swagger: per {@code consumes}/{@code produces} type, {@code application/json} when none
 * is given); response headers become {@code method.response.header.NAME: false} (as AWS imports them).
 * Responses without an explicit status ({@code default}, {@code 2XX}) and links are dropped with a WARNING.
 */
final class MessageMapper {
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d{2}");
    private static final List<String> JSON_ONLY = List.of("application/json");

    private final ImportContext ctx;

    MessageMapper(ImportContext ctx) {
        this.ctx = ctx;
    }

    /** Swagger {@code consumes}/{@code produces}: the operation's, else the document's, else JSON. */
    List<String> mediaTypes(JsonNode operation, String field) {
        JsonNode types = operation.has(field) ? operation.get(field) : ctx.root.get(field);
        if (types == null || !types.isArray() || types.isEmpty()) return JSON_ONLY;
        List<String> out = new ArrayList<>();
        for (JsonNode t : types) if (t.isTextual()) out.add(t.asText());
        return out.isEmpty() ? JSON_ONLY : out;
    }

    /** A Swagger body parameter's schema, one model entry per consumed type. */
    void swaggerBody(JsonNode parameter, String pointer, List<String> consumes, String base, Map<String, String> models) {
        JsonNode schema = parameter.get("schema");
        if (schema == null) {
            ctx.findings.warn(pointer, "body parameter without a schema; no request model");
            return;
        }
        String model = ctx.models.modelFor(schema, Pointers.child(pointer, "schema"), base + "Request");
        if (model != null) for (String type : consumes) models.put(type, model);
    }

    /** An OAS 3 requestBody. */
    void requestBody(JsonNode body, String pointer, String base, Map<String, String> models) {
        RefResolver.Located located = ctx.refs.resolve(body, pointer);
        if (located == null || !ctx.shapes.isObject(located.node(), pointer, "requestBody")) return;
        content(located.node().get("content"), Pointers.child(located.pointer(), "content"), base + "Request", models);
    }

    private void content(JsonNode content, String pointer, String suggestedName, Map<String, String> models) {
        if (content == null || content.isNull()) return;
        if (!ctx.shapes.isObject(content, pointer, "content")) return;
        for (String type : Shapes.iterable(content)) {
            JsonNode media = content.get(type);
            String at = Pointers.child(pointer, type);
            if (!media.isObject()) continue;
            JsonNode schema = media.get("schema");
            if (schema == null) {
                ctx.findings.info(at, "media type without a schema; no model for " + type);
                continue;
            }
            String model = ctx.models.modelFor(schema, Pointers.child(at, "schema"), suggestedName);
            if (model != null) models.put(type, model);
        }
    }

    /** The operation's responses as method responses keyed by status code. */
    Map<String, MethodResponse> responses(JsonNode operation, String operationPointer, String base) {
        Map<String, MethodResponse> out = new LinkedHashMap<>();
        JsonNode responses = operation.get("responses");
        String pointer = Pointers.child(operationPointer, "responses");
        if (responses == null || responses.isNull()) return out;
        if (!ctx.shapes.isObject(responses, pointer, "responses")) return out;
        List<String> produces = ctx.swagger() ? mediaTypes(operation, "produces") : null;
        for (String code : Shapes.iterable(responses)) {
            String at = Pointers.child(pointer, code);
            if (code.startsWith("x-")) continue;
            if (code.equals("default")) {
                ctx.findings.info(at, "the 'default' response has no status code; API Gateway method responses need one; dropped");
                continue;
            }
            if (!STATUS.matcher(code).matches()) {
                ctx.findings.warn(at, "response '" + code + "' has no exact status code; API Gateway method responses "
                        + "need one; dropped");
                continue;
            }
            RefResolver.Located located = ctx.refs.resolve(responses.get(code), at);
            if (located == null || !ctx.shapes.isObject(located.node(), at, "a response")) continue;
            JsonNode response = located.node();
            String rat = located.pointer();
            Map<String, Boolean> headers = headers(response.get("headers"), Pointers.child(rat, "headers"));
            Map<String, String> models = new LinkedHashMap<>();
            String name = base + code + "Response";
            if (ctx.swagger()) {
                JsonNode schema = response.get("schema");
                if (schema != null) {
                    String model = ctx.models.modelFor(schema, Pointers.child(rat, "schema"), name);
                    if (model != null) for (String type : produces) models.put(type, model);
                }
            } else {
                content(response.get("content"), Pointers.child(rat, "content"), name, models);
            }
            if (response.has("links")) {
                ctx.findings.warn(Pointers.child(rat, "links"), "response links are not supported by API Gateway; dropped");
            }
            out.put(code, new MethodResponse(code, headers, models));
        }
        return out;
    }

    private Map<String, Boolean> headers(JsonNode headers, String pointer) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (headers == null || !headers.isObject()) return out;
        for (String name : Shapes.iterable(headers)) {
            // AWS imports every response header as optional, whatever the document says
            if (ctx.refs.resolve(headers.get(name), Pointers.child(pointer, name)) != null) {
                out.put("method.response.header." + name, false);
            }
        }
        return out;
    }
}
