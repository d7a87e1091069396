package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ConnectionType;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code x-amazon-apigateway-integration} ↔ {@link Integration}. Enums are read in any case and stored upper-case;
 * they are written lower-case for {@code type} and {@code passthroughBehavior}, as AWS exports them.
 * {@code responses} is keyed by a selection regex or {@code default}; the model keys integration responses by
 * status code, so {@code default: {statusCode: "200"}} becomes {@code "200"} without a selection pattern.
 */
final class IntegrationExtension {
    static final String KEY = "x-amazon-apigateway-integration";
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d{2}");
    private static final Set<String> KNOWN = Set.of("type", "uri", "httpMethod", "credentials", "requestParameters",
            "requestTemplates", "passthroughBehavior", "contentHandling", "timeoutInMillis", "cacheNamespace",
            "cacheKeyParameters", "connectionType", "connectionId", "tlsConfig", "responses");
    private static final Set<String> RESPONSE_KNOWN = Set.of("statusCode", "responseParameters", "responseTemplates",
            "contentHandling");

    private IntegrationExtension() {}

    static Integration read(ImportContext ctx, JsonNode node, String pointer) {
        Shapes s = ctx.shapes;
        if (!s.isObject(node, pointer, KEY)) return null;
        s.unknownKeys(node, pointer, KNOWN, KEY);
        if (!node.hasNonNull("type")) {
            ctx.findings.error(Pointers.child(pointer, "type"),
                    "integration type is missing (one of mock, http, http_proxy, aws, aws_proxy)");
        }
        IntegrationType type = s.enumValue(node, "type", pointer, IntegrationType.class);
        String httpMethod = s.string(node, "httpMethod", pointer);
        Integration.TlsConfig tls = null;
        JsonNode tlsNode = node.get("tlsConfig");
        if (tlsNode != null && s.isObject(tlsNode, Pointers.child(pointer, "tlsConfig"), "tlsConfig")) {
            tls = new Integration.TlsConfig(s.bool(tlsNode, "insecureSkipVerification", Pointers.child(pointer, "tlsConfig")));
        }
        Integration integration = new Integration(type,
                httpMethod == null ? null : httpMethod.toUpperCase(Locale.ROOT),
                s.string(node, "uri", pointer),
                s.enumValue(node, "connectionType", pointer, ConnectionType.class),
                s.string(node, "connectionId", pointer),
                s.string(node, "credentials", pointer),
                s.stringMap(node, "requestParameters", pointer),
                s.stringMap(node, "requestTemplates", pointer),
                s.enumValue(node, "passthroughBehavior", pointer, PassthroughBehavior.class),
                s.enumValue(node, "contentHandling", pointer, ContentHandling.class),
                s.integer(node, "timeoutInMillis", pointer, 50, 29_000),
                s.string(node, "cacheNamespace", pointer),
                s.stringList(node, "cacheKeyParameters", pointer),
                responses(ctx, node.get("responses"), Pointers.child(pointer, "responses")),
                tls);
        return type == null ? null : integration;
    }

