package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;

/**
 * A backend's complete answer: status, headers as received (casing kept), body bytes (never null).
 * {@code latencyMillis} is the time from sending to the last body byte.
 */
public record BackendResponse(int status, Headers headers, byte[] body, long latencyMillis) {

    public BackendResponse {
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    @Override public String toString() {
        return "BackendResponse{" + status + ", " + body.length + " bytes, " + latencyMillis + " ms}";
    }
}
