package dev.gatehouse.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Lambda proxy response (aws-reference §5.2): a JSON object with only {@code statusCode} (a number or a
 * numeric string; 200 when absent), {@code headers} (scalar values: strings, booleans, numbers, sent as text),
 * {@code multiValueHeaders} (lists; they win over {@code headers} for the same name), {@code body} (a string)
 * and {@code isBase64Encoded}. Anything else — another key, a non-numeric status, a multi-value entry that is not
 * a list, a payload that is not an object ({@code "justAString"}) — is malformed: 502
 * {@code {"message": "Internal server error"}} logged "Execution failed due to configuration error: Malformed
 * Lambda proxy response". A Base64 body is decoded when the response's Content-Type or the client's Accept is a
 * binary media type of the API, else sent as the text it is. Stateless.
 */
public final class LambdaProxyResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    private LambdaProxyResponse() { }

    /** The 502 AWS answers for a response it cannot read. */
    public static GatewayException malformed() {
        return GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error").withStatus(502)
                .withLogLine("Execution failed due to configuration error: Malformed Lambda proxy response");
    }

    public static GatewayResponse parse(byte[] payload, BinaryMediaTypes binary, String accept) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw malformed();
        }
        if (root == null || !root.isObject()) throw malformed();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            if (!KEYS.contains(it.next())) throw malformed();
        }
        int status = status(root.get("statusCode"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = root.get("headers");
        if (single != null && !single.isNull()) {
            if (!single.isObject()) throw malformed();
            single.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) return;
                if (!e.getValue().isValueNode()) throw malformed();
                headers.put(e.getKey(), List.of(e.getValue().asText()));
            });
        }
        JsonNode multi = root.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) throw malformed();
            multi.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) return;
                if (!e.getValue().isArray()) throw malformed();
                List<String> values = new java.util.ArrayList<>();
                for (JsonNode v : e.getValue()) {
                    if (!v.isValueNode()) throw malformed();
                    if (!v.isNull()) values.add(v.asText());
                }
                headers.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
                headers.put(e.getKey(), values);
            });
        }
        JsonNode bodyNode = root.get("body");
        if (bodyNode != null && !bodyNode.isNull() && !bodyNode.isTextual()) throw malformed();
        JsonNode b64 = root.get("isBase64Encoded");
        if (b64 != null && !b64.isNull() && !b64.isBoolean()) throw malformed();
        String bodyText = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();

        Headers.Builder h = Headers.builder();
        headers.forEach((k, vs) -> vs.forEach(v -> h.add(k, v)));
        if (!h.contains("Content-Type")) h.set("Content-Type", "application/json");
        Headers built = ProxyResponseHeaders.of(h.build());
        byte[] body = bodyText.getBytes(StandardCharsets.UTF_8);
        if (b64 != null && b64.asBoolean() && (binary.isBinary(built.last("Content-Type")) || binary.acceptsBinary(accept))) {
            try {
                body = Base64.getDecoder().decode(bodyText.trim());
            } catch (IllegalArgumentException notBase64) {
                throw malformed();
            }
        }
        return new GatewayResponse(status, built, body);
    }

    private static int status(JsonNode node) {
        if (node == null || node.isNull()) return 200;
        int status;
        if (node.isIntegralNumber()) status = node.asInt();
        else if (node.isTextual() && node.asText().trim().matches("\\d{1,3}")) status = Integer.parseInt(node.asText().trim());
        else throw malformed();
        if (status < 100 || status > 599) throw malformed();
        return status;
    }
}
