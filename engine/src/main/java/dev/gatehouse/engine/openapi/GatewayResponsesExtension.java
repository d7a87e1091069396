package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code x-amazon-apigateway-gateway-responses}: response type → {statusCode, responseParameters, responseTemplates}. */
final class GatewayResponsesExtension {
    static final String KEY = "x-amazon-apigateway-gateway-responses";
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d{2}");
    private static final Set<String> KNOWN = Set.of("statusCode", "responseParameters", "responseTemplates");

    private GatewayResponsesExtension() {}

    static List<GatewayResponse> read(ImportContext ctx) {
        List<GatewayResponse> out = new ArrayList<>();
        JsonNode node = ctx.root.get(KEY);
        String pointer = "/" + KEY;
        if (node == null || !ctx.shapes.isObject(node, pointer, KEY)) return out;
        for (String typeName : Shapes.iterable(node)) {
            String at = Pointers.child(pointer, typeName);
            GatewayResponseType type;
            try {
                type = GatewayResponseType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                ctx.findings.error(at, "unknown gateway response type '" + typeName + "'");
                continue;
            }
            JsonNode value = node.get(typeName);
            if (!ctx.shapes.isObject(value, at, "a gateway response")) continue;
            ctx.shapes.unknownKeys(value, at, KNOWN, "a gateway response");
            String status = null;
            JsonNode statusNode = value.get("statusCode");
            if (statusNode != null && !statusNode.isNull()) {
                if ((statusNode.isTextual() || statusNode.isIntegralNumber()) && STATUS.matcher(statusNode.asText()).matches()) {
                    status = statusNode.asText();
                    if (statusNode.isNumber()) {
                        ctx.findings.warn(Pointers.child(at, "statusCode"), "statusCode should be a string; read as one");
                    }
                } else {
                    ctx.findings.error(Pointers.child(at, "statusCode"), "statusCode must be a status code like \"400\", not "
                            + Shapes.describe(statusNode));
                }
            }
            out.add(new GatewayResponse(type, status, ctx.shapes.stringMap(value, "responseParameters", at),
                    ctx.shapes.stringMap(value, "responseTemplates", at), false));
        }
        return out;
    }

    static ObjectNode write(List<GatewayResponse> responses) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (GatewayResponse r : responses) {
            ObjectNode node = out.putObject(r.responseType().name());
            if (r.statusCode() != null) node.put("statusCode", r.statusCode());
            IntegrationExtension.putMap(node, "responseParameters", r.responseParameters());
            IntegrationExtension.putMap(node, "responseTemplates", r.responseTemplates());
        }
        return out;
    }
}
