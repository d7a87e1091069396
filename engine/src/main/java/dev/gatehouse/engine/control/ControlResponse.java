package dev.gatehouse.engine.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.engine.model.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A control-plane response: status, headers and body bytes. */
public record ControlResponse(int status, Map<String, String> headers, byte[] body) {

    public ControlResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A JSON body (AWS field names as the records carry them). */
    public static ControlResponse json(int status, Object value) {
        try {
            return new ControlResponse(status, Map.of("Content-Type", "application/json"),
                    Json.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** No body (AWS's 202 and 204 answers). */
    public static ControlResponse empty(int status) {
        return new ControlResponse(status, Map.of(), new byte[0]);
    }

    /** AWS's error shape: {@code x-amzn-ErrorType} and {@code {"message": …}}. */
    public static ControlResponse error(ControlException e) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", e.errorType());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        try {
            return new ControlResponse(e.status(), headers, Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    public ControlResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ControlResponse(status, h, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
