package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.RequestValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code x-amazon-apigateway-request-validators} (root: name → {validateRequestBody, validateRequestParameters})
 * and {@code x-amazon-apigateway-request-validator} (root: the default for every method; per operation: that
 * method's validator). A name that is not declared is an ERROR.
 */
final class RequestValidatorsExtension {
    static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    static final String VALIDATOR = "x-amazon-apigateway-request-validator";
    private static final Set<String> KNOWN = Set.of("validateRequestBody", "validateRequestParameters");

    private final ImportContext ctx;
    private final Map<String, RequestValidator> byName = new LinkedHashMap<>();
    private String defaultId;

    RequestValidatorsExtension(ImportContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        JsonNode node = ctx.root.get(VALIDATORS);
        String pointer = "/" + VALIDATORS;
        if (node != null && ctx.shapes.isObject(node, pointer, VALIDATORS)) {
            for (String name : Shapes.iterable(node)) {
                String at = Pointers.child(pointer, name);
                JsonNode v = node.get(name);
                if (!ctx.shapes.isObject(v, at, "a request validator")) continue;
                ctx.shapes.unknownKeys(v, at, KNOWN, "a request validator");
                byName.put(name, new RequestValidator(ctx.ids.validator(name), name,
                        ctx.shapes.bool(v, "validateRequestBody", at), ctx.shapes.bool(v, "validateRequestParameters", at)));
            }
        }
        defaultId = lookup(ctx.root, "");
    }

    List<RequestValidator> validators() {
        return new ArrayList<>(byName.values());
    }

    /** The validator id for an operation: its own extension, else the document default (null for none). */
    String forOperation(JsonNode operation, String operationPointer) {
        return operation.has(VALIDATOR) ? lookup(operation, operationPointer) : defaultId;
    }

    private String lookup(JsonNode owner, String ownerPointer) {
        JsonNode node = owner.get(VALIDATOR);
        if (node == null || node.isNull()) return null;
        String at = Pointers.child(ownerPointer, VALIDATOR);
        if (!node.isTextual()) {
            ctx.findings.error(at, VALIDATOR + " must be a validator name, not " + Shapes.describe(node));
            return null;
        }
        RequestValidator v = byName.get(node.asText());
        if (v == null) {
            ctx.findings.error(at, "request validator '" + node.asText() + "' is not declared in " + VALIDATORS);
            return null;
        }
        return v.id();
    }

    static ObjectNode write(List<RequestValidator> validators) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (RequestValidator v : validators) {
            ObjectNode node = out.putObject(v.name());
            node.put("validateRequestBody", v.validateRequestBody());
            node.put("validateRequestParameters", v.validateRequestParameters());
        }
        return out;
    }
}