    private static Map<String, IntegrationResponse> responses(ImportContext ctx, JsonNode node, String pointer) {
        Map<String, IntegrationResponse> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        Shapes s = ctx.shapes;
        if (!s.isObject(node, pointer, "integration responses (keyed by selection pattern or 'default')")) return out;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            String at = Pointers.child(pointer, key);
            JsonNode value = e.getValue();
            String pattern = key.equals("default") ? null : key;
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException ex) {
                    ctx.findings.error(at, "invalid selection pattern '" + key + "': " + ex.getDescription());
                }
            }
            if (!s.isObject(value, at, "an integration response")) continue;
            s.unknownKeys(value, at, RESPONSE_KNOWN, "an integration response");
            String status = statusCode(ctx, value, at);
            IntegrationResponse response = new IntegrationResponse(status, pattern,
                    s.stringMap(value, "responseParameters", at),
                    s.stringMap(value, "responseTemplates", at),
                    s.enumValue(value, "contentHandling", at, ContentHandling.class));
            if (status == null) continue;
            if (out.containsKey(status)) {
                ctx.findings.warn(at, "a second integration response for status " + status
                        + " (API Gateway keys them by status code); ignored");
                continue;
            }
            out.put(status, response);
        }
        return out;
    }

    private static String statusCode(ImportContext ctx, JsonNode response, String pointer) {
        JsonNode node = response.get("statusCode");
        String at = Pointers.child(pointer, "statusCode");
        if (node == null || node.isNull()) {
            ctx.findings.error(at, "statusCode is missing");
            return null;
        }
        String text = node.asText();
        if (!node.isTextual() && !node.isIntegralNumber()) {
            ctx.findings.error(at, "statusCode must be a string like \"200\", not " + Shapes.describe(node));
            return null;
        }
        if (!STATUS.matcher(text).matches()) {
            ctx.findings.error(at, "statusCode must be a status code like \"200\", not " + Shapes.describe(node));
            return null;
        }
        if (node.isNumber()) ctx.findings.warn(at, "statusCode should be a string (\"" + text + "\"); read as one");
        return text;
    }

    /** The extension object for an integration; {@code resourceId} decides whether cacheNamespace is a default. */
    static ObjectNode write(Integration i, String resourceId) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", i.type().name().toLowerCase(Locale.ROOT));
        if (i.httpMethod() != null) out.put("httpMethod", i.httpMethod());
        if (i.uri() != null) out.put("uri", i.uri());
        boolean httpType = i.type() == IntegrationType.HTTP || i.type() == IntegrationType.HTTP_PROXY;
        if (i.connectionType() != null && !(httpType && i.connectionType() == ConnectionType.INTERNET)) {
            out.put("connectionType", i.connectionType().name());
        }
        if (i.connectionId() != null) out.put("connectionId", i.connectionId());
        if (i.credentials() != null) out.put("credentials", i.credentials());
        putMap(out, "requestParameters", i.requestParameters());
        putMap(out, "requestTemplates", i.requestTemplates());
        out.put("passthroughBehavior", i.passthroughBehavior().name().toLowerCase(Locale.ROOT));
        if (i.contentHandling() != null) out.put("contentHandling", i.contentHandling().name());
        out.put("timeoutInMillis", i.timeoutInMillis());
        if (i.cacheNamespace() != null && !i.cacheNamespace().equals(resourceId)) out.put("cacheNamespace", i.cacheNamespace());
        if (!i.cacheKeyParameters().isEmpty()) {
            var list = out.putArray("cacheKeyParameters");
            i.cacheKeyParameters().forEach(list::add);
        }
        if (i.tlsConfig() != null && i.tlsConfig().insecureSkipVerification() != null) {
            out.putObject("tlsConfig").put("insecureSkipVerification", i.tlsConfig().insecureSkipVerification());
        }
        if (!i.integrationResponses().isEmpty()) {
            ObjectNode responses = out.putObject("responses");
            List<IntegrationResponse> ordered = i.integrationResponses().values().stream()
                    .sorted((a, b) -> Boolean.compare(a.isDefault(), b.isDefault())).toList();
            for (IntegrationResponse r : ordered) {
                ObjectNode response = responses.putObject(r.isDefault() ? "default" : r.selectionPattern());
                response.put("statusCode", r.statusCode());
                putMap(response, "responseParameters", r.responseParameters());
                putMap(response, "responseTemplates", r.responseTemplates());
                if (r.contentHandling() != null) response.put("contentHandling", r.contentHandling().name());
            }
        }
        return out;
    }

    static void putMap(ObjectNode out, String field, Map<String, String> map) {
        if (map == null || map.isEmpty()) return;
        ObjectNode node = out.putObject(field);
        map.forEach((k, v) -> {
            if (v == null) node.putNull(k);
            else node.put(k, v);
        });
    }
}
