package dev.gatehouse.engine.functions;

import java.nio.charset.StandardCharsets;

/**
 * What one invocation returned, as Lambda's Invoke API reports it: the payload (the function's JSON result, or
 * the error document {@code {"errorMessage": ..., "errorType": ...}}), {@code functionError} ({@code Unhandled}
 * for every function error, null on success), the invocation's log lines (START ... END, REPORT) and timing.
 */
public record InvokeResult(String requestId, byte[] payload, String functionError, String log, double durationMs) {

    public InvokeResult {
        payload = payload == null ? new byte[0] : payload;
        log = log == null ? "" : log;
    }

    public boolean failed() {
        return functionError != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
